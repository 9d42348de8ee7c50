// GIVEN the real Bolt app and the fake Slack, WHEN Sitrep shows a command, an example or a value in
// code (help, refusals, the message's fallback text) THEN it reads exactly as it must be typed
// (`as_of:`, `0 8 * * 1-5`, `url:https://…`), so copying it and sending it back works; data outside
// code still cannot switch formatting on; text copied from older replies (look-alikes, invisible
// joiners) is still understood; and a channel picked in Slack's autocomplete (`<#C…|name>`) is
// the channel it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText, startHarness, type Harness } from './harness.js';
import { visibleText } from './mrkdwn-text.js';

const ADMIN = 'U0ADMIN';
type Body = Record<string, unknown>;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}` });
});
afterAll(async () => {
  await h?.close();
});

/** The text of every code span of mrkdwn, as Slack shows it (entities decoded). */
const codeSpans = (mrkdwn: string): string[] =>
  [...mrkdwn.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
/** Characters Slack replies used as stand-ins, which a copy carries but no one types. */
const STAND_INS = /[\u02CD\u2217\u223C\u02CB\u2060\u00AD]/;
const fallbackOf = (body: Body) => String(body.text);

describe('GIVEN examples and refusals shown in code', () => {
  it('WHEN /help timeline is shown THEN its example reads `as_of:2025-07-20` in the message and in its fallback text', async () => {
    const body = await h.command('/help timeline');
    expect(shownText(body)).toContain('`/timeline topic:syria-israel as_of:2025-07-20`');
    expect(fallbackOf(body)).toContain('`/timeline topic:syria-israel as_of:2025-07-20`');
    for (const code of [...codeSpans(shownText(body)), ...codeSpans(fallbackOf(body))]) expect(code).not.toMatch(STAND_INS);
  });

  it('WHEN /help digest is shown THEN the cron and skip_empty examples read as typed', async () => {
    const body = await h.command('/help digest');
    const codes = codeSpans(shownText(body));
    expect(codes).toContain('/digest subscribe schedule:"0 8 * * 1-5"');
    expect(codes).toContain('/digest subscribe schedule:"weekly mon 09:00" skip_empty:true');
    expect(codeSpans(fallbackOf(body))).toContain('/digest subscribe schedule:"0 8 * * 1-5"');
  });

  it('WHEN a refusal names an option THEN it is `as_of`, in the message and in its fallback text', async () => {
    const body = await h.command('/timeline as_of:2999-01-01');
    expect(shownText(body)).toContain('Option `as_of` is in the future');
    expect(fallbackOf(body)).toContain('Option `as_of` is in the future');
  });

  it('WHEN every example /help timeline shows is copied from the message and sent back THEN each runs', async () => {
    const examples = codeSpans(shownText(await h.command('/help timeline'))).filter((code) => code.startsWith('/timeline '));
    expect(examples.length).toBeGreaterThan(1);
    for (const example of examples) {
      const answer = await h.command(example);
      expect(shownText(answer), example).not.toContain('Cannot do that');
    }
  });

  it('WHEN a stored title holds *bold*, _it_ and ~x~ THEN outside code it still shows as text, not formatting', async () => {
    const title = '*bold* _it_ ~x~ :warning:';
    const added = await h.command(`/entry add title:"${title}" date:2025-07 type:talks topic:syria-israel outlet:AFP summary:"As sourced."`, { userId: ADMIN });
    const id = /Added entry #(\d+)/.exec(shownText(added))![1];
    const shown = await h.command(`/timeline since:2025-07 until:2025-07 limit:25`);
    const text = shownText(shown);
    expect(text).toContain(`*#${id}*`);
    // Its markers are look-alikes (the title's line is bold: that is Sitrep's own style).
    expect(text).toContain('*\u2217bold\u2217 \u02CDit\u02CD \u223Cx\u223C :\u2060warning:*');
    expect(visibleText(text)).toContain(title);
    expect(fallbackOf(shown)).toContain('\u2217bold\u2217 \u02CDit\u02CD \u223Cx\u223C :\u2060warning:');
    expect(visibleText(fallbackOf(shown))).toContain(title);
  });
});

describe('GIVEN text copied from an older Slack reply', () => {
  it('WHEN an option name holds the look-alike underscore (asˍof:) and a value a word joiner THEN it is read as typed', async () => {
    const body = await h.command('/timeline topic:syria-israel as\u02CDof:2025-07-20 limit:\u20602');
    expect(shownText(body)).toContain('as of the end of 20 Jul 2025');
    expect(shownText(body)).not.toContain('Cannot do that');
  });

  it('WHEN a time zone shown with the look-alike underscore (America/NewˍYork) is sent back THEN it is that zone; the closest zones a refusal offers read as typed', async () => {
    const subscribed = await h.command('/digest subscribe schedule:"daily 08:00" timezone:America/New\u02CDYork', { userId: ADMIN, channelId: 'C0ZONES' });
    expect(shownText(subscribed)).toContain('Digest subscribed');
    expect(visibleText(shownText(subscribed))).toContain('America/New_York');
    const refused = await h.command('/digest subscribe schedule:"daily 08:00" timezone:"New York"', { userId: ADMIN, channelId: 'C0ZONES' });
    expect(codeSpans(shownText(refused))).toContain('America/New_York');
    expect(visibleText(shownText(refused))).not.toMatch(/\u02CD/);
  });
});

describe('GIVEN digests in two channels', () => {
  beforeAll(async () => {
    for (const channelId of ['C0DIGEST', 'C0SECOND']) {
      expect(shownText(await h.command('/digest subscribe schedule:"daily 08:00"', { userId: ADMIN, channelId }))).toContain('Digest subscribed');
    }
  });

  it('WHEN an admin elsewhere unsubscribes channel:#newsroom-digest (Slack sends <#C0DIGEST|newsroom-digest>) THEN that channel’s digest stops', async () => {
    const body = await h.command('/digest unsubscribe channel:<#C0DIGEST|newsroom-digest>', { userId: ADMIN, channelId: 'C0ELSEWHERE' });
    expect(shownText(body)).toContain('Channel C0DIGEST will receive no more digests.');
    expect(shownText(await h.command('/digest list', { userId: ADMIN, channelId: 'C0ELSEWHERE' }))).not.toContain('C0DIGEST');
  });

  it('WHEN the channel is given as the bare word THEN it is that channel too', async () => {
    const body = await h.command('/digest unsubscribe <#C0SECOND|second-digest>', { userId: ADMIN, channelId: 'C0ELSEWHERE' });
    expect(shownText(body)).toContain('Channel C0SECOND will receive no more digests.');
  });
});
