// A progress bar on stderr for large files when a person is watching; silent otherwise.
import cliProgress from 'cli-progress';

const LARGE = 5000;

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function progressBar(label: string, total: number): Progress {
  if (!process.stderr.isTTY || total < LARGE) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label.padEnd(10)} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  // Phases report every row: the bar is moved a hundredth at a time.
  const hundredth = Math.ceil(total / 100);
  let next = hundredth;
  return {
    update(done) {
      if (done < next && done < total) return;
      next = done + hundredth;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
