// GIVEN text an option reads as another name (a country in Arabic, a place in another alphabet or
// spelling), WHEN autocomplete is asked for it, THEN it offers what the command reads the text as,
// on every platform that asks the core (Discord's choices, the console's Tab), and picking it gives
// the same answer as the text typed.
import { afterAll, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { CommandCompleter } from '../../src/adapters/console/completion.js';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const reader: Caller = { platform: 'discord', userId: '1', workspaceId: 'g1', channelId: 'c1' };
const offered = (command: string, option: string, value: string) => app.dispatcher.autocomplete({ command, option, value, caller: reader }).map((c) => c.value);
const answer = async (line: string) => viewText(await app.dispatcher.runText(line, reader));

describe('GIVEN an actor named in another language', () => {
  it('WHEN `سوريا` is typed for /actor name THEN Syria is offered, as /actor answers it', async () => {
    expect(offered('actor', 'name', 'سوريا')[0]).toBe('Syria');
    expect(await answer('/actor name:سوريا')).toBe(await answer('/actor name:Syria'));
  });

  it('THEN every actor option offers it alike', () => {
    expect(offered('timeline', 'actor', 'سوريا')[0]).toBe('Syria');
  });
});

describe('GIVEN a place in another alphabet or spelling', () => {
  it('WHEN `السويداء` is typed for /timeline place THEN the stored place it reads as is offered, with the same entries', async () => {
    const [first] = offered('timeline', 'place', 'السويداء');
    expect(first).toBe('Sweida province');
    // The same entries under a title naming the place as typed.
    const entries = async (place: string) => (await answer(`/timeline place:"${place}"`)).split('\n').slice(1);
    expect(await entries(first!)).toEqual(await entries('السويداء'));
    expect((await entries('السويداء')).join('\n')).toContain('Sweida');
  });

  it('WHEN another spelling is typed THEN the same place is offered', () => {
    expect(offered('timeline', 'place', 'Soueida')).toEqual(['Sweida province']);
    expect(offered('timeline', 'place', 'دمشق')[0]).toBe('Damascus');
  });

  it('WHEN no stored place reads it THEN the gazetteer’s name is offered, which reads the same', () => {
    expect(offered('place', 'name', 'Одеса')).toEqual(['Odesa']);
  });

  it('WHEN stored names hold the text THEN those are offered as before, and nothing is offered for text that names nothing', () => {
    expect(offered('timeline', 'place', 'gol')).toEqual(['Golan Heights', 'Golan buffer zone']);
    expect(offered('timeline', 'place', 'zzqx')).toEqual([]);
    expect(offered('actor', 'name', 'zzqx')).toEqual([]);
  });
});

describe('GIVEN the console prompt WHEN the operator presses Tab after Arabic text', () => {
  const completer = new CommandCompleter(app.dispatcher, CONSOLE_CALLER);
  it('THEN the actor and the place complete to what the command reads', () => {
    expect(completer.complete('/actor سوريا')[0].map((c) => c.trim())).toEqual(['Syria']);
    expect(completer.complete('/timeline place:السويداء')[0].map((c) => c.trim())).toEqual(['place:"Sweida province"']);
  });
});
