// GIVEN sources whose outlet is, or holds, a web address or host name WHEN /entry show, a claim
// or /entry history shows them THEN an outlet naming another site than its link's is never that
// link's label: it is shown as text, beside the link labelled with the host it leads to. An outlet
// named as outlets are (AFP, Levant Wire), or naming the link's own site, stays the label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
let app: TestApp;
beforeAll(() => {
  app = createTestApp('console:op');
});
afterAll(() => app.dispose());

const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
let added = 0;

/** The Sources line of a new entry with the outlet and link given, as the console shows it. */
async function sourceShown(outlet: string | undefined, url: string): Promise<string> {
  added += 1;
  const reply = await run(`/entry add title:"Label ${added}" date:2025-07-01 type:talks topic:labels summary:s source_url:"${url}"${outlet === undefined ? '' : ` outlet:"${outlet}"`}`);
  const id = /#(\d+)/.exec(reply)![1];
  const shown = await run(`/entry show id:${id}`);
  return /^Sources\n {4}(.*)$/m.exec(shown)?.[1] ?? `no Sources line in:\n${shown}`;
}

describe('GIVEN an outlet and a source link', () => {
  it('WHEN the outlet is a name, or names the link’s own site THEN it stays the link’s label', async () => {
    expect(await sourceShown('AFP', 'https://evil.example/a')).toBe('AFP <https://evil.example/a>');
    expect(await sourceShown('Levant Wire', 'https://evil.example/b')).toBe('Levant Wire <https://evil.example/b>');
    expect(await sourceShown('U.S. Central Command, e.g. CENTCOM', 'https://evil.example/c')).toBe('U.S. Central Command, e.g. CENTCOM <https://evil.example/c>');
    expect(await sourceShown('reuters.com', 'https://www.reuters.com/world/1')).toBe('reuters.com <https://www.reuters.com/world/1>');
    expect(await sourceShown('https://www.reuters.com/', 'https://reuters.com/world/2')).toBe('https://www.reuters.com/ <https://reuters.com/world/2>');
    expect(await sourceShown('https://www.reuters.com/world/story.html', 'https://www.reuters.com/world/3')).toBe('https://www.reuters.com/world/story.html <https://www.reuters.com/world/3>');
    // No outlet given: the link's site is its outlet.
    expect(await sourceShown(undefined, 'https://www.reuters.com/world/4')).toBe('reuters.com <https://www.reuters.com/world/4>');
  });

  it('WHEN the outlet is or holds the address or host name of another site THEN it is text beside a link labelled with the real host', async () => {
    expect(await sourceShown('https://www.reuters.com/', 'https://evil.example/path')).toBe('https://www.reuters.com/ (link to evil.example <https://evil.example/path>)');
    expect(await sourceShown('www.reuters.com', 'https://evil.example/1')).toBe('www.reuters.com (link to evil.example <https://evil.example/1>)');
    expect(await sourceShown('reuters.com', 'https://reuters.com.evil.example/2')).toBe('reuters.com (link to reuters.com.evil.example <https://reuters.com.evil.example/2>)');
    expect(await sourceShown('Reuters (reuters.com)', 'https://evil.example/3')).toBe('Reuters (reuters.com) (link to evil.example <https://evil.example/3>)');
    // Full-width letters and an ideographic dot read as reuters.com to the eye and to the URL parser.
    expect(await sourceShown('ｒｅｕｔｅｒｓ。ｃｏｍ', 'https://evil.example/4')).toBe('ｒｅｕｔｅｒｓ。ｃｏｍ (link to evil.example <https://evil.example/4>)');
    // An address whose host is the link's, with a `user:password@` part posing as another site.
    expect(await sourceShown('https://www.bbc.co.uk@evil.example/', 'https://evil.example/5')).toBe('https://www.bbc.co.uk@evil.example/ (link to evil.example <https://evil.example/5>)');
  });

  it('WHEN a claim’s outlet names another site THEN its line shows it beside the real host', async () => {
    await run('/entry add title:"Claimed" date:2025-07-01 type:talks topic:labels summary:s outlet:AFP');
    const claim = await run(`/entry claim id:${added + 18} actor:Israel stance:denies date:2025-07-02 source_url:https://evil.example/claim outlet:"https://www.idf.il/"`);
    expect(claim).toContain('Israel denies · 2 Jul 2025 · https://www.idf.il/ (link to evil.example <https://evil.example/claim>)');
  });
});

describe('GIVEN a source whose outlet names another site than its link', () => {
  let at = Date.parse('2025-07-20T12:00:00Z');
  let dated: TestApp;
  beforeAll(() => {
    dated = createTestApp('console:op', () => new Date(at));
  });
  afterAll(() => dated.dispose());

  it('WHEN /entry diff lists a change of its grade THEN the outlet is beside the real host there too', async () => {
    const runDated = async (text: string) => viewText(await dated.dispatcher.runText(text, admin));
    await runDated('/entry add title:"Graded" date:2025-07-01 type:talks topic:labels summary:s source_url:https://evil.example/story outlet:"https://www.reuters.com/"');
    at += 86_400_000;
    await runDated('/entry edit id:18 grade:B2');
    const diff = await runDated('/entry diff id:18 from:2025-07-20');
    expect(diff).toContain('https://www.reuters.com/ (link to evil.example <https://evil.example/story>): grade — → B2');
  });
});
