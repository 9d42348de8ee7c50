// Remembers the platform deliveries that changed the store, so a retried interaction (Slack
// retries, a double-clicked button) never writes twice. The store implements the port.
import type { View } from './view.js';

export type ClaimResult =
  | { state: 'new' }
  /** Seen before: the stored reply, or undefined while the first delivery is still running. */
  | { state: 'seen'; view: View | undefined };

export interface RequestLog {
  /** Records the request id atomically; says whether it was seen before. */
  claim(requestId: string, command: string, caller: string): ClaimResult;
  complete(requestId: string, view: View): void;
  /** Forgets a claim whose command failed before writing, so a retry can run it. */
  release(requestId: string): void;
}
