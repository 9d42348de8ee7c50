// The review channel as a platform that can edit its messages: every message as it shows now, and
// every edit made to them, for tests of cards drawn again.
import type { PostResult, Poster } from '../../../src/core/poster.js';
import type { View } from '../../../src/core/view.js';

export class ChannelPoster implements Poster {
  readonly platform = 'discord';
  accessHelp = (): string => '';
  readonly messages = new Map<string, View>();
  readonly edits: string[] = [];

  async post(_channelId: string, view: View): Promise<PostResult> {
    const ref = `m${this.messages.size + 1}`;
    this.messages.set(ref, view);
    return { refs: [ref] };
  }

  async update(_channelId: string, refs: readonly string[], view: View): Promise<void> {
    for (const ref of refs) {
      this.messages.set(ref, view);
      this.edits.push(ref);
    }
  }
}
