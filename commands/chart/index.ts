// /chart — pictures of the dossier: a timeline of entries per period, and a map of where.
import type { CommandSpec } from '../../src/core/command-spec.js';
import { chartMap } from './map.js';
import { chartTimeline } from './timeline.js';

export const chartCommand: CommandSpec = {
  name: 'chart',
  description: 'Pictures of the dossier: entries over time, and where they happened',
  subcommands: [chartTimeline, chartMap],
};
