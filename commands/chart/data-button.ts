// The Data button under a chart: the same command with data:true, answered to the presser alone.
import { invocationArgs } from '../../src/core/entry-views.js';
import type { CommandArgs } from '../../src/core/command-spec.js';
import type { Button } from '../../src/core/view.js';

export const DATA_LABEL = 'Data';

export function dataButton(subcommand: string, args: CommandArgs): Button {
  const invocation = { command: 'chart', subcommand, args: { ...invocationArgs(args), data: true } };
  return { label: DATA_LABEL, style: 'secondary', audience: 'anyone', action: { kind: 'tell', invocation } };
}
