// GIVEN keywords pasted from a spreadsheet or a list (tabs, semicolons, line breaks between them)
// THEN /sources add and /sources edit read each as a comma, say so, and echo the keywords as read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READER, type QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, QUNEITRA_STRIKE, SWEIDA } from '../sources-queue/support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU, QUNEITRA_STRIKE]);
});
afterEach(() => closeQueue(feeds, queue));

const source = () => queue.app.services.sources.get(1);

describe('GIVEN /sources add with pasted keywords', () => {
  it('WHEN they are apart by tabs THEN each is a keyword, the reply says the tabs were read as commas, and the check keeps the items naming any', async () => {
    const reply = await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true keywords:'ceasefire\tSweida\tQuneitra'`);
    expect(reply).toContain('keeping items that name ceasefire or Sweida or Quneitra.');
    expect(reply).toContain('The tabs between the keywords were read as commas: to keep a phrase whole, put it in quotes ("…").');
    expect(source().keywords).toBe('ceasefire, Sweida, Quneitra');

    await queue.run('/sources check id:1');
    const why = await queue.text('/sources why id:1', READER);
    expect(why).toContain('3 items: 3 new (2 proposed, 1 filtered out)');
    expect(why).toContain('(matched Quneitra)');
  });

  it('WHEN they are typed with commas only THEN the reply says nothing of separators', async () => {
    const reply = await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel keywords:'ceasefire, Sweida'`);
    expect(reply).toContain('keeping items that name ceasefire or Sweida.');
    expect(reply).not.toContain('read as commas');
  });
});

describe('GIVEN /sources edit with pasted keywords', () => {
  beforeEach(async () => {
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
  });

  it('WHEN they are apart by tabs THEN the change line lists each keyword and says the tabs were read as commas', async () => {
    const reply = await queue.text("/sources edit id:1 keywords:'ceasefire\tSweida\tQuneitra'");
    expect(reply).toContain('Keywords: none → ceasefire, Sweida, Quneitra, keeping items that name ceasefire or Sweida or Quneitra.');
    expect(reply).toContain('The tabs between the keywords were read as commas');
    expect(reply).not.toContain('"ceasefire\tSweida\tQuneitra"');
  });

  it('WHEN they are apart by semicolons and line breaks THEN each is a keyword; a phrase in quotes keeps its semicolon', async () => {
    const reply = await queue.text("/sources edit id:1 keywords:'Sweida; Quneitra\nBaku'");
    expect(reply).toContain('Keywords: none → Sweida, Quneitra, Baku, keeping items that name Sweida or Quneitra or Baku.');
    expect(reply).toContain('The semicolons and line breaks between the keywords were read as commas');
    expect(await queue.text('/sources list', READER)).toContain('keywords: Sweida, Quneitra, Baku');

    const quoted = await queue.text(`/sources edit id:1 keywords:'"Sweida; Quneitra", Baku'`);
    expect(quoted).toContain('Keywords: Sweida, Quneitra, Baku → "Sweida; Quneitra", Baku, keeping items that name "Sweida; Quneitra" or Baku.');
    expect(quoted).not.toContain('read as commas');
    expect(source().keywords).toBe('"Sweida; Quneitra", Baku');
  });

  it('WHEN they end in empty terms THEN the change line echoes the keywords as read', async () => {
    expect(await queue.text("/sources edit id:1 keywords:'ceasefire,, '")).toContain('Keywords: none → ceasefire, keeping items that name ceasefire.');
    expect(await queue.text("/sources edit id:1 keywords:'ceasefire,'")).toContain('#1 127.0.0.1 unchanged\nIt has these settings already.');
  });
});
