// GIVEN a feed item's title WHEN its card suggests actors THEN each gets the role the title gives
// it (who struck, who was struck, who mediated or hosted, who spoke), in English, French and
// Arabic; an actor the title does not place stays a participant.
import { describe, expect, it } from 'vitest';
import { guessRoles } from '../../src/core/review/role-guess.js';
import { guessEventType } from '../../src/core/review/type-guess.js';
import { compileNames, suggest } from '../../src/core/sources/suggest.js';
import { cardLines, recentItem } from './support/card-lines.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { NOW } from './support/stories.js';

const names = compileNames([
  { kind: 'actor', id: 1, name: 'Israel', actorKind: 'state', aliases: ['Israël', 'إسرائيل'], peoples: ['Israeli', 'israélien', 'israélienne', 'israéliens', 'israéliennes', 'إسرائيلي', 'إسرائيلية'] },
  { kind: 'actor', id: 2, name: 'Syria', actorKind: 'state', aliases: ['Syrie', 'سوريا'], peoples: ['Syrian', 'syrien', 'syrienne', 'سوري', 'سورية'] },
  { kind: 'actor', id: 3, name: 'United States', actorKind: 'state', aliases: ['US', 'Washington'], peoples: ['American', 'américain', 'américaine'] },
  { kind: 'actor', id: 4, name: 'Azerbaijan', actorKind: 'state', peoples: ['Azerbaijani'] },
  { kind: 'actor', id: 5, name: 'Hezbollah', aliases: ['Hizbullah', 'حزب الله'] },
  { kind: 'actor', id: 6, name: 'Turkey', actorKind: 'state', peoples: ['Turkish'] },
  { kind: 'actor', id: 7, name: 'Syrian Democratic Forces', aliases: ['SDF'] },
]);

/** Each suggested actor's role as the card shows it: `participant` where the title tells none. */
function roles(title: string): Record<string, string> {
  const { actors } = suggest({ title, summary: '' }, names);
  const found = guessRoles(title, guessEventType({ title, summary: '' }), actors);
  return Object.fromEntries(actors.map((actor) => [actor.name, found.get(actor.id) ?? 'participant']));
}

describe('GIVEN a title opening with a kicker naming a country (`Syrie :`)', () => {
  it('THEN the kicker gives that country no role: the headline after it does', () => {
    expect(roles('Syrie : des frappes israéliennes visent Damas')).toEqual({ Syria: 'participant', Israel: 'initiator' });
    expect(roles('Syria: Israeli strike on army depot')).toEqual({ Syria: 'participant', Israel: 'initiator' });
  });
});

describe('GIVEN an English title', () => {
  it('THEN who strikes is the initiator and whom it strikes the target', () => {
    expect(roles('Israeli drone strike kills 2 near Quneitra')).toEqual({ Israel: 'initiator' });
    expect(roles('Israel strikes Syrian army positions near Quneitra')).toEqual({ Israel: 'initiator', Syria: 'target' });
    expect(roles('Israeli strike on Syrian army depot')).toEqual({ Israel: 'initiator', Syria: 'target' });
    expect(roles('Air strike by Israeli jets hits Hezbollah depot')).toEqual({ Israel: 'initiator', Hezbollah: 'participant' });
    expect(roles('Turkish drones hit SDF positions near Kobani')).toEqual({ Turkey: 'initiator', 'Syrian Democratic Forces': 'target' });
    // The act's words of any kind, not only the type's: an arrest in a raid.
    expect(roles('Israeli army arrests five in Quneitra raid')).toEqual({ Israel: 'initiator' });
    expect(roles('Hezbollah fires rockets at Israel after strike on Beirut suburb')).toEqual({ Hezbollah: 'initiator', Israel: 'target' });
    // Whose the killed were.
    expect(roles('Israeli strike kills three Syrian soldiers near Quneitra')).toEqual({ Israel: 'initiator', Syria: 'target' });
    expect(roles('Turkish drone strike kills at least 12 SDF fighters')).toEqual({ Turkey: 'initiator', 'Syrian Democratic Forces': 'target' });
  });

  it('THEN who says it struck is the initiator, and who reports another’s strike is not', () => {
    expect(roles('Israel says it struck Hezbollah sites in southern Lebanon')).toEqual({ Israel: 'initiator', Hezbollah: 'target' });
    expect(roles('Israel says its jets struck Hezbollah depots')).toEqual({ Israel: 'initiator', Hezbollah: 'target' });
    expect(roles('Hezbollah says Israel struck its positions')).toEqual({ Hezbollah: 'participant', Israel: 'initiator' });
    expect(roles('Syria says it was struck by Israeli jets')).toEqual({ Syria: 'participant', Israel: 'initiator' });
    expect(roles('Israël affirme avoir frappé le Hezbollah au Liban')).toEqual({ Israel: 'initiator', Hezbollah: 'target' });
  });

  it('THEN who reacts to a strike is not taken for the striker', () => {
    expect(roles('Syria condemns Israeli strike on Damascus suburb')).toEqual({ Syria: 'participant', Israel: 'initiator' });
  });

  it('THEN mediators, hosts and speakers get their roles', () => {
    expect(roles('US-mediated talks between Syria and Israel resume')).toEqual({ 'United States': 'mediator', Syria: 'participant', Israel: 'participant' });
    expect(roles('Syria and Israel meet in Paris, mediated by Washington')).toEqual({ Syria: 'participant', Israel: 'participant', 'United States': 'mediator' });
    expect(roles('Syria, Israel to resume talks in Baku under US mediation')).toEqual({ Syria: 'participant', Israel: 'participant', 'United States': 'mediator' });
    expect(roles('Azerbaijan mediates between Syria and Israel')).toEqual({ Azerbaijan: 'mediator', Syria: 'participant', Israel: 'participant' });
    expect(roles('Syrie et Israël reprennent les pourparlers sous médiation américaine')).toEqual({ Syria: 'participant', Israel: 'participant', 'United States': 'mediator' });
    expect(roles('Azerbaijan hosts Syrian and Israeli officials')).toEqual({ Azerbaijan: 'host', Syria: 'participant', Israel: 'participant' });
    expect(roles('Israel warns Hezbollah over rocket fire')).toEqual({ Israel: 'initiator', Hezbollah: 'participant' });
    // What is feared or asked for is not what happened: the event is the statement.
    expect(roles('Washington warns of new clashes in Sweida')).toEqual({ 'United States': 'initiator' });
  });

  it('THEN actors joined by and share the role the title gives one of them', () => {
    expect(roles('US and Azerbaijan mediate between Syria and Israel')).toEqual({ 'United States': 'mediator', Azerbaijan: 'mediator', Syria: 'participant', Israel: 'participant' });
    expect(roles('Syria and Israel meet in Baku, mediated by Azerbaijan and the US')).toEqual({ Syria: 'participant', Israel: 'participant', Azerbaijan: 'mediator', 'United States': 'mediator' });
    expect(roles('Israeli strikes on Syria and Hezbollah overnight')).toEqual({ Israel: 'initiator', Syria: 'target', Hezbollah: 'target' });
    expect(roles('US and Israeli jets strike Hezbollah depots')).toEqual({ 'United States': 'initiator', Israel: 'initiator', Hezbollah: 'target' });
    expect(roles('Azerbaijan and Turkey host Syrian and Israeli officials')).toEqual({ Azerbaijan: 'host', Turkey: 'host', Syria: 'participant', Israel: 'participant' });
    // A list's commas join its names too, where it ends with `and`; a comma alone does not.
    expect(roles('US, Azerbaijan and Turkey mediate between Syria and Israel')).toEqual({ 'United States': 'mediator', Azerbaijan: 'mediator', Turkey: 'mediator', Syria: 'participant', Israel: 'participant' });
    expect(roles('Israel strikes Syria, Hezbollah says')).toEqual({ Israel: 'initiator', Syria: 'target', Hezbollah: 'participant' });
  });

  it('THEN a clash leaves both sides participants', () => {
    expect(roles('Syrian and Israeli forces clash near Quneitra')).toEqual({ Syria: 'participant', Israel: 'participant' });
  });
});

describe('GIVEN a French title', () => {
  it('THEN the people’s name after the strike is whose it is, and the name after contre whom it hits', () => {
    expect(roles('Frappes israéliennes contre le Hezbollah au Liban-Sud')).toEqual({ Israel: 'initiator', Hezbollah: 'target' });
    expect(roles('Israël frappe la Syrie')).toEqual({ Israel: 'initiator', Syria: 'target' });
  });
});

describe('GIVEN an Arabic title', () => {
  it('THEN the people’s name after the strike is whose it is, and the name after على whom it hits', () => {
    expect(roles('غارة إسرائيلية على سوريا')).toEqual({ Israel: 'initiator', Syria: 'target' });
    expect(roles('سوريا تندد بالغارات الإسرائيلية')).toEqual({ Syria: 'participant', Israel: 'initiator' });
  });
});

describe('GIVEN the seed dossier and a watched feed', () => {
  it('WHEN a strike’s card is approved as it stands THEN the card shows the roles and the entry keeps them', async () => {
    const feeds = await ScriptedFeeds.start();
    const queue = new QueueApp({ start: NOW });
    try {
      const [actors] = await cardLines(queue, feeds, [recentItem('r1', 'Israeli drone strike on Syrian army post near Quneitra')], 'Actors');
      expect(actors).toBe('Israel (initiator), Syria (target)');
      expect(await queue.text('/review list')).toContain('Israel (initiator), Syria (target) · in Quneitra');
      expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
      const entry = await queue.text('/entry show id:18');
      expect(entry).toMatch(/^ {4}Israel — initiator$/m);
      expect(entry).toMatch(/^ {4}Syria — target$/m);
    } finally {
      queue.dispose();
      await feeds.close();
    }
  });
});
