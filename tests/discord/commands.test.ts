// GIVEN the real discord.js client logged in to the fake Discord, WHEN a user runs Sitrep's
// slash commands, THEN they see embeds rendered from the views, errors privately.
import { GatewayIntentBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPTION } from '../fakes/discord-payloads.js';
import { buttons, startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

// Styling inside the views (bold, code) is the core's choice: compare what the user reads.
const embed = (answer: Answer) => answer.body.embeds![0]!;
const fieldNames = (answer: Answer) => (embed(answer).fields ?? []).map((f) => visibleText(f.name));
const field = (answer: Answer, name: string) => {
  const found = embed(answer).fields?.find((f) => visibleText(f.name) === name);
  return found && visibleText(found.value);
};

describe('logging in', () => {
  it('identifies with the Guilds intent only and registers nothing on start', () => {
    expect(h.fake.gateway.identifies).toEqual([{ token: h.fake.token, intents: GatewayIntentBits.Guilds }]);
    expect(h.fake.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });
});

describe('commands', () => {
  it('/timeline answers publicly with one field per entry and paging buttons', async () => {
    const answer = await h.slash('timeline');
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(false);
    expect(embed(answer).title).toBe('Timeline');
    expect(embed(answer).description).toBe('Showing 1 to 10 of 17 entries.');
    expect(embed(answer).fields).toHaveLength(10);
    // The newest is the Syrian confirmation of 26 July (#17, which the article does not date, is July 2025).
    expect(fieldNames(answer)[0]).toBe('#16 Syrian source confirms Paris talks with Israeli officials');
    expect(embed(answer).footer?.text).toBe('Details: /entry show ID · Page 1 of 2');
    expect(buttons(answer.body).map((b) => [b.label, b.disabled])).toEqual([['Previous page', true], ['Next page (2 of 2)', false]]);
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('/actor name:Dermer shows the profile and latest entries', async () => {
    const answer = await h.slash('actor', { name: 'Dermer' });
    expect(answer.ephemeral).toBe(false);
    expect(embed(answer).title).toBe('Ron Dermer');
    expect(field(answer, 'Title')).toBe('Israeli Strategic Affairs Minister');
    expect(field(answer, 'Affiliation')).toBe('Israel');
    expect(fieldNames(answer)).toContain('#13 Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
    expect(buttons(answer.body)).toEqual([]);
  });

  it('/entry show id:15 shows the whole entry with its sources', async () => {
    const answer = await h.slash('entry', { id: 15 }, { subcommand: 'show' });
    expect(embed(answer).title).toBe('#15 US-mediated Syria–Israel talks in Paris');
    expect(field(answer, 'Date')).toBe('Jul 2025');
    expect(field(answer, 'Type')).toBe('Talks/negotiation');
    expect(field(answer, 'Summary')).toContain('reactivating the disengagement agreement with international guarantees');
    expect(field(answer, 'Sources')).toContain('Syrian state television · F2 (reliability cannot be judged; probably true) — Syrian diplomatic source, to state television (26 Jul 2025)');
  });

  it('/search query:golan highlights the matched words', async () => {
    const answer = await h.slash('search', { query: 'golan' });
    expect(embed(answer).title).toBe('Search — “golan”');
    expect(embed(answer).description).toBe('Showing 1 to 3 of 3 results.');
    expect(fieldNames(answer)).toContain('#2 Israel occupies the Syrian Golan Heights');
    expect(embed(answer).fields![0]!.value).toContain('__**Golan**__');
  });

  it('/search with no results says so, without buttons', async () => {
    const answer = await h.slash('search', { query: 'zanzibar' });
    expect(answer.ephemeral).toBe(false);
    expect(embed(answer).description).toBe('No results match.\nEvery word must appear in an entry: try fewer words, or the start of a word with \\* (Shaib\\*).');
    expect(embed(answer).footer).toBeUndefined();
    expect(embed(answer).fields).toBeUndefined();
    expect(buttons(answer.body)).toEqual([]);
  });

  it('/help lists every command as a field', async () => {
    const answer = await h.slash('help');
    expect(embed(answer).title).toBe('Sitrep — commands');
    const names = fieldNames(answer).map((name) => name.split(' — ')[0]);
    expect(names).toEqual(h.app.dispatcher.commands.map((c) => `/${c.name}`));
  });

  it('/help, which says what the caller may do, is shown to them alone, not posted to the channel', async () => {
    const overview = await h.slash('help');
    expect(overview.ephemeral).toBe(true);
    expect(embed(overview).title).toBe('Sitrep — commands');
    const detail = await h.slash('help', { command: 'timeline' });
    expect(detail.ephemeral).toBe(true);
    expect(embed(detail).title).toBe('/timeline');
  });

  it('shows each date with its precision: 1948, Dec 2024, 12 Jul 2025', async () => {
    const dates = [];
    for (const id of [1, 4, 11]) dates.push(field(await h.slash('entry', { id }, { subcommand: 'show' }), 'Date'));
    expect(dates).toEqual(['1948', 'Dec 2024', '12 Jul 2025']);
  });
});

describe('bad input', () => {
  it('an out-of-range limit sent raw gets a private error naming the option', async () => {
    const answer = await h.slashRaw('timeline', [{ name: 'limit', type: OPTION.integer, value: 0 }]);
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).title).toBe('Cannot do that');
    expect(visibleText(embed(answer).description!)).toMatch(/Option `?limit`? of \/timeline must be a whole number from 1 to 25 — got `?0`?\./);
  });

  it('an unknown entry id gets a private "not found"', async () => {
    const answer = await h.slash('entry', { id: 999 }, { subcommand: 'show' });
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toContain('There is no entry #999.');
  });

  it('an impossible date gets a private error', async () => {
    const answer = await h.slash('timeline', { since: '2025-13' });
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toContain('a date like 2025, 2025-07 or 2025-07-12');
  });
});

describe('what reaches the dispatcher', () => {
  it('passes typed option values, the interaction id and the caller’s identity', async () => {
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    try {
      const answer = await h.slash('timeline', { limit: 3, place: 'Paris' });
      expect(run).toHaveBeenCalledWith({
        command: 'timeline',
        args: { limit: 3, place: 'Paris' },
        requestId: answer.interaction.id,
        caller: {
          platform: 'discord', userId: h.user.id, roleIds: [], workspaceId: h.fake.guild.id,
          channelId: h.fake.guild.channelId, displayName: h.user.username,
        },
      });
    } finally {
      run.mockRestore();
    }
  });
});
