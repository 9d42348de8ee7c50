// Progress of a long import phase on stderr: a bar where a person watches a terminal, and plain
// lines at each tenth otherwise, so a log (or whoever reads the pipe) sees how far it got.
import type { Writable } from 'node:stream';
import { progressBar, type Progress } from './progress.js';

/** Below this many rows a phase takes well under a second: no progress to report. */
const LARGE = 5000;
const STEPS = 10;

export function phaseProgress(stream: Writable, label: string, total: number): Progress {
  // The bar draws on the process's own stderr, the only terminal a program has.
  if ((stream as { isTTY?: boolean }).isTTY) return progressBar(label, total);
  if (total < LARGE) return { update() {}, stop() {} };
  // The count at which the next tenth is reached; phases report every row, so a line is printed there.
  let step = 1;
  let next = Math.ceil(total / STEPS);
  return {
    update(done) {
      if (done < next || step > STEPS) return;
      while (step <= STEPS && next <= done) next = Math.ceil((++step * total) / STEPS);
      stream.write(`${label} ${done}/${total} (${Math.floor((done * 100) / total)}%)\n`);
    },
    stop() {},
  };
}
