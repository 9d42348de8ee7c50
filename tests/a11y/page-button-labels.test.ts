// GIVEN answers longer than one message or one page, WHEN their Previous/Next buttons are drawn,
// THEN each says where it leads (`Next part (2 of 3)`, `Next page (2 of 2)`), counting the parts
// the platform split the answer into apart from the command's pages, and never a total it does
// not know; and the line above the results reads `Showing 1 to 10 of 17`, with no dash for a
// screen reader to name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepLabel } from '../../src/core/interaction/texts.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { MemoryPlatform, type Message } from '../support/memory-platform.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let platform: MemoryPlatform;
const stamp = { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' };
/** More entries than Sitrep counts exactly (1,000): their total is known only to be at least that. */
const MANY = 1001;

beforeAll(() => {
  app = createTestApp('memory:ana');
  platform = new MemoryPlatform(app.dispatcher, app.logger);
  app.db.transaction(() => {
    for (let i = 0; i < MANY; i++) {
      app.services.editor.addEntry(
        { topic: 'many', title: `Patrol ${i}`, summary: 'x', eventType: 'incursion', start: { year: 2001 + Math.floor(i / 336), month: 1 + Math.floor((i % 336) / 28), day: 1 + (i % 28) }, confidence: 'reported', places: [], actors: [], sources: [], tags: [] },
        stamp,
      );
    }
  })();
});
afterAll(() => app?.dispose());

const labels = (message: Message) => message.buttons.map((b) => `${b.label}${b.disabled ? ' (off)' : ''}`);
const next = (message: Message) => message.buttons.find((b) => b.label.startsWith('Next ') && !b.disabled)!.label;

describe('the line above a page of results', () => {
  it('says the range in words, not with a dash a screen reader reads as “en dash”', async () => {
    const first = await platform.command('/timeline topic:syria-israel', 'ana');
    expect(first.text).toContain('Showing 1 to 10 of 17 entries.');
    expect(first.text).not.toMatch(/\d–\d/);
  });
});

describe('Previous and Next', () => {
  // This platform shows four sections to a message: a page of ten entries comes in three parts.
  it('say which part of this page, then which page, they lead to; back from page 2, the page it returns to', async () => {
    const first = await platform.command('/timeline topic:syria-israel', 'ana');
    expect(labels(first)).toEqual(['Previous page (off)', 'Next part (2 of 3)']);
    const second = await platform.press(first, next(first), 'ana');
    expect(labels(second)).toEqual(['Previous part (1 of 3)', 'Next part (3 of 3)']);
    const third = await platform.press(second, next(second), 'ana');
    expect(labels(third)).toEqual(['Previous part (2 of 3)', 'Next page (2 of 2)']);
    const page2 = await platform.press(third, 'Next page (2 of 2)', 'ana');
    expect(page2.text).toContain('Showing 11 to 17 of 17 entries.');
    expect(labels(page2)).toEqual(['Previous page (1 of 2)', 'Next part (2 of 2)']);
    // Back to page 1 lands on its last part, which its buttons say.
    const back = await platform.press(page2, 'Previous page (1 of 2)', 'ana');
    expect(back.text).toContain('Showing 1 to 10 of 17 entries.');
    expect(labels(back)).toEqual(['Previous part (2 of 3)', 'Next page (2 of 2)']);
  });

  it('of a total known only to be at least so many, say so, or give the page alone past it', async () => {
    const pageOf = async (page: number): Promise<string[]> => {
      const invocation = { command: 'timeline', args: { topic: 'many', limit: 25, page } };
      const view: View = await app.dispatcher.runText(`/timeline topic:many limit:25 page:${page}`, platform.caller('ana'));
      expect((view.intro ?? []).map(lineToPlainText).join('\n')).toContain('of at least 1,000 entries');
      // One message per page here: the labels come from the command's own pager.
      return platform.interactions.buttons({ view, part: 0, partCount: 1, source: invocation }, 'ana').map((b) => b.label);
    };
    expect(await pageOf(1)).toEqual(['Previous page', 'Next page (2 of at least 40)']);
    // Page 40 of at least 40: a page 41 may be there, but no count says how many there are.
    expect(await pageOf(40)).toEqual(['Previous page (39 of at least 40)', 'Next page (41)']);
  });

  it('fit every platform’s button: 75 characters on Slack, 80 on Discord', () => {
    const longest = stepLabel('previous', { unit: 'page', number: 1_000_000, of: 1_000_000, atLeast: true });
    expect(longest).toBe('Previous page (1000000 of at least 1000000)');
    expect(longest.length).toBeLessThanOrEqual(75);
  });
});
