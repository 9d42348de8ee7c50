// Runs a store-changing command at most once per platform delivery.
import type { RequestLog } from './request-log.js';
import { plainLine, type View } from './view.js';

const IN_PROGRESS: View = {
  title: 'Already received',
  tone: 'normal',
  intro: [plainLine('This request is already being handled; its result will not be applied twice.')],
  sections: [],
  private: true,
  handledElsewhere: true,
};

export async function runOnce(
  log: RequestLog | undefined,
  key: { requestId: string | undefined; command: string; caller: string },
  work: () => View | Promise<View>,
): Promise<View> {
  if (!log || !key.requestId) return work();
  const claim = log.claim(key.requestId, key.command, key.caller);
  if (claim.state === 'seen') return claim.view ?? IN_PROGRESS;
  try {
    const view = await work();
    log.complete(key.requestId, view);
    return view;
  } catch (error) {
    // Every write runs in one transaction, so a failed command wrote nothing: let a retry run.
    // If even that fails (the store is busy), the original error is what the caller must see.
    try {
      log.release(key.requestId);
    } catch {
      // The claim stays: a redelivery of this same request is told it is in progress until the
      // claim counts as abandoned (ABANDONED_CLAIM_MS in the store's request log).
    }
    throw error;
  }
}
