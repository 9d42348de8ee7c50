// Keeps every thread of the bot but its own (its workers, V8's helper thread that collects their
// heaps, libuv's) under Linux's SCHED_IDLE policy, so that drawing a chart or reading feeds never
// keeps the bot's thread waiting for a core. At nice 10 alone a worker keeps its core until its
// time slice ends, and a reply waits up to a scheduler tick for it; an idle-policy thread gives
// way at once. The policy ranks threads within the bot's own control group (a systemd service has
// one), so other programs on the machine do not starve the workers.
//
// Node cannot set a thread's policy, and running util-linux's `chrt` from the bot would fork a
// process of a few hundred megabytes in the middle of its work (tens of milliseconds of stall,
// see BENCHMARKS.md). So a small shell started once, while the bot is still small, looks at the
// bot's threads every second and puts new ones under the policy; it ends when the bot does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** Linux's SCHED_IDLE scheduling policy, as the 41st field of a thread's stat gives it. */
export const SCHED_IDLE = 5;

/**
 * `$1` is the bot's pid. For each of its threads but the first (the bot's own), the policy field
 * of its stat (the 39th after the command's closing parenthesis); `chrt` only for those not idle.
 */
const KEEPER = `
bot=$1
while kill -0 "$bot" 2>/dev/null; do
  for task in /proc/"$bot"/task/*; do
    tid=\${task##*/}
    [ "$tid" = "$bot" ] && continue
    read -r stat < "$task/stat" 2>/dev/null || continue
    set -- \${stat##*) }
    shift 38
    [ "$1" = ${SCHED_IDLE} ] || chrt --idle --pid 0 "$tid" 2>/dev/null
  done
  sleep 1
done
`;

export interface IdleThreads {
  /** Ends the keeper; the threads keep their policy. Resolves once it has ended. */
  stop(): Promise<void>;
}

/**
 * Starts the keeper for this process, on Linux where `chrt` is installed; nothing elsewhere (the
 * workers then run at nice 10 only). Call it first thing, while the process is small.
 */
export function keepOtherThreadsIdle(): IdleThreads | undefined {
  if (process.platform !== 'linux' || spawnSync('chrt', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const keeper: ChildProcess = spawn('/bin/sh', ['-c', KEEPER, 'sitrep-idle-threads', String(process.pid)], { stdio: 'ignore' });
  // Without /bin/sh the keeper fails to start: the workers then run at nice 10 only.
  const ended = new Promise<void>((resolve) => {
    keeper.once('close', () => resolve());
    keeper.once('error', () => resolve());
  });
  // The keeper never holds the bot open; it ends within a second of the bot anyway.
  keeper.unref();
  return {
    stop: () => {
      // Held again while it ends, or a program with nothing else to do would exit before it has.
      keeper.ref();
      keeper.kill();
      return ended;
    },
  };
}
