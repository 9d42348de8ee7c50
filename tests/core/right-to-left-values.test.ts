// Arabic and Hebrew values inside Sitrep's left-to-right lines: each is set apart in a first-strong
// isolate (U+2068 … U+2069), so a change reads old → new, a count stays by its word and two
// values keep their order; Latin values are written as before, and nothing typed back carries
// the isolates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { packLines } from '../../src/core/line-pieces.js';
import { renderLine } from '../../src/core/render-text.js';
import { clip, clipAtWord } from '../../src/core/text-cut.js';
import { span, type Invocation, type View } from '../../src/core/view.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const FSI = '\u2068';
const PDI = '\u2069';
const set = (text: string) => `${FSI}${text}${PDI}`;

const admin: Caller = { platform: 'discord', userId: '1', workspaceId: 'g1', channelId: 'c1' };

let app: TestApp;
beforeAll(() => {
  app = createTestApp('discord:1');
});
afterAll(() => app.dispose());

const run = (line: string) => app.dispatcher.runText(line, admin);
const reply = async (line: string) => viewText(await run(line));
const addedId = (view: View) => Number(/#(\d+)/.exec(view.title)![1]);

/** Every invocation a view can send back: its pager, its buttons and the commands it names. */
function invocationsOf(view: View): unknown[] {
  const lines = [...(view.intro ?? []), ...(view.facts ?? []).map((f) => f.value), ...view.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.lines]), ...(view.footer ? [view.footer] : [])];
  const pager: (Invocation | undefined)[] = [view.pager?.next, view.pager?.previous];
  return [...pager.filter(Boolean), ...(view.buttons ?? []).map((b) => b.action.invocation), ...lines.flat().flatMap((s) => (s.command ? [s.command] : []))];
}

const TITLE_23 = 'اشتباكات في السويداء توقع ٢٣ قتيلاً';
const TITLE_27 = 'اشتباكات في السويداء توقع ٢٧ قتيلاً';
const OBSERVATORY = 'المرصد السوري';

describe('GIVEN an entry with an Arabic title and fatality source, corrected', () => {
  let id: number;
  beforeAll(async () => {
    const added = await run(`/entry add title:"${TITLE_23}" date:2025-07-14 type:armed-clash topic:syria-israel outlet:AFP fatalities:23 fatalities_source:"${OBSERVATORY}"`);
    expect(added.tone).toBe('success');
    id = addedId(added);
    expect((await run(`/entry edit id:${id} title:"${TITLE_27}" fatalities:27`)).tone).toBe('success');
  });

  it('THEN /entry history shows each value set apart, so the change reads from the old value to the new', async () => {
    const history = await reply(`/entry history id:${id}`);
    expect(history).toContain(`Title: ${set(TITLE_23)} → ${set(TITLE_27)}`);
    expect(history).toContain(`Fatalities: 23 — ${set(OBSERVATORY)} → 27 — ${set(OBSERVATORY)}`);
  });

  it('THEN /entry show sets the title and the figures’ source apart, and its buttons and commands carry none of it', async () => {
    const view = await run(`/entry show id:${id}`);
    expect(viewText(view)).toContain(`Fatalities  27 — ${set(OBSERVATORY)}`);
    expect(JSON.stringify(invocationsOf(view))).not.toMatch(/[\u2068\u2069]/);
  });

  it('WHEN a value copied from a reply, isolates and all, is typed back THEN it is stored as the bare value', async () => {
    expect((await run(`/entry edit id:${id} title:"${set(TITLE_23)}"`)).tone).toBe('success');
    expect(app.services.dossier.getEntry(id)!.title).toBe(TITLE_23);
  });
});

describe('GIVEN an entry with Latin values only, corrected', () => {
  it('THEN /entry history writes its lines without any isolate, as before', async () => {
    const id = addedId(await run('/entry add title:"Clashes near Quneitra" date:2025-07-14 type:armed-clash topic:syria-israel outlet:AFP fatalities:3 fatalities_source:"Health ministry"'));
    await run(`/entry edit id:${id} title:"Clashes in Quneitra" fatalities:4`);
    const history = await reply(`/entry history id:${id}`);
    expect(history).toContain('Title: Clashes near Quneitra → Clashes in Quneitra');
    expect(history).toContain('Fatalities: 3 — Health ministry → 4 — Health ministry');
    expect(history).not.toMatch(/[\u2068\u2069]/);
  });
});

describe('GIVEN a Hebrew-named actor with a Hebrew title and two Hebrew aliases', () => {
  const NAME = 'בנימין נתניהו';
  const TITLE = 'ראש ממשלת ישראל';
  beforeAll(async () => {
    expect((await run(`/actors add name:"${NAME}" kind:person title:"${TITLE}" aliases:"ביבי, נתניהו"`)).tone).toBe('success');
  });

  it('THEN /actors list keeps the count by its word, and Latin lines are as before', async () => {
    const list = await reply('/actors list kind:person');
    expect(list).toContain(`${set(NAME)} — person, ${set(TITLE)} · 0 entries`);
    expect(list).toContain('\n    Tom Barrack — person, US special envoy for Syria · 3 entries\n');
  });

  it('THEN /actor lists the aliases each set apart, in their order, and its links name the actor bare', async () => {
    const view = await run(`/actor name:"${NAME}"`);
    expect(viewText(view)).toContain(`Also known as  ${set('ביבי')}, ${set('נתניהו')}`);
    expect(JSON.stringify(invocationsOf(view))).toContain(NAME);
    expect(JSON.stringify(invocationsOf(view))).not.toMatch(/[\u2068\u2069]/);
  });
});

describe('GIVEN a claim reported by an Arabic outlet with an Arabic note', () => {
  it('THEN the claim line keeps outlet and note in their order', async () => {
    const id = addedId(await run('/entry add title:"Casualty figures disputed" date:2025-07-15 type:statement topic:syria-israel outlet:AFP'));
    await run('/actors add name:"Ahmed al-Sharaa" kind:person');
    expect((await run(`/entry claim id:${id} actor:"Ahmed al-Sharaa" stance:denies date:2025-07-15 outlet:سانا note:"لا صحة للأرقام"`)).tone).toBe('success');
    expect(await reply(`/entry show id:${id}`)).toContain(`Ahmed al-Sharaa denies · 15 Jul 2025 · ${set('سانا')} — ${set('لا صحة للأرقام')}`);
  });
});

describe('GIVEN a value set apart that is too long for its room', () => {
  const long = set('ا'.repeat(300));

  it('WHEN it is clipped THEN the cut closes the isolate after the ellipsis, within the limit', () => {
    for (const cut of [clip, clipAtWord]) {
      const clipped = cut(`Title: ${long}`, 100);
      expect(clipped.length).toBeLessThanOrEqual(100);
      expect(clipped.endsWith(`…${PDI}`)).toBe(true);
    }
  });

  it('WHEN its line is packed into pieces THEN every piece closes what it opens and fits', () => {
    const markup = { render: (line: Parameters<typeof renderLine>[0]) => renderLine(line), linkTarget: () => undefined };
    const pieces = packLines(markup, [[span.plain(`Summary: ${long} · 3 entries`)]], 200);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(200);
      expect(piece.split(FSI).length).toBe(piece.split(PDI).length);
    }
    expect(pieces.join('').replace(/[\u2068\u2069]/g, '')).toBe(`Summary: ${'ا'.repeat(300)} · 3 entries`);
  });

  it('WHEN the cut falls anywhere around where the isolate opens THEN every piece still closes what it opens and fits', () => {
    const markup = { render: (line: Parameters<typeof renderLine>[0]) => renderLine(line), linkTarget: () => undefined };
    for (let lead = 150; lead <= 200; lead++) {
      const pieces = packLines(markup, [[span.plain(`${'x'.repeat(lead)}${long}`)]], 200);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(200);
        expect(piece.split(FSI).length).toBe(piece.split(PDI).length);
      }
      expect(pieces.join('').replace(/[\u2068\u2069]/g, '')).toBe(`${'x'.repeat(lead)}${'ا'.repeat(300)}`);
    }
  });
});

describe('GIVEN stored text with a direction override', () => {
  it('THEN the console still shows the override as its code point, and an isolate a view closes as it is', () => {
    expect(renderLine([span.plain(`A\u202eB ${set('سانا')}`)])).toBe(`A⟨U+202E⟩B ${set('سانا')}`);
    expect(renderLine([span.plain(`open ${FSI}سانا`)])).toBe('open ⟨U+2068⟩سانا');
  });
});
