import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const reader: Caller = { platform: 'discord', userId: '42', workspaceId: 'g1', channelId: 'c1' };
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.dispose());

const run = async (text: string, caller: Caller = reader) => app.dispatcher.runText(text, caller);

describe('GIVEN /timeline', () => {
  it('THEN it lists entries newest first with dates at their precision and says how to page', async () => {
    const view = await run('/timeline');
    const text = viewText(view);
    expect(view.sections).toHaveLength(10);
    expect(text).toMatch(/Showing 1 to 10 of 17 entries/);
    expect(text.indexOf('26 Jul 2025')).toBeLessThan(text.indexOf('24 Jul 2025'));
    expect(text).toContain('Next page: /timeline page:2');
  });

  it('THEN page 2 holds the rest, down to 1948', async () => {
    const text = viewText(await run('/timeline page:2'));
    expect(text).toMatch(/Showing 11 to 17 of 17 entries/);
    expect(text).toContain('1948 · Armed clash · confirmed');
    // The incursions the article calls ongoing: no end.
    expect(text).toMatch(/#7 Deeper Israeli incursions into southern Syria\n\s+Dec 2024 · Incursion\/deployment · confirmed\n/);
    expect(text).not.toContain('Next page');
  });

  it('THEN it filters by actor alias, month and limit', async () => {
    const view = await run('/timeline actor:"Ron Dermer" since:2025-07 limit:5');
    expect(view.title).toBe('Timeline — actor Ron Dermer, since Jul 2025');
    expect(viewText(view)).toContain('Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
    expect(view.sections).toHaveLength(1);
  });

  it('THEN it filters by place, type and a date range', async () => {
    const paris = await run('/timeline place:paris type:talks');
    // #13 is a diplomat's forecast of talks, not talks held in Paris.
    expect(paris.sections.map((s) => s.heading!.map((x) => x.text).join(''))).toEqual(['#15 US-mediated Syria–Israel talks in Paris']);
    const december = viewText(await run('/timeline since:2024-12 until:2024-12'));
    expect(december).toContain('Overthrow of Bashar al-Assad');
    expect(december).toContain('Deeper Israeli incursions');
    expect(december).toContain('Damascus acknowledges indirect contacts'); // a span that starts in December
    expect(december).not.toContain('Paris');
  });

  it('WHEN nothing matches THEN it says so plainly, with how to widen it and no pointer to details', async () => {
    const text = viewText(await run('/timeline topic:syria-israel place:Paris since:2026'));
    expect(text).toContain('No entries match.');
    expect(text).toContain('Every filter must hold for an entry: drop one, or widen since/until.');
    expect(text).not.toContain('/entry show');
  });

  it('WHEN one filter matches nothing THEN no advice to drop filters it does not have', async () => {
    const text = viewText(await run('/timeline type:protest'));
    expect(text).toContain('No entries match.');
    expect(text).not.toContain('drop one');
    expect(viewText(await run('/timeline type:protest topic:syria-israel'))).toContain('Every filter must hold for an entry: drop one.');
  });

  it('WHEN a bare word names an actor or a place THEN the refusal says which option was meant', async () => {
    expect(viewText(await run('/timeline Dermer'))).toContain('Ron Dermer is an actor: `/timeline actor:"Ron Dermer"`');
    expect(viewText(await run('/timeline Paris'))).toContain('Paris is a place: `/timeline place:Paris`');
    expect(viewText(await run('/timeline place:"Sweida provnce"'))).toContain('Closest known places: Sweida province.');
  });

  it('WHEN a value is typed as replies show it THEN it is read as that value', async () => {
    expect((await run('/timeline type:"Air/drone strike"')).title).toBe('Timeline — Air/drone strike');
    expect(viewText(await run('/actors list kind:"government body"'))).toContain('Actors — government body');
    expect((await run('/entry show #3')).title).toContain('#3 ');
  });

  it('WHEN a date is typed as the bot shows it THEN it is read as that date', async () => {
    const shown = await run('/timeline since:"Dec 2024" until:"12 Jul 2025"');
    expect(shown.title).toBe('Timeline — since Dec 2024, until 12 Jul 2025');
    expect(viewText(shown)).toContain('Next page: /timeline since:2024-12 until:2025-07-12 page:2');
  });

  it('WHEN the topic or place names nothing in the dossier THEN it says so, with what is close', async () => {
    const topic = await run('/timeline topic:ukraine');
    expect(topic.tone).toBe('error');
    expect(viewText(topic)).toContain('There is no topic `ukraine` (option `topic`).');
    expect(viewText(topic)).toContain('Topics: syria-israel.');
    const typo = viewText(await run('/timeline place:Pariss'));
    expect(typo).toContain('No entry has the place `Pariss` (option `place`).');
    expect(typo).toContain('Closest known places: Paris.');
    expect(viewText(await run('/timeline place:Golan'))).toContain('Closest known places: Golan Heights, Golan buffer zone.');
    // Nothing close: where to look instead, in words every platform reads alike.
    expect(viewText(await run('/timeline place:Qwxzv'))).toContain('No place the entries name is close: find entries by a word with `/search`, or see where a place is with `/place`.');
    // A known place, in any case, is a filter that simply matched nothing here.
    expect(viewText(await run('/timeline place:paris since:2026'))).toContain('No entries match.');
  });

  it('WHEN several filters name nothing the dossier has THEN /timeline and /chart timeline name every one of them in one refusal', async () => {
    for (const line of ['/timeline actor:Nobody place:Nowhere topic:foo', '/chart timeline actor:Nobody place:Nowhere topic:foo']) {
      const refused = await run(line);
      expect(refused.tone, line).toBe('error');
      const text = viewText(refused);
      expect(text, line).toContain('No actor is called `Nobody` (option `actor`).');
      expect(text, line).toContain('No entry has the place `Nowhere` (option `place`).');
      expect(text, line).toContain('There is no topic `foo` (option `topic`).');
    }
    // A place no entry has is refused by /chart timeline as by /timeline, not charted as nothing.
    for (const line of ['/timeline place:Tartus', '/chart timeline place:Tartus']) {
      const refused = await run(line);
      expect(refused.tone, line).toBe('error');
      expect(viewText(refused), line).toContain('No entry has the place `Tartus` (option `place`).');
    }
    // A place only the gazetteer knows is no refusal of its own: it matched nothing here.
    expect(viewText(await run('/timeline place:Kharkiv since:2025-07'))).toContain('No entry has the place `Kharkiv`');
  });

  it('WHEN a heavy actor meets a heavy place THEN the count is a lower bound; a light place is counted exactly', async () => {
    const [israel] = app.dossier.findActors('Israel', 1);
    const stamp = { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' };
    const add = (i: number, place: string, withIsrael: boolean) =>
      app.services.editor.addEntry(
        {
          topic: 'syria-israel',
          title: `Patrol ${i}`,
          summary: 'x',
          eventType: 'incursion',
          start: { year: 2000 + Math.floor(i / 336), month: 1 + Math.floor((i % 336) / 28), day: 1 + (i % 28) },
          confidence: 'reported',
          places: [place],
          actors: withIsrael ? [{ actorId: israel!.id, role: 'initiator' }] : [],
          sources: [],
          tags: [],
        },
        stamp,
      );
    // Israel in 4,100 entries, one in five of them in Quneitra (820); Quneitra in 1,500 more.
    // One transaction around the 5,600 adds (each its own savepoint): a commit each costs seconds.
    app.db.transaction(() => {
      for (let i = 0; i < 4100; i++) add(i, i % 5 === 0 ? 'Quneitra' : 'Daraa', true);
      for (let i = 0; i < 1500; i++) add(i, 'Quneitra', false);
    })();

    const heavy = viewText(await run('/timeline actor:Israel place:Quneitra'));
    const atLeast = /Showing 1 to 10 of at least ([\d,]+) entries/.exec(heavy);
    expect(atLeast).not.toBeNull();
    expect(Number(atLeast![1]!.replace(/,/g, ''))).toBeLessThanOrEqual(820);
    expect(heavy).toContain('Next page: /timeline actor:Israel place:Quneitra page:2');
    // The page that shows the last match knows the total.
    expect(viewText(await run('/timeline actor:Israel place:Quneitra limit:25 page:33'))).toMatch(/Showing 801 to 820 of 820 entries\./);
    // Past the capped count, a page never claims fewer entries than it shows.
    expect(viewText(await run('/timeline actor:Israel limit:25 page:60'))).toMatch(/Showing 1,?476 to 1,?500 of at least 1,500 entries/);
    // Israel's 4,100 entries are counted to 1,000 only; the last page, not full, knows the total.
    const total = app.db.prepare('SELECT count(*) FROM entry_actors WHERE actor_id = ? AND live = 1').pluck().get(israel!.id) as number;
    const lastPage = viewText(await run(`/timeline actor:Israel limit:25 page:${Math.ceil(total / 25)}`));
    const shown = total.toLocaleString('en-US');
    expect(lastPage).toMatch(new RegExp(`Showing ${(Math.floor((total - 1) / 25) * 25 + 1).toLocaleString('en-US')} to ${shown} of ${shown} entries\\.`));
    expect(lastPage).not.toContain('Next page');
    expect(viewText(await run('/timeline actor:Israel limit:25 page:200'))).toContain('There are at least 40 pages of entries, but fewer than 200');
    // A place with few entries is counted exactly, however heavy the actor.
    expect(viewText(await run('/timeline actor:Israel place:Paris'))).toMatch(/Showing 1 to \d+ of \d+ entr(y|ies)\./);
  }, 60_000); // 5,600 entries written first: seconds of work, more when the machine is busy

  it('WHEN since is after until THEN it is refused', async () => {
    expect(viewText(await run('/timeline since:2025 until:2024'))).toMatch(/`since` is after `until`/);
  });
});

describe('GIVEN /actor', () => {
  it.each(['sharaa', 'Al-Sharaa', 'Ahmed al-Sharaa', 'AHMED AL SHARAA', 'Ahmed al-Sharâa'])(
    'WHEN asked for %s THEN it finds Ahmed al-Sharaa',
    async (name) => {
      const view = await run(`/actor ${name}`);
      expect(view.title).toBe('Ahmed al-Sharaa');
    },
  );

  it('THEN it shows kind, title, affiliation, aliases, latest entries and counterparts', async () => {
    const text = viewText(await run('/actor Barrack'));
    expect(text).toContain('Tom Barrack');
    expect(text).toMatch(/Kind\s+person/);
    expect(text).toMatch(/Title\s+US special envoy for Syria/);
    expect(text).toMatch(/Affiliation\s+United States/);
    expect(text).toMatch(/Also known as\s+Barrack, Thomas Barrack/);
    expect(text).toContain('Barrack says he held talks');
    expect(text).toMatch(/Most often alongside\n\s+Israel — 2 shared entries/);
  });

  it('WHEN the name is unknown THEN it offers the closest known names', async () => {
    const view = await run('/actor Dermar');
    expect(view.tone).toBe('error');
    expect(viewText(view)).toMatch(/No actor is called `Dermar`[\s\S]*Closest known names: Dermer/);
  });

  it('WHEN several actors match equally THEN it lists them to choose from', async () => {
    const text = viewText(await run('/actor Syrian'));
    expect(text).toContain('Several actors match');
    expect(text).toContain('Syrian Ministry of Foreign Affairs');
  });
});

describe('GIVEN /entry show', () => {
  it('THEN it shows places, actors with roles, sources with attribution, confidence and revisions', async () => {
    const text = viewText(await run('/entry show 15'));
    expect(text).toContain('#15 US-mediated Syria–Israel talks in Paris');
    expect(text).toMatch(/Date\s+Jul 2025/);
    expect(text).toMatch(/Confidence\s+confirmed/);
    expect(text).toMatch(/Places\s+Paris, France/);
    expect(text).toContain('Tom Barrack — mediator');
    expect(text).toContain('Syrian state television · F2 (reliability cannot be judged; probably true) — Syrian diplomatic source, to state television (26 Jul 2025)');
    expect(text).toMatch(/1 revision · last edited by seed/);
  });

  it('WHEN the id is unknown THEN it says so', async () => {
    expect(viewText(await run('/entry show 999'))).toContain('There is no entry #999.');
  });

  it('WHEN the subcommand is missing or unknown THEN it lists the subcommands', async () => {
    expect(viewText(await run('/entry'))).toMatch(/needs a subcommand: show/);
    expect(viewText(await run('/entry delete 3'))).toMatch(/no subcommand `delete`/);
  });
});

describe('GIVEN /search', () => {
  it('THEN results are ranked with the matched words highlighted', async () => {
    const view = await run('/search disengagement agreement');
    expect(view.sections[0]!.heading!.map((s) => s.text).join('')).toContain('1974 disengagement agreement');
    const highlighted = view.sections.flatMap((s) => s.lines.flat()).filter((s) => s.style === 'highlight');
    expect(highlighted.map((s) => s.text.toLowerCase())).toContain('disengagement');
  });

  it('WHEN the words are also among an actor\'s aliases THEN the excerpt comes from the summary, not the alias list', async () => {
    const view = await run('/search Syria talks Israel');
    const section = view.sections.find((s) => s.heading!.map((h) => h.text).join('').includes('Syrian source confirms Paris talks'))!;
    const excerpt = section.lines[1]!; // after the date line
    expect(excerpt.map((s) => s.text).join('')).toContain('US-mediated talks with Israeli officials took place in Paris');
    expect(excerpt.filter((s) => s.style === 'highlight').map((s) => s.text)).toEqual(['talks', 'Syria']);
    // An entry found through its actors only shows the start of its summary.
    const barrack = await run('/search Thomas Barrack');
    expect(barrack.sections.length).toBeGreaterThan(0);
    for (const s of barrack.sections) expect(s.lines[1]!.map((span) => span.text).join('')).not.toContain(' ; ');
  });

  it('WHEN the query is empty or only punctuation THEN it asks for words', async () => {
    expect(viewText(await run('/search'))).toMatch(/needs option `query`/);
    expect(viewText(await run('/search "***"'))).toMatch(/at least one letter or digit/);
  });

  it('WHEN the query holds common words THEN the reply says they were left out', async () => {
    const text = viewText(await run('/search the talks in Paris'));
    expect(text).toContain('Left out as too common: the, in.');
    expect(text).toMatch(/Showing 1 to \d+ of \d+ results/);
  });

  it('WHEN a word ending in * is shorter than 3 letters THEN it says so and searches nothing', async () => {
    const view = await run('/search sh*');
    expect(view.tone).toBe('error');
    expect(viewText(view)).toMatch(/a word ending in \* needs at least 3 letters — got `sh\*`/);
  });

  it('WHEN over 250 entries match THEN each band of 250, newest added first, is ranked and the reply says so', async () => {
    const stamp = { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' };
    const entry = (title: string, summary: string) =>
      app.services.editor.addEntry(
        { topic: 'syria-israel', title, summary, eventType: 'statement', start: { year: 2025 }, confidence: 'reported', places: [], actors: [], sources: [], tags: [] },
        stamp,
      );
    // Added first, so in the older band: the strongest match of all.
    const strongest = entry('Ceasefire ceasefire ceasefire', 'A ceasefire.');
    for (let i = 0; i < 270; i++) entry(`Routine report ${i}`, `Among many other matters of the day, a ceasefire was mentioned in passing ${i}.`);
    const best = entry('Ceasefire holds', 'The ceasefire holds.');

    const first = await run('/search ceasefire');
    expect(viewText(first)).toMatch(/Showing 1 to 10 of 272 results/);
    expect(viewText(first)).toContain('Ranked by relevance 250 at a time, most recently added first');
    expect(first.sections[0]!.heading!.map((s) => s.text).join('')).toContain(`#${best}`);
    expect(viewText(first)).not.toContain(`#${strongest} `);

    // The older band starts at result 251 (page 26 of 10), and its best match leads it.
    const older = await run('/search ceasefire page:26');
    expect(viewText(older)).toMatch(/Showing 251 to 260 of 272 results/);
    expect(older.sections[0]!.heading!.map((s) => s.text).join('')).toContain(`#${strongest}`);
  });

  it('THEN FTS syntax typed by a user is treated as plain words', async () => {
    const view = await run('/search "golan OR NEAR("');
    expect(view.tone).toBe('normal');
  });

  it('WHEN nothing matches a misspelt name THEN it offers the query with the name respelled, and that query finds entries', async () => {
    expect(viewText(await run('/search Barak'))).toContain('Did you mean `/search query:"Barrack"`?');
    expect(viewText(await run('/search Paris talks Barak'))).toContain('Did you mean `/search query:"Paris talks Barrack"`?');
    expect(viewText(await run('/search Sweeda'))).toContain('Did you mean `/search query:"Sweida"`?');
    expect(viewText(await run('/search Barrack'))).toMatch(/Showing 1 to \d+ of \d+ results/);
    // Nothing close, or no respelling that finds anything: no offer.
    expect(viewText(await run('/search zanzibar'))).not.toContain('Did you mean');
    expect(viewText(await run('/search Barak zanzibar'))).not.toContain('Did you mean');
  });
});

describe('GIVEN a search word that is an actor alias', () => {
  it('THEN a result found only through the alias says so, and one with the word in its text does not', async () => {
    const text = viewText(await run('/search Damascus limit:25'));
    const section = (id: number) => text.split('\n\n').find((block) => block.startsWith(`#${id} `)) ?? '';
    // The seed's aliases no longer include Damascus (the government, in its article): Washington is one.
    const viaAlias = viewText(await run('/search Washington'));
    expect(viaAlias.split('\n\n').find((block) => block.startsWith('#15 '))).toContain('Found through United States, also known as “Washington”');
    expect(section(8)).not.toContain('Found through');
  });
});

describe('GIVEN search-engine operators', () => {
  it.each([
    ['-Baku talks', 'a leading - was read as words to find'],
    ['talks NOT Baku', 'NOT was read as words to find'],
    ['query:"site:reuters.com"', 'site: was read as words to find'],
  ])('WHEN %s is searched THEN the reply says there are no operators', async (query, note) => {
    const text = viewText(await run(`/search ${query}`));
    expect(text).toContain(`Search has no operators: ${note}. Every word must appear.`);
  });

  it('WHEN OR or AND is typed beside other words THEN the reply says it was left out as common, once', async () => {
    const text = viewText(await run('/search the Paris OR Baku'));
    expect(text).toContain('Search has no operators: OR was left out as too common. Every other word must appear.');
    expect(text).toContain('Left out as too common: the.');
    expect(text).not.toContain('read as words to find');
    const mixed = viewText(await run('/search talks AND NOT Baku'));
    expect(mixed).toContain('Search has no operators: NOT was read as words to find; AND was left out as too common. Every other word must appear.');
    expect(mixed).not.toContain('Left out as too common: and');
  });

  it('WHEN OR is the only word THEN it was read as a word to find', async () => {
    expect(viewText(await run('/search OR'))).toContain('Search has no operators: OR was read as words to find. Every word must appear.');
  });

  it('THEN an ordinary query gets no such note', async () => {
    expect(viewText(await run('/search Paris talks'))).not.toContain('no operators');
  });
});

describe('GIVEN /help', () => {
  it('THEN it lists every command with its usage, generated from the specs', async () => {
    const text = viewText(await run('/help'));
    for (const name of ['/timeline', '/actor', '/entry show', '/search', '/help']) expect(text).toContain(name);
    expect(text).toContain('[since:2025-07]');
  });

  it('THEN it explains one command in detail', async () => {
    const text = viewText(await run('/help timeline'));
    expect(text).toContain('limit — How many results per page (1–25, default 10)\n');
    expect(text).toContain('page — Which page of results (default 1; 1–100,000)');
    expect(text).toContain('/timeline actor:"Ron Dermer" since:2025-07 limit:5');
  });

  it('THEN one subcommand can be asked for alone', async () => {
    const text = viewText(await run('/help entry show'));
    expect(text).toContain('`/entry show` — One entry');
    expect(text).not.toContain('/entry add');
  });

  it('THEN what a description already says is not said again', async () => {
    const text = viewText(await run('/help entry'));
    expect(text).toContain('`/entry add` — Add an entry (admins)\n');
    expect(text).toContain('date — When: 2025, 2025-07 or 2025-07-12 (required)\n');
    expect(text).toContain('confidence — confirmed, reported, claimed or disputed (default reported)\n');
    expect(text).toContain('published — Source publication date (2025, 2025-07 or 2025-07-12)\n');
    // A default is for add only: an edit keeps what it does not name.
    expect(text.split('`/entry edit`')[1]).toContain('confidence — confirmed, reported, claimed or disputed\n');
  });
});

describe('GIVEN bad input', () => {
  const cases: [string, RegExp][] = [
    ['/nonsense', /There is no command `\/nonsense`.[\s\S]*Try `\/help`/],
    ['/timeline colour:red', /`\/timeline` has no option `colour`[\s\S]*Options: topic, actor/],
    ['/timeline since:notadate', /Option `since` .* must be a date like 2025, 2025-07 or 2025-07-12 — got `notadate`\.$/],
    // `July 2025` unquoted is since:July and a stray word: the reply shows the date as it must be typed.
    ['/timeline since:July 2025', /must be a date like 2025, 2025-07 or 2025-07-12 — got `July`\.\nA date with spaces goes in quotes: since:"Jul 2025"\.$/],
    ['/timeline until:12 Jul 2025', /got `12`\.\nA year is written in full \(until:2025\); a day goes with its month and year, in quotes: until:"12 Jul 2025"\.$/],
    ['/timeline since:25', /got `25`\.\nA year is written in full \(since:2025\); a day goes with its month and year, in quotes: since:"25 Jul 2025"\.$/],
    ['/timeline since:2025-02-30', /got `2025-02-30`\.\nFebruary 2025 has 28 days\.$/],
    ['/timeline since:2024-02-30', /got `2024-02-30`\.\nFebruary 2024 has 29 days\.$/],
    ['/timeline since:2024-13-01', /got `2024-13-01`\.\nThere is no month 13: months run from 01 to 12\.$/],
    ['/timeline limit:0', /Option `limit` .* from 1 to 25 — got `0`/],
    ['/timeline limit:500', /Option `limit` .* from 1 to 25 — got `500`/],
    ['/timeline page:99', /Option `page` is past the end — got `99`.\nThere are 2 pages of entries.\nLast page: `\/timeline page:2`$/],
    ['/timeline actor:"Ron Dermer" limit:5 page:3', /There is 1 page of entries.\nLast page: `\/timeline actor:"Ron Dermer" limit:5 page:1`$/],
    ['/timeline type:protest page:2', /Option `page` is past the end — got `2`[\s\S]*There are no entries\./],
    ['/entry show abc', /Option `id` of `\/entry show` must be a whole number, 1 or more — got `abc`\./],
    ['/search golan page:0', /Option `page` of `\/search` must be a whole number from 1 to 100,000 — got `0`\./],
    ['/actor', /needs option `name`/],
    ['/timeline actor:"Ron', /never closed/],
    ['/timline', /There is no command `\/timline`.\nDid you mean `\/timeline`\?/],
    ['/entry 3', /`\/entry` has no subcommand `3`[\s\S]*To see it: `\/entry show 3`/],
    ['/help timline', /there is no command `\/timline`.\nDid you mean `\/help timeline`\?/],
  ];
  it.each(cases)('WHEN %s THEN one clear private error', async (input, message) => {
    const view = await run(input);
    expect(view.tone).toBe('error');
    expect(view.private).toBe(true);
    expect(viewText(view)).toMatch(message);
  });

  it('WHEN a handler fails unexpectedly THEN the user gets an error id and the log has it', async () => {
    app.db.exec('DROP TABLE entry_tags'); // break the store under the command
    const view = await run('/entry show 15');
    expect(view.tone).toBe('error');
    expect(view.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(viewText(view)).toContain(view.errorId!);
    expect(app.logger.lines.some((l) => l.level === 'error' && (l.context as { errorId?: string }).errorId === view.errorId)).toBe(true);
  });
});

describe('GIVEN autocomplete', () => {
  it('THEN actor names rank exact and prefix matches first, at most 25', () => {
    const choices = app.dispatcher.autocomplete({ command: 'timeline', option: 'actor', value: 'isr', caller: reader });
    expect(choices[0]!.value).toBe('Israel');
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(app.dispatcher.autocomplete({ command: 'timeline', option: 'actor', value: '', caller: reader }).length).toBe(15);
  });

  it('THEN event types, topics and places complete too', () => {
    expect(app.dispatcher.autocomplete({ command: 'timeline', option: 'type', value: 'air', caller: reader })[0]).toEqual({ value: 'air-strike', label: 'Air/drone strike' });
    expect(app.dispatcher.autocomplete({ command: 'timeline', option: 'topic', value: 'syr', caller: reader })).toEqual([{ value: 'syria-israel', label: 'syria-israel' }]);
    expect(app.dispatcher.autocomplete({ command: 'timeline', option: 'place', value: 'gol', caller: reader }).map((c) => c.value)).toEqual(['Golan Heights', 'Golan buffer zone']);
  });

  it('WHEN a place is first used THEN it is suggested at once, after the places in use', () => {
    const places = () => app.dispatcher.autocomplete({ command: 'timeline', option: 'place', value: 'gol', caller: reader }).map((c) => c.value);
    expect(places()).toEqual(['Golan Heights', 'Golan buffer zone']);
    app.services.editor.addEntry(
      { topic: 'syria-israel', title: 'Shelling near Golani', summary: '', eventType: 'shelling', start: { year: 2025 }, confidence: 'reported', places: ['Golani'], actors: [], sources: [], tags: [] },
      { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' },
    );
    expect(places()).toEqual(['Golan Heights', 'Golan buffer zone', 'Golani']);
  });
});
