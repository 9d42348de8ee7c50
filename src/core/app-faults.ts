// A platform refusing Sitrep itself (its token, its scopes: DeliveryError.operatorFix) refuses
// every channel and every person alike, and only whoever runs Sitrep can end it. Nothing is paused
// or given up for it: what was refused (a digest, a watch message, a review card) waits and is
// retried. The operator reads one log line per fault naming the fix, not one per channel or
// person, and one more once the platform takes posts again.
import type { PlatformName } from './caller.js';
import type { Logger } from './logger.js';

/** Between a refusal and what a stored reason adds to it while the post waits for the operator. */
const WAITS_FOR_OPERATOR = ' — Sitrep itself was refused, not this channel; waiting for the operator to fix the app — ';

/** A waiting post's reason as it is stored (`/digest list` shows it): the refusal, that it waits, and the fix. */
export function waitingForOperator(refusal: string, fix: string): string {
  return `${refusal}${WAITS_FOR_OPERATOR}${fix}`;
}

/** The refusal alone, without the operator's fix: what a channel's readers are told of it. */
export function refusalOnly(reason: string): string {
  const cut = reason.indexOf(WAITS_FOR_OPERATOR);
  return cut < 0 ? reason : reason.slice(0, cut);
}

/** A stored reason read back: the refusal and the operator's fix, when it waits for the operator; else undefined. */
export function operatorFault(reason: string): { refusal: string; fix: string } | undefined {
  const cut = reason.indexOf(WAITS_FOR_OPERATOR);
  return cut < 0 ? undefined : { refusal: reason.slice(0, cut), fix: reason.slice(cut + WAITS_FOR_OPERATOR.length) };
}

/** What a stored reason holds when it waits for the operator, as an SQL LIKE pattern (its words hold no % or _). */
export const WAITING_FOR_OPERATOR_LIKE = `%${WAITS_FOR_OPERATOR}%`;

interface Fault {
  reason: string;
  fix: string;
}

export class AppFaults {
  private readonly faults = new Map<PlatformName, Fault>();

  /** `what`: what waits, in the log's words (`digests`); `spared`: what is not done to it (`none paused`). */
  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly spared = 'none paused',
  ) {}

  /** The platform refused Sitrep itself with `reason`: the operator is told, once for each fix. */
  refused(platform: PlatformName, reason: string, fix: string): void {
    const known = this.faults.get(platform);
    this.faults.set(platform, { reason, fix });
    // One line per fault: another refusal the same fix ends (a 401, then the token dropped) is the same fault.
    if (known?.fix === fix) return;
    this.logger.warn({ platform, error: reason, fix }, `${platform} ${this.what} wait, ${this.spared}: ${reason} — ${fix}`);
  }

  /** A post on the platform went out: its fault, if it had one, is over, and what waited follows. */
  accepted(platform: PlatformName): void {
    const fault = this.faults.get(platform);
    if (!fault) return;
    this.faults.delete(platform);
    this.logger.info({ platform, was: fault.reason }, `${platform} ${this.what} go out again; those held meanwhile follow`);
  }
}
