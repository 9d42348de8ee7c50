// A poster that records what it posts and fails, hangs or runs code on cue.
import type { PlatformName } from '../../../src/core/caller.js';
import { DeliveryError, type PostResult, type Poster } from '../../../src/core/poster.js';
import type { View } from '../../../src/core/view.js';
import { viewText } from '../../support/view-text.js';

export interface Posted {
  channelId: string;
  view: View;
  text: string;
  at: Date;
}

type Step = { fail: DeliveryError } | { hang: true } | { before: () => void };

export class FakePoster implements Poster {
  readonly posts: Posted[] = [];
  /** Confirmations of /digest subscribe, set apart from `posts` by Harness.subscribe once checked. */
  readonly confirmations: Posted[] = [];
  private readonly script: Step[] = [];
  private count = 0;

  constructor(
    readonly platform: PlatformName,
    private readonly now: () => Date,
  ) {}

  accessHelp(command: string): string {
    return `Let Sitrep post in this ${this.platform} channel, then run ${command} again.`;
  }

  /** The next posts fail with these errors, in order. */
  failNext(...errors: DeliveryError[]): this {
    this.script.push(...errors.map((fail) => ({ fail })));
    return this;
  }

  /** The next post reaches the channel but never returns: the process "crashes" mid-send. */
  hangAfterPosting(): this {
    this.script.push({ hang: true });
    return this;
  }

  /** Runs `work` while the next post is in flight (e.g. an admin adds an entry). */
  during(work: () => void): this {
    this.script.push({ before: work });
    return this;
  }

  /** A direct message goes to `dm:USER` and takes its turn in the script like a post. */
  async direct(userId: string, view: View): Promise<string[]> {
    return (await this.post(`dm:${userId}`, view)).refs;
  }

  async post(channelId: string, view: View): Promise<PostResult> {
    const step = this.script.shift();
    if (step && 'fail' in step) throw step.fail;
    if (step && 'before' in step) {
      await Promise.resolve();
      step.before();
    }
    this.posts.push({ channelId, view, text: viewText(view), at: this.now() });
    if (step && 'hang' in step) return new Promise<PostResult>(() => undefined);
    this.count += 1;
    return { refs: [`${this.platform}-msg-${this.count}`] };
  }

  texts(channelId?: string): string[] {
    return this.posts.filter((p) => channelId === undefined || p.channelId === channelId).map((p) => p.text);
  }
}

export const rateLimited = (ms = 2_000) => new DeliveryError('retryable', 'HTTP 429: rate limited', ms);
export const channelGone = () => new DeliveryError('permanent', 'Unknown Channel (the channel was deleted)');
