// GIVEN a workspace where the manifest was generated with `--prefix`, so Slack knows Sitrep's
// commands only as `/sitrep-timeline`, `/sitrep-entry`…, WHEN a user runs one, THEN the reply
// names commands the way that workspace has them (a copied hint must not be "command not
// found"), paging still works, and stored text that merely mentions `/timeline` stays as stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEXT_LABEL, PREVIOUS_LABEL } from '../../src/core/interaction/texts.js';
import { button, shownText, startHarness, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}` });
});
afterAll(async () => {
  await h?.close();
});

/** Every command reference a reply shows, as typed: `/timeline`, `/sitrep-entry`… */
const commandsNamed = (text: string) => [...text.matchAll(/(?<![\w/])\/(?:sitrep-)?(?:timeline|actors?|entry|search|digest|help)\b/g)].map((m) => m[0]);

describe('replies to prefixed commands', () => {
  it('/sitrep-help names every command as /sitrep-…, in headings, usage lines and footer', async () => {
    const text = shownText(await h.command('/sitrep-help'));
    expect(text).toContain('`/sitrep-timeline`');
    expect(text).toContain('/sitrep-timeline [topic:syria-israel]');
    expect(text).toContain('/sitrep-entry show id:3');
    expect(text).toContain('More on one command: `/sitrep-help timeline`');
    expect(commandsNamed(text).filter((c) => !c.startsWith('/sitrep-'))).toEqual([]);
  });

  it('/sitrep-help entry gives examples to copy as /sitrep-entry …', async () => {
    const body = await h.command('/sitrep-help entry');
    expect(shownText(body)).toContain('`/sitrep-entry show 3`');
    expect(commandsNamed(shownText(body)).filter((c) => !c.startsWith('/sitrep-'))).toEqual([]);
    // The notification text Slack shows (the message's fallback) says the same.
    expect(String(body.text)).toContain('/sitrep-entry show 3');
  });

  it('the same help in a workspace without the prefix keeps the short names', async () => {
    const text = shownText(await h.command('/help'));
    expect(text).toContain('`/timeline`');
    expect(text).not.toContain('sitrep-');
  });

  it('/sitrep-timeline pages with its buttons, and says the next page as /sitrep-timeline', async () => {
    const first = await h.command('/sitrep-timeline limit:5');
    expect(String(first.text)).toContain('Next page: `/sitrep-timeline limit:5 page:2`');
    const second = await h.press(button(first, NEXT_LABEL));
    expect(shownText(second)).toContain('Showing 6 to 10 of 17 entries.');
    expect(String(second.text)).toContain('Previous page: `/sitrep-timeline limit:5 page:1`');
    expect(String(second.text)).toContain('Next page: `/sitrep-timeline limit:5 page:3`');
    const back = await h.press(button(second, PREVIOUS_LABEL));
    expect(shownText(back)).toContain('Showing 1 to 5 of 17 entries.');
    expect(String(back.text)).toContain('Next page: `/sitrep-timeline limit:5 page:2`');
  });

  it('after a restart, its buttons still lead to pages that name commands as /sitrep-…', async () => {
    const first = await h.command('/sitrep-timeline limit:5');
    await h.restart();
    const second = await h.press(button(first, NEXT_LABEL));
    expect(String(second.text)).toContain('Next page: `/sitrep-timeline limit:5 page:3`');
    expect(shownText(second)).toContain('Details: `/sitrep-entry show ID`');
  });

  it('an unknown prefixed command is answered with the commands as this workspace has them', async () => {
    const res = await h.send({ command: '/sitrep-weather', text: 'paris' });
    const { text } = (await res.json()) as { text: string };
    expect(text).toContain('Sitrep has no /sitrep-weather command. Try /sitrep-help (commands: /sitrep-timeline, /sitrep-actor,');
    expect(commandsNamed(text).filter((c) => !c.startsWith('/sitrep-'))).toEqual([]);
  });

  it('when Slack refuses to open a form, the way on is written /sitrep-entry add …', async () => {
    h.slack.replyTo('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    const body = await h.command('/sitrep-entry add', { userId: ADMIN });
    expect(String(body.text)).toContain('Slack did not open the form for /sitrep-entry add');
    expect(String(body.text)).toContain('e.g. `/sitrep-entry add title:');
  });

  it('an /sitrep-entry edit form too long for its entry says to read the rest with /sitrep-entry show', async () => {
    // 120 sources whose escaped attributions (`&lt;&gt;&amp;`) make the entry longer than a modal.
    const sources = Array.from({ length: 120 }, (_, i) => ({ outlet: `Outlet ${i}`, url: `https://example.org/${i}`, attribution: `SOURCE-${i} ${'<>&'.repeat(100)}` }));
    const id = h.app.services.editor.addEntry(
      { topic: 'edge', title: 'Many sources', summary: 'Short.', eventType: 'talks', start: { year: 2025 }, confidence: 'reported', places: [], actors: [], sources, tags: [] },
      { by: 'test', at: new Date().toISOString() },
    );
    const view = await h.openForm(`/sitrep-entry edit ${id}`, { userId: ADMIN });
    expect(JSON.stringify(view.blocks)).toContain(`The rest does not fit in this form: \`/sitrep-entry show id:${id}\``);
  });

  it('footers and refusals name commands as /sitrep-…, so a copied hint runs', async () => {
    const timeline = shownText(await h.command('/sitrep-timeline limit:2'));
    expect(timeline).toContain('Details: `/sitrep-entry show ID`');
    const refused = shownText(await h.command('/sitrep-entry 3'));
    expect(refused).toContain('To see it: `/sitrep-entry show 3`');
    expect(commandsNamed(refused).filter((c) => !c.startsWith('/sitrep-'))).toEqual([]);
    const actor = shownText(await h.command('/sitrep-timeline Dermer'));
    expect(commandsNamed(actor).filter((c) => !c.startsWith('/sitrep-'))).toEqual([]);
  });

  it('a form refused in a prefixed workspace names the command under the field as /sitrep-…', async () => {
    const view = await h.openForm('/sitrep-entry add', { userId: ADMIN });
    const fields = { title: 'Talks resume in Baku', date: 'mid-July 2025', type: 'talks', topic: 'syria-israel' };
    const answer = await h.submitForm(view, fields, { userId: ADMIN });
    expect(answer.body?.errors?.date).toContain('Option `date` of `/sitrep-entry add` must be a date');
  });

  it('stored text that mentions /timeline is shown as stored', async () => {
    const id = h.app.services.editor.addEntry(
      {
        topic: 'edge', title: '/timeline of the talks', summary: 'Type /entry show 3 to read it.', eventType: 'talks', start: { year: 2025 },
        confidence: 'reported', places: [], actors: [], sources: [], tags: [],
      },
      { by: 'test', at: new Date().toISOString() },
    );
    const text = shownText(await h.command(`/sitrep-entry show ${id}`));
    expect(text).toContain('/timeline of the talks');
    expect(text).toContain('Type /entry show 3 to read it.');
  });
});
