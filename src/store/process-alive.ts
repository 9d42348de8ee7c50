// Whether a process of this host still runs, by its pid: how a killed bot, import, backup or
// lease holder is told from one still at work.

/** Whether a process of this host with that pid exists (signal 0 only asks; EPERM: it does, as another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
