// GIVEN a user typing into an autocomplete option, WHEN Discord asks for choices, THEN the bot
// answers (type 8) with at most 25 ranked choices whose names fit Discord's 100 characters.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { discordChoices } from '../../src/adapters/discord/autocomplete.js';
import { OPTION } from '../fakes/discord-payloads.js';
import { startHarness, type Harness } from './support/harness.js';
import { problemsIn } from './support/openapi.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const stamp = { by: 'test', at: new Date().toISOString() };
  for (let i = 1; i <= 30; i += 1) h.app.services.editor.addActor({ name: `Zed Council ${String(i).padStart(2, '0')}`, kind: 'community', aliases: [] }, stamp);
  h.app.services.editor.addActor({ name: 'Zed', kind: 'person', aliases: [] }, stamp);
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const focused = (name: string, value: string) => ({ name, type: OPTION.string, value, focused: true });

describe('autocomplete through Discord', () => {
  it('suggests actors for /actor name, best match first', async () => {
    const choices = await h.autocomplete('actor', [focused('name', 'derm')]);
    expect(choices).toEqual([{ name: 'Ron Dermer', value: 'Ron Dermer' }]);
  });

  it('ranks an exact name above longer ones and caps the list at 25', async () => {
    const choices = await h.autocomplete('timeline', [{ name: 'limit', type: OPTION.integer, value: 5 }, focused('actor', 'zed')]);
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'Zed', value: 'Zed' });
    expect(choices.slice(1).every((c) => c.name.startsWith('Zed Council'))).toBe(true);
  });

  it('suggests event types by label for /timeline type', async () => {
    const choices = await h.autocomplete('timeline', [focused('type', 'tal')]);
    expect(choices[0]).toEqual({ name: 'Talks/negotiation', value: 'talks' });
  });

  it('offers what the command reads a name in another alphabet as: سوريا is Syria, السويداء the stored Sweida province', async () => {
    expect((await h.autocomplete('actor', [focused('name', 'سوريا')]))[0]).toEqual({ name: 'Syria', value: 'Syria' });
    expect((await h.autocomplete('timeline', [focused('place', 'السويداء')]))[0]).toEqual({ name: 'Sweida province', value: 'Sweida province' });
  });

  it('works inside a subcommand', async () => {
    const choices = await h.autocomplete('entry', [{ name: 'add', type: OPTION.subcommand, options: [focused('topic', 'syr')] }]);
    expect(choices).toEqual([{ name: 'syria-israel', value: 'syria-israel' }]);
  });
});

describe('choices Discord can take', () => {
  it('shortens long names, drops values Discord would refuse and keeps 25', () => {
    const long = 'n'.repeat(150);
    const choices = discordChoices([
      { value: 'ok', label: long },
      { value: 'v'.repeat(101), label: 'too long a value' },
      ...Array.from({ length: 40 }, (_, i) => ({ value: `c${i}`, label: `Choice ${i}` })),
    ]);
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: `${'n'.repeat(99)}…`, value: 'ok' });
    expect(choices.map((c) => c.value)).not.toContain('v'.repeat(101));
  });

  it('shortens a name between characters: a flag at the cut is left out whole, never halved', () => {
    const label = `${'n'.repeat(97)}🇸🇾 Syria`;
    const [choice] = discordChoices([{ value: 'sy', label }]);
    expect(choice!.name).toBe(`${'n'.repeat(97)}…`);
  });
});
