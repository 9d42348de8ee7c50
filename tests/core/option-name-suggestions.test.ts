// An option name misspelled, in the singular for a list, or as other tools call it (`from:` for
// `since:`) gets the option meant, with the value typed, before the options the command takes.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, operator));

describe('GIVEN an option name the command does not have', () => {
  it.each([
    ['/timeline from:2025-07-01', '/timeline', 'from', 'since:2025-07-01'],
    ['/timeline to:2025-08', '/timeline', 'to', 'until:2025-08'],
    ['/entry diff id:12 since:2025-07', '/entry diff', 'since', 'from:2025-07'],
    ['/entry edit id:12 confidance:confirmed', '/entry edit', 'confidance', 'confidence:confirmed'],
    ['/entry edit id:12 actor:Israel', '/entry edit', 'actor', 'actors:Israel'],
    ['/entry edit id:12 tag:foo', '/entry edit', 'tag', 'tags:foo'],
    ['/entry edit id:12 place:Paris', '/entry edit', 'place', 'places:Paris'],
    ['/entry edit id:12 url:https://example.org/story', '/entry edit', 'url', 'source_url:https://example.org/story'],
    ['/entry edit id:12 place:"Tel Aviv"', '/entry edit', 'place', 'places:"Tel Aviv"'],
  ])('WHEN %s is typed THEN the reply offers the option meant, with the value, and still lists the options', async (line, command, typed, meant) => {
    const said = await reply(line);
    expect(said).toContain(`\`${command}\` has no option \`${typed}\`.\nDid you mean \`${meant}\`?\nOptions: `);
  });

  it('WHEN the name is close to none THEN the options are listed without a guess', async () => {
    const said = await reply('/timeline colour:red');
    expect(said).toContain('`/timeline` has no option `colour`.\nOptions: topic, actor, place, type, since, until, limit, page, as_of.');
    expect(said).not.toContain('Did you mean');
  });

  it('WHEN the option meant is given as offered THEN the command runs', async () => {
    expect(await reply('/timeline since:2025-07-01')).toMatch(/^Timeline/);
  });
});
