// GIVEN a feed item whose title carries an outlet's label (Opinion:, Analysis |, — explainer,
// Tribune :, رأي:) WHEN it is proposed THEN its card and the queue name what the piece is, so an
// admin sees at once what seldom becomes an entry; news titles, and names before a colon, carry
// none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pieceLabel } from '../../src/core/review/piece-label.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { SWEIDA } from './support/stories.js';

describe('GIVEN a title', () => {
  it.each([
    ['Opinion: what the ceasefire means for Sweida', 'opinion'],
    ['Op-Ed: Time for Damascus and Jerusalem to talk', 'opinion'],
    ['Tribune : la paix passe par le Golan', 'opinion'],
    ['رأي: الهدنة في السويداء', 'opinion'],
    ['Analysis | Why the Baku channel matters', 'analysis'],
    ['Syria–Israel talks stall — explainer', 'analysis'],
    ['Q&A: the 1974 disengagement agreement', 'analysis'],
    ['LIVE: Israeli strikes on Damascus', 'live page'],
    ['Live updates: clashes in Sweida', 'live page'],
    ['Israeli strike on Damascus suburb (video)', 'media'],
    ['Interview: Syria’s foreign minister on the talks', 'interview'],
  ])('WHEN it is `%s` THEN the label says %s', (title, label) => {
    expect(pieceLabel(title)).toBe(label);
  });

  it.each(['Israel strikes Damascus suburb', 'Hezbollah chief: we will respond', 'Syria: unity and sovereignty are non-negotiable', 'Direct talks between Syria and Israel resume', 'Live fire drills on the Golan'])(
    'WHEN it is `%s` THEN it carries no label',
    (title) => {
      expect(pieceLabel(title)).toBeUndefined();
    },
  );
});

describe('GIVEN a feed with an opinion piece', () => {
  let feeds: ScriptedFeeds;
  let queue: QueueApp;
  beforeEach(async () => {
    ({ feeds, queue } = await openQueue());
  });
  afterEach(() => closeQueue(feeds, queue));

  it('WHEN it is proposed THEN its card and the queue say it is labelled opinion, and news beside it is not', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, { ...SWEIDA, guid: 'levant-op-1', title: 'Opinion: what the Sweida ceasefire means for the Druze', link: 'https://levant.example/opinion/sweida' }]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:1');
    const card = await queue.text('/review show id:2', READER);
    expect(card).toContain('Labelled   opinion, by its title: such pieces seldom report an event of their own');
    expect(await queue.text('/review show id:1', READER)).not.toContain('Labelled');
    expect(await queue.text('/review list', READER)).toContain('Agreement (opinion) · syria-israel');
  });
});
