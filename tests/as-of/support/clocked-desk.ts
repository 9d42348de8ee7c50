// A desk whose clock the test moves: an admin's changes written at chosen instants, then the
// dossier read at another, as past views (as_of:) are tried.
import { expect } from 'vitest';
import type { Caller } from '../../../src/core/caller.js';
import type { View } from '../../../src/core/view.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { viewText } from '../../support/view-text.js';

/** The admin of the desk. */
export const ana: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1' };

export class ClockedDesk {
  readonly app: TestApp;
  #clock: Date;

  constructor(start: string) {
    this.#clock = new Date(start);
    this.app = createTestApp('memory:ana', () => this.#clock);
  }

  setClock(at: string): void {
    this.#clock = new Date(at);
  }

  run(line: string, caller: Caller = ana): Promise<View> {
    return this.app.dispatcher.runText(line, caller);
  }

  /** The reply to `line` as text, asserting that it is a view and no refusal. */
  async shown(line: string): Promise<string> {
    const view = await this.run(line);
    expect(view.tone, viewText(view)).toBe('normal');
    return viewText(view);
  }

  /** Runs `line` at `at`, asserting that it succeeded; the clock stays there. */
  async editAt(at: string, line: string): Promise<void> {
    this.setClock(at);
    const view = await this.run(line);
    expect(view.tone, viewText(view)).toBe('success');
  }

  dispose(): void {
    this.app.dispose();
  }
}
