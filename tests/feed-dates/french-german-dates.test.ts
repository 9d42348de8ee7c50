// GIVEN items dated in French or German, as French, Belgian, Swiss, German and Austrian outlets
// write them — month and weekday names full or abbreviated, with or without their dot and
// accents, in any case, a German day's dot (`3.`), `Uhr`, `à 14h30`, and the zones CET, CEST,
// MEZ and MESZ — WHEN they are checked with backfill THEN each is proposed and dated: the instant,
// and the day where the outlet wrote it; none is left undated or dated the day it was first seen.
import { describe, expect, it } from 'vitest';
import { QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';
import { cardsByTitle } from './support/cards.js';
import { itemsOf } from './support/outlet-items.js';

/** A day after the items below: a backfill proposes them all. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => ScriptedFeeds.start());

const item = itemsOf('rhein.example');

/** Watches the feed with backfill, checks it once, and reads each card's Published and Date by title. */
async function datedCards(items: ScriptedItem[]): Promise<{ checked: string; dated: Record<string, string>; ids: Map<string, number> }> {
  rig.feeds.serve('/rhein.xml', 'Rhein Kurier', items);
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/rhein.xml')} topic:syria-israel backfill:true`), 'Watching');
  const checked = await rig.queue.text(`/sources check id:${id}`);
  const cards = await cardsByTitle(rig.queue, items.length);
  const dated = Object.fromEntries([...cards.values()].map((card) => [card.title, `${card.published} · ${card.date}`]));
  const ids = new Map([...cards.values()].map((card) => [card.title, QueueApp.idAfter(card.text, 'Candidate')]));
  return { checked, dated, ids };
}

describe('GIVEN French dates, abbreviated with a dot, written out in full, with and without accents', () => {
  it('THEN each item is proposed on the day the outlet wrote, and the approved entry keeps it', async () => {
    const { checked, dated, ids } = await datedCards([
      item('f1', 'Frappes israéliennes près de Quneitra', 'ven., 04 déc. 2026 18:30:00 +0100'),
      item('f2', 'Un convoi humanitaire entre à Soueïda', 'samedi 5 décembre 2026 14:00'),
      item('f3', 'Reprise des pourparlers à Bakou', 'Sam, 05 Déc 2026 09:15:00 CET'),
      item('f4', 'Couvre-feu levé à Deraa', 'mar., 01 DEC. 2026 23:30:00 +0100'),
      item('f5', 'Le Liban déploie son armée au sud du Litani', 'jeudi 3 decembre 2026 à 14h30'),
    ]);
    expect(checked).toContain('5 items: 5 new (5 proposed), 0 seen before');
    expect(dated).toEqual({
      'Frappes israéliennes près de Quneitra': '2026-12-04 17:30 UTC · 4 Dec 2026',
      'Un convoi humanitaire entre à Soueïda': '2026-12-05 14:00 UTC · 5 Dec 2026',
      'Reprise des pourparlers à Bakou': '2026-12-05 08:15 UTC · 5 Dec 2026',
      // Tuesday (`mar.`), not March: 1 December where it was written, 30 November in UTC.
      'Couvre-feu levé à Deraa': '2026-12-01 22:30 UTC · 1 Dec 2026',
      'Le Liban déploie son armée au sud du Litani': '2026-12-03 14:30 UTC · 3 Dec 2026',
    });
    expect(await rig.queue.text(`/review approve id:${ids.get('Frappes israéliennes près de Quneitra')}`)).toContain('Approved: added as entry #18.');
    expect(await rig.queue.text('/entry show 18', READER)).toContain('Date        4 Dec 2026');
  });
});

describe('GIVEN German dates, with the day’s dot, `Uhr` and the zones MEZ and MESZ', () => {
  it('THEN each item is proposed on the day the outlet wrote, at the offset its zone name stands for', async () => {
    const { checked, dated } = await datedCards([
      item('g1', 'Israelische Luftangriffe bei Quneitra', 'Sa, 05 Dez 2026 22:45:00 CEST'),
      item('g2', 'Gespräche in Baku fortgesetzt', 'Donnerstag, 3. Dezember 2026, 10:00 Uhr'),
      item('g3', 'Hilfskonvoi erreicht Suwaida', 'Fr, 04 Dez. 2026 23:30:00 MEZ'),
      item('g4', 'Waffenruhe am Litani hält', 'Mittwoch, 2. DEZEMBER 2026 um 01:30 Uhr MESZ'),
    ]);
    expect(checked).toContain('4 items: 4 new (4 proposed), 0 seen before');
    expect(dated).toEqual({
      'Israelische Luftangriffe bei Quneitra': '2026-12-05 20:45 UTC · 5 Dec 2026',
      'Gespräche in Baku fortgesetzt': '2026-12-03 10:00 UTC · 3 Dec 2026',
      'Hilfskonvoi erreicht Suwaida': '2026-12-04 22:30 UTC · 4 Dec 2026',
      'Waffenruhe am Litani hält': "2026-12-01 23:30 UTC (2 Dec 2026 at the feed's own offset) · 2 Dec 2026",
    });
  });
});
