// GIVEN Slack, which shows `_` in plain text as a look-alike (mrkdwn.ts), WHEN a reply names an
// environment variable an operator sets (SITREP_ADMINS, SITREP_SOURCES_ALLOW_PRIVATE, SITREP_TZ)
// THEN it is in code, so copying it into .env sets the variable Sitrep reads; and a refusal for
// admins only names the caller's own SITREP_ADMINS entry, since a Slack user rarely knows their id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewButtons } from '../../src/core/review/candidate-card.js';
import { plainLine, type View } from '../../src/core/view.js';
import { buttonsOf, shownText, startHarness, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
const READER = 'U0ALICE';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}` });
});
afterAll(async () => {
  await h?.close();
});

describe('GIVEN someone who is not an admin', () => {
  it('WHEN they run an admin command THEN the refusal gives their own entry and the variable, both in code', async () => {
    const said = shownText(await h.command('/entry undo id:2', { userId: READER }));
    expect(said).toContain('Ask an admin to add `slack:U0ALICE` to `SITREP_ADMINS`.');
    expect(said).not.toContain('\u02CD');
  });

  it('WHEN they press an admin’s button on a card THEN the refusal gives their own entry and the variable, both in code', async () => {
    const card: View = { title: 'A candidate', tone: 'normal', sections: [{ lines: [plainLine('Waiting for review.')] }], buttons: reviewButtons(99) };
    await h.adapter.poster.post('C0REVIEW', card);
    const posted = h.slack.callsTo('chat.postMessage').at(-1)!.args;
    const approve = buttonsOf(posted as never).find((b) => b.text.text === 'Approve #99')!;
    const said = shownText(await h.press(approve, READER));
    expect(said).toContain('Only Sitrep admins can use this button. Ask an admin to add `slack:U0ALICE` to `SITREP_ADMINS`.');
    expect(said).not.toContain('\u02CD');
  });
});

describe('GIVEN replies that tell the operator which variable to set', () => {
  it('WHEN a feed on a private address is refused THEN SITREP_SOURCES_ALLOW_PRIVATE=true is in code', async () => {
    const said = shownText(await h.command('/sources add url:http://127.0.0.1:9/feed.xml topic:syria-israel', { userId: ADMIN }));
    expect(said).toContain('the operator sets `SITREP_SOURCES_ALLOW_PRIVATE=true`.');
    expect(said).not.toContain('\u02CD');
  });

  it('WHEN a day after today is refused THEN SITREP_TZ is in code', async () => {
    const said = shownText(await h.command('/timeline as_of:2999-01-01', { userId: READER }));
    expect(said).toContain('(`SITREP_TZ`, UTC unless set)');
    expect(said).not.toContain('\u02CD');
  });
});
