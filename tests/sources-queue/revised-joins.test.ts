// GIVEN two feeds, one of whose items proposed a candidate WHEN that item is revised to a story
// another feed reports too THEN the queue holds one candidate citing both reports, whichever feed
// was checked first: a report that became a candidate of its own before the revision was read
// joins the earlier candidate, and its own is closed, saying so on its card, in /review show and
// in /sources why (the check's reply naming the join too). A candidate decided already is never
// reopened or joined; an approval, attachment or rejection asked of the closed one names the
// candidate holding its story and the command for that one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelPoster } from './support/channel-poster.js';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';
import { BAKU } from './support/stories.js';
import { viewText } from '../support/view-text.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;
/** A feed server and a queue whose review channel keeps the cards posted as they show now. */
async function start(): Promise<void> {
  ({ feeds, queue } = await openQueue());
  channel = new ChannelPoster();
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
}
beforeEach(start);
afterEach(() => closeQueue(feeds, queue));

const STRIKE: ScriptedItem = {
  guid: 'aj-1764939922',
  title: 'Israeli air strike kills five in Syria’s Quneitra',
  link: 'https://aljazeera.example/news/2025/7/20/israeli-air-strike-kills-five-in-syrias-quneitra',
  summary: 'Syrian state media say the strike hit a vehicle near Jubata al-Khashab.',
  published: '2025-07-20T09:05:00Z',
};
const STRIKE_REVISED: ScriptedItem = {
  ...STRIKE,
  title: 'Israeli air strike kills 12 in Syria’s Quneitra as toll rises',
  summary: 'The death toll rose to 12, Syrian state media say, after the strike hit a vehicle near Jubata al-Khashab.',
};
const GOLAN_CELL: ScriptedItem = {
  guid: 'CBMiOLD',
  title: 'Hezbollah denies link to Golan cell - L’Orient Today',
  link: 'https://news.example/rss/articles/CBMiOLD',
  published: '2025-07-20T07:00:00Z',
};
/** The aggregator's report of the strike once its toll rose: not alike enough to the first wording (five, not 12). */
const TOLL: ScriptedItem = {
  guid: 'CBMiAJ12',
  title: 'Israeli air strike kills 12 in Syria’s Quneitra as toll rises - Al Jazeera English',
  link: 'https://news.example/rss/articles/CBMiAJ12',
  published: '2025-07-20T11:00:00Z',
};

const MINUTE = 60_000;
/** Candidates #1 (the strike) and #2 from the outlet, #3 from the aggregator, their cards posted. */
async function watchBoth(): Promise<void> {
  feeds.serve('/aj.xml', 'Al Jazeera', [STRIKE, BAKU]);
  feeds.serve('/gn.xml', 'News Aggregator', [GOLAN_CELL]);
  await queue.run(`/sources add url:${feeds.url('/aj.xml')} topic:syria-israel backfill:true`);
  await queue.run(`/sources add url:${feeds.url('/gn.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  await queue.run('/sources check id:2');
  expect(channel.messages.size).toBe(3);
  queue.advance(30 * MINUTE);
  feeds.serve('/aj.xml', 'Al Jazeera', [STRIKE_REVISED, BAKU]);
  feeds.serve('/gn.xml', 'News Aggregator', [TOLL, GOLAN_CELL]);
}

type Order = 'aggregator first' | 'outlet first';

/** Checks both feeds in `order`, then lets the cards' delayed edits (joined reports) come due. */
async function checkBoth(order: Order): Promise<void> {
  for (const id of order === 'aggregator first' ? [2, 1] : [1, 2]) await queue.run(`/sources check id:${id}`);
  queue.advance(10 * MINUTE);
  await queue.app.services.review.postPending();
}

/** The card in the channel whose first line names candidate #`id`. */
function postedCard(id: number): string {
  const cards = [...channel.messages.values()].map((view) => viewText(view)).filter((text) => text.includes(`Candidate #${id} ·`));
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** What a reader sees of the queue once both feeds were checked. */
async function queueAsRead(): Promise<{ list: string; first: string; card: string }> {
  return { list: await queue.text('/review list'), first: await queue.text('/review show id:1'), card: postedCard(1) };
}

describe('GIVEN a candidate whose item its feed revised to a story another feed reports too', () => {
  it('WHEN the other feed is checked first THEN its report, proposed as a candidate, joins the revised one, and that candidate is closed saying so', async () => {
    await watchBoth();
    await queue.run('/sources check id:2');
    // Not alike enough to the first wording yet: a candidate of its own, with a card.
    expect(await queue.text('/review list')).toContain('4 candidates waiting');
    expect(postedCard(4)).toContain('waiting for review');

    const checked = await queue.text('/sources check id:1');
    // The check says the redraft took candidate #4 in, as /sources why does.
    expect(checked).toContain('revised → candidate #1 drafted again; candidate #4 joined it (same story): Israeli air strike kills 12 in Syria’s Quneitra as toll rises');
    expect(await queue.text('/sources why id:1')).toContain('revised → candidate #1 drafted again; candidate #4 joined it (same story)');

    const list = await queue.text('/review list');
    expect(list).toContain('3 candidates waiting');
    expect(list).toMatch(/`#1` Israeli air strike kills 12 in Syria’s Quneitra as toll rises\n\s*Al Jazeera and 1 other outlet/);
    expect(list).not.toContain('`#4`');

    const first = await queue.text('/review show id:1');
    expect(first).toContain('Candidate #1 · syria-israel · waiting for review');
    expect(first).toMatch(/Also in +News Aggregator/);
    expect(first).toContain('News Aggregator <https://news.example/rss/articles/CBMiAJ12> — Israeli air strike kills 12 in Syria’s Quneitra as toll rises - Al Jazeera English');

    const closed = await queue.text('/review show id:4');
    expect(closed).toContain('Candidate #4 · syria-israel · joined candidate #1');
    expect(closed).toContain('The same story as candidate #1, found when a report of it was revised: its reports are listed there.');
    expect(closed).toContain('/review show id:1');
    expect(closed).not.toContain('/review approve id:4');
    // Its card in the channel says so too, without buttons.
    const closedCard = [...channel.messages.values()].find((view) => viewText(view).includes('Candidate #4 ·'))!;
    expect(viewText(closedCard)).toContain('joined candidate #1');
    expect(closedCard.buttons ?? []).toHaveLength(0);
    expect(postedCard(1)).toMatch(/Also in +News Aggregator/);

    // The report reads as one of candidate #1, with where it was proposed before.
    const why = await queue.text('/sources why id:2');
    expect(why).toContain('same story → candidate #1: Israeli air strike kills 12 in Syria’s Quneitra as toll rises - Al Jazeera English');
    expect(why).toContain('proposed as candidate #4 first');
    expect(why).not.toContain('→ candidate #4');

    // The closed one is not approved: it names the candidate holding its story, and the command
    // approving that one; approving the story cites both reports.
    const refused = await queue.text('/review approve id:4');
    expect(refused).toContain('Candidate #4 was joined into candidate #1 by Sitrep at 2025-07-20 12:30 UTC, as the same story, so it is not approved on its own.');
    expect(refused).toContain("Its reports are candidate #1's: see the story with `/review show id:1`, and approve it with `/review approve id:1`");
    expect(refused).not.toContain('/entry add');
    const approved = await queue.text('/review approve id:1');
    expect(approved).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18');
    expect(entry).toContain('News Aggregator');
    expect(entry).toContain('Al Jazeera');
  });

  it('WHEN the feeds are checked in either order THEN the queue, the story’s card and its posted card read the same', async () => {
    const seen: Record<Order, Awaited<ReturnType<typeof queueAsRead>>> = {} as never;
    for (const order of ['aggregator first', 'outlet first'] as const) {
      await watchBoth();
      await checkBoth(order);
      seen[order] = await queueAsRead();
      await closeQueue(feeds, queue);
      await start();
    }
    const [aggregator, outlet] = [seen['aggregator first'], seen['outlet first']];
    expect(outlet.list).toContain('3 candidates waiting');
    expect(outlet.list).toContain('Al Jazeera and 1 other outlet');
    expect(aggregator.list).toBe(outlet.list);
    expect(aggregator.first).toBe(outlet.first);
    expect(aggregator.card).toBe(outlet.card);
  });

  it('WHEN the later candidate’s own item is revised to the earlier one’s story THEN it joins the earlier one', async () => {
    await watchBoth();
    const earlyToll = { ...TOLL, title: 'Israeli air strike kills five in Syria’s Quneitra - Al Jazeera English' };
    feeds.serve('/aj.xml', 'Al Jazeera', [STRIKE_REVISED, BAKU]);
    feeds.serve('/gn.xml', 'News Aggregator', [earlyToll, GOLAN_CELL]);
    await queue.run('/sources check id:1');
    expect(await queue.text('/sources check id:2')).toContain('proposed → candidate #4: Israeli air strike kills five');
    feeds.serve('/gn.xml', 'News Aggregator', [TOLL, GOLAN_CELL]);
    expect(await queue.text('/sources check id:2')).toContain('revised → candidate #4 drafted again; joined candidate #1 (same story): Israeli air strike kills 12');
    expect(await queue.text('/review list')).toContain('3 candidates waiting');
    expect(await queue.text('/review show id:4')).toContain('joined candidate #1');
    // Its card in the channel is drawn again at once, listing the report.
    expect(postedCard(1)).toMatch(/Also in +News Aggregator/);
    expect(await queue.text('/sources why id:2')).toContain('same story → candidate #1: Israeli air strike kills five in Syria’s Quneitra - Al Jazeera English (proposed as candidate #4 first');
  });

  it('WHEN the candidate was approved before its item was revised THEN the other report stays a candidate of its own', async () => {
    await watchBoth();
    await queue.run('/review approve id:1');
    await checkBoth('aggregator first');
    const list = await queue.text('/review list');
    expect(list).toContain('3 candidates waiting');
    expect(list).toContain('`#4` Israeli air strike kills 12 in Syria’s Quneitra as toll rises - Al Jazeera English');
    expect(await queue.text('/review show id:1')).toContain('Approved by');
    expect(await queue.text('/sources why id:2')).toContain('proposed → candidate #4');
  });

  it('WHEN the other report’s candidate was rejected before THEN it stays rejected, its report its own', async () => {
    await watchBoth();
    await queue.run('/sources check id:2');
    await queue.run('/review reject id:4 reason:"not ours"');
    await queue.run('/sources check id:1');
    const closed = await queue.text('/review show id:4');
    expect(closed).toContain('Rejected by');
    expect(closed).toContain('not ours');
    expect(await queue.text('/review show id:1')).toMatch(/Also in +no other outlet yet/);
    expect(await queue.text('/sources why id:2')).toContain('proposed → candidate #4');
  });
});

describe('GIVEN a candidate closed because its report joined another’s story', () => {
  /** Another aggregator's copy of the joined report, at its link under its own guid. */
  const COPY: ScriptedItem = { ...TOLL, guid: 'gn2-CBMiAJ12' };
  /** Alike to the joined report's wording, not to the story's: the story's own candidate would not take it either. */
  const ALIKE_TO_CLOSED: ScriptedItem = {
    guid: 'gn2-air-strike',
    title: 'Air strike kills 12 in Quneitra - Al Jazeera English',
    link: 'https://news.example/rss/articles/CBMiAIR12',
    published: '2025-07-20T11:30:00Z',
  };

  /** The report proposes #4, a third feed's first check reads it as such, then the revision joins it to #1. */
  async function joined(): Promise<void> {
    await watchBoth();
    await queue.run('/sources check id:2');
    feeds.serve('/gn2.xml', 'Second Aggregator', [GOLAN_CELL]);
    await queue.run(`/sources add url:${feeds.url('/gn2.xml')} topic:syria-israel`);
    await queue.run('/sources check id:3');
    await queue.run('/sources check id:1');
    expect(await queue.text('/review show id:4')).toContain('joined candidate #1');
    feeds.serve('/gn2.xml', 'Second Aggregator', [COPY, ALIKE_TO_CLOSED, GOLAN_CELL]);
  }

  async function laterReportsRead(): Promise<void> {
    const checked = await queue.text('/sources check id:3');
    expect(checked).toContain('same story → candidate #1: Israeli air strike kills 12 in Syria’s Quneitra as toll rises - Al Jazeera English (the same link as a report of it)');
    expect(checked).toContain('proposed → candidate #5: Air strike kills 12 in Quneitra - Al Jazeera English');
    expect(checked).not.toContain('→ candidate #4');
    expect(await queue.text('/review show id:1')).toMatch(/Also in +News Aggregator, Second Aggregator/);
  }

  it('WHEN later reports come at its report’s link or alike to its title THEN the first joins the story’s candidate, the other is a candidate of its own', async () => {
    await joined();
    await laterReportsRead();
  });

  it('WHEN they come after a restart THEN they are read the same', async () => {
    await joined();
    queue = queue.reopen();
    await laterReportsRead();
  });
});

describe('GIVEN a candidate Sitrep joined to the candidate of its story', () => {
  /** #4, proposed by the aggregator's report, joined into #1 when #1's item was revised. */
  async function joinedFour(): Promise<void> {
    await watchBoth();
    await queue.run('/sources check id:2');
    await queue.run('/sources check id:1');
    expect(await queue.text('/review show id:4')).toContain('joined candidate #1');
  }
  const JOINED = 'Candidate #4 was joined into candidate #1 by Sitrep at 2025-07-20 12:30 UTC, as the same story';

  it('WHEN it is approved with changes THEN it is refused the same way, naming candidate #1 and its approval', async () => {
    await joinedFour();
    const refused = await queue.text('/review approve id:4 title:"Toll rises in Quneitra"');
    expect(refused).toContain(`${JOINED}, so it is not approved on its own.`);
    expect(refused).toContain('`/review approve id:1`');
  });

  it('WHEN it is rejected THEN nothing changes, and the reply says which candidate holds the story and how to turn that one down', async () => {
    await joinedFour();
    const said = await queue.text('/review reject id:4 reason:"not ours"');
    expect(said).toContain(`${JOINED}; nothing was changed. Its reports are candidate #1's: \`/review show id:1\` · reject the story: \`/review reject id:1\``);
    expect(said).not.toContain('Already rejected');
    expect(await queue.text('/review show id:1')).toContain('Candidate #1 · syria-israel · waiting for review');
    expect(await queue.text('/review show id:4')).not.toContain('not ours');
  });

  it('WHEN it is attached to an entry THEN it is refused, naming the attachment of candidate #1 to that entry', async () => {
    await joinedFour();
    const refused = await queue.text('/review attach id:4 entry:12');
    expect(refused).toContain(`${JOINED}, so it is not attached on its own.`);
    expect(refused).toContain('`/review attach id:1 entry:12`');
  });

  it('WHEN the story’s candidate was decided since THEN a decision asked of it points to that candidate’s card only', async () => {
    await joinedFour();
    expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
    const refused = await queue.text('/review approve id:4');
    expect(refused).toContain(`${JOINED}, so it is not approved on its own.`);
    expect(refused).toContain("Its reports are candidate #1's, decided already: see it with `/review show id:1`.");
    expect(refused).not.toContain('/review approve id:1');
  });
});
