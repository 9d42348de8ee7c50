// Waiting for work, but no longer than a limit: a platform's acknowledgement deadline, a lookup
// that must not hold up a reply, a thread asked to end.

/** The work's result if it ends within `ms` (`{ value }`, so a result of undefined still counts); undefined once `ms` have passed. */
export async function within<T>(work: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
