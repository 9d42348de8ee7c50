// The button under a chart that gives its figures as text: the same command with data:true,
// answered to the presser alone.
import { invocationArgs } from '../../src/core/entry-views.js';
import type { CommandArgs } from '../../src/core/command-spec.js';
import type { Button } from '../../src/core/view.js';

/** Says what it gives: a screen reader reads the label alone, away from the picture it is under. */
export const DATA_LABEL = 'Chart data as text';

export function dataButton(subcommand: string, args: CommandArgs): Button {
  const invocation = { command: 'chart', subcommand, args: { ...invocationArgs(args), data: true } };
  return { label: DATA_LABEL, style: 'secondary', audience: 'anyone', action: { kind: 'tell', invocation } };
}
