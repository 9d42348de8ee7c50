// GIVEN the real Bolt app behind its HTTP receiver and the fake Slack, WHEN a user runs a slash
// command (signed, form-encoded), THEN the answer reaches the response_url as Block Kit.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { leaves } from '../../src/core/help.js';
import { NEXT_LABEL } from '../../src/core/interaction/texts.js';
import { blocksOf, buttonsOf, labelsOf, shownText, startHarness, textsOf, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: 'slack:U0ADMIN' });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('answers to each command', () => {
  it('/timeline lists the newest entries privately, with a Next button (no Previous on the first page)', async () => {
    const body = await h.command('/timeline');
    expect(body.response_type).toBe('ephemeral');
    const [header, intro, first] = blocksOf(body);
    expect(header).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Timeline', emoji: false } });
    expect(intro).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: 'Showing 1 to 10 of 17 entries.' } });
    // The newest is the Syrian confirmation of 26 July (#17, which the article does not date, is July 2025).
    expect(first).toMatchObject({ type: 'section', text: { text: expect.stringContaining('*#16* *Syrian source confirms Paris talks with Israeli officials*') } });
    expect(labelsOf(body)).toEqual([`${NEXT_LABEL} (2 of 2)`]);
    expect(body.text).toContain('#16 Syrian source confirms Paris talks with Israeli officials');
  });

  it('/actor Dermer shows the profile as fields and his entries', async () => {
    const body = await h.command('/actor Dermer');
    expect(textsOf(body)[0]).toBe('Ron Dermer');
    const fields = blocksOf(body).flatMap((b) => (b.type === 'section' ? (b.fields ?? []).map((f) => f.text) : []));
    expect(fields).toContain('*Kind*\nperson');
    expect(fields).toContain('*Title*\nIsraeli Strategic Affairs Minister');
    expect(shownText(body)).toContain('Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
  });

  it('/entry show 15 shows the entry with its month-precision date and sources', async () => {
    const body = await h.command('/entry show 15');
    const text = shownText(body);
    expect(textsOf(body)[0]).toBe('#15 US-mediated Syria–Israel talks in Paris');
    expect(text).toContain('*Date*\nJul 2025');
    expect(text).toContain('*Sources*');
    expect(text).toContain('Syrian state television');
    expect(body.response_type).toBe('ephemeral');
  });

  it('/search golan highlights the matched word in bold', async () => {
    const body = await h.command('/search golan');
    expect(textsOf(body)[0]).toBe('Search — “golan”');
    expect(shownText(body)).toContain('Israel has occupied the Syrian *Golan* Heights since 1967.');
    expect(shownText(body)).toContain('Showing 1 to 3 of 3 results.');
    expect(buttonsOf(body)).toEqual([]);
  });

  it('/help lists every command the dispatcher knows', async () => {
    const body = await h.command('/help');
    const text = shownText(body);
    for (const spec of h.app.dispatcher.commands) expect(text).toContain(`\`/${spec.name}\``);
  });

  it('dates keep their precision: a year, a month, a day', async () => {
    expect(shownText(await h.command('/timeline until:1950'))).toContain('1948 · Armed clash');
    expect(shownText(await h.command('/entry show 4'))).toContain('*Date*\nDec 2024');
    expect(shownText(await h.command('/entry show 12'))).toContain('*Date*\n12 Jul 2025');
  });

  it('a command renamed /sitrep-timeline in the manifest still works', async () => {
    expect(textsOf(await h.command('/sitrep-timeline limit:1'))[0]).toBe('Timeline');
  });
});

describe('bad input', () => {
  it.each([
    ['/timeline actor:"Ron Dermer', 'never closed'],
    ['/timeline since:notadate', 'got `notadate`'],
    ['/timeline colour:red', 'has no option `colour`'],
    ['/entry show 999', 'There is no entry #999.'],
  ])('%s gets a private error saying what to fix', async (input, expected) => {
    const body = await h.command(input);
    expect(body.response_type).toBe('ephemeral');
    expect(textsOf(body)[0]).toBe('Cannot do that');
    expect(shownText(body)).toContain(expected);
  });

  it('an error stays private even when --public was asked for', async () => {
    const body = await h.command('/timeline since:notadate --public');
    expect(body.response_type).toBe('ephemeral');
  });

  it('an internal error shows the error id that was logged', async () => {
    vi.spyOn(h.app.dossier, 'timeline').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const body = await h.command('/timeline');
    const logged = h.app.logger.lines.filter((l) => l.level === 'error').at(-1)!.context as { errorId: string };
    expect(logged.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(body.response_type).toBe('ephemeral');
    expect(shownText(body)).toContain(`error id \`${logged.errorId}\``);
    expect(shownText(body)).not.toContain('disk on fire');
  });

  it('an unknown command configured in Slack is answered, not left to time out', async () => {
    const res = await h.send({ command: '/weather', text: 'paris' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Sitrep has no /weather command') });
  });
});

describe('visibility', () => {
  it('--public anywhere in the text shows the answer in the channel and is not parsed', async () => {
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    const body = await h.command('/timeline --public limit:2');
    expect(body.response_type).toBe('in_channel');
    expect(run.mock.calls[0]![0]).toMatchObject({ command: 'timeline', args: { limit: '2' } });
  });

  it('a phone’s em dash (—public) counts too, but a quoted "--public" is just text', async () => {
    expect((await h.command('/timeline limit:1 —public')).response_type).toBe('in_channel');
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    const body = await h.command('/search "--public"');
    expect(body.response_type).toBe('ephemeral');
    expect(run.mock.calls[0]![0]).toMatchObject({ command: 'search', args: { query: '--public' } });
  });
});

describe('what reaches the dispatcher', () => {
  it('the caller’s identity, the trigger id as request id, and the text as typed, parsed once', async () => {
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    const runText = vi.spyOn(h.app.dispatcher, 'dispatchText');
    // Slack sends &, < and > as entities.
    await h.command('/search buffer &amp; zone &lt;b&gt;', { userId: 'U0BOB', userName: 'bob', teamId: 'T0OTHER', channelId: 'C0DESK', triggerId: '123.456.abc' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith({
      command: 'search',
      args: { query: 'buffer & zone <b>' },
      caller: { platform: 'slack', userId: 'U0BOB', workspaceId: 'T0OTHER', channelId: 'C0DESK', displayName: 'bob' },
      requestId: '123.456.abc',
    });
    expect(runText).not.toHaveBeenCalled();
  });

  it('text that does not parse goes to the dispatcher as typed, for its refusal', async () => {
    const runText = vi.spyOn(h.app.dispatcher, 'dispatchText');
    await h.command('/timeline actor:"Ron Dermer', { triggerId: '123.456.def' });
    expect(runText).toHaveBeenCalledWith('/timeline actor:"Ron Dermer', expect.objectContaining({ userId: 'U0ALICE' }), '123.456.def');
  });

  it('admin rights follow SITREP_ADMINS (slack:U0ADMIN) for admin-only commands', async () => {
    const adminOnly = h.app.dispatcher.commands.flatMap(leaves).find((l) => l.leaf.adminOnly);
    if (!adminOnly) throw new Error('expected at least one admin-only command to check rights with');
    const refused = await h.command(`/${adminOnly.path}`, { userId: 'U0ALICE' });
    expect(textsOf(refused)[0]).toBe('Not allowed');
    const allowed = await h.command(`/${adminOnly.path}`, { userId: 'U0ADMIN' });
    expect(textsOf(allowed)[0]).not.toBe('Not allowed');
  });

  it('acks at once and answers on the response_url once the dispatcher is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = h.app.dispatcher.dispatch.bind(h.app.dispatcher);
    vi.spyOn(h.app.dispatcher, 'dispatch').mockImplementation(async (...args) => {
      await gate;
      return original(...args);
    });
    const responseUrl = h.slack.responseUrl('slow');
    const res = await h.send({ command: '/timeline', text: 'limit:1', responseUrl });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(h.slack.responses.items.filter((r) => r.id === 'slow')).toEqual([]);
    release();
    const [answer] = await h.slack.responses.atLeast(1, (r) => r.id === 'slow');
    expect(textsOf(answer!.body)[0]).toBe('Timeline');
  });
});
