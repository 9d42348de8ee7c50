// Discord wants a first answer within 3 s: when the work is not done in time, acknowledge
// first (deferReply/deferUpdate) and deliver the result as an edit.

export interface Answer<T> {
  value: T;
  deferred: boolean;
}

export async function answerInTime<T>(work: Promise<T>, afterMs: number, defer: () => Promise<unknown>): Promise<Answer<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), afterMs);
  });
  try {
    const first = await Promise.race([work.then(() => 'done' as const), late]);
    if (first === 'done') return { value: await work, deferred: false };
  } finally {
    clearTimeout(timer);
  }
  await defer();
  return { value: await work, deferred: true };
}
