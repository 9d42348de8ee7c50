// What /entry add and edit reply: an end after today is refused as a date after today is, and an
// edit that replaces the source says what of the old one was not carried over.
import { describe, expect, it } from 'vitest';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { operatorDesk } from './support/operator-desk.js';

const desk = operatorDesk();
const { run, text } = desk;

const SANA =
  'outlet:SANA attribution:"Syrian state news agency, citing a medical source" published:2025-07-10 grade:C3 source_url:https://sana.sy/en/?p=1';

describe('GIVEN /entry add and edit as change.ts runs them', () => {
  describe('GIVEN today is 5 Dec 2026 (UTC)', () => {
    it('WHEN an entry is added with an end after today THEN it is refused, saying today and to leave the end out while it goes on', async () => {
      const before = storeFingerprint(desk.app.db);
      const said = await text('/entry add title:"Siege of Tasil" date:2026-11-20 end:2026-12-31 type:armed-clash topic:syria-israel');
      expect(said).toContain('Option `end` is in the future — got `31 Dec 2026`; today is 5 Dec 2026 (UTC).');
      expect(said).toContain('An event still going on has no end yet: leave `end` out, and set it with `/entry edit` once the event is over.');
      expect(storeFingerprint(desk.app.db)).toBe(before);
    });

    it('WHEN an edit sets an end after today THEN it is refused; today, or a month not over yet, is taken', async () => {
      const added = await text('/entry add title:"Siege of Tasil" date:2026-11-20 type:armed-clash topic:syria-israel');
      const id = Number(/#(\d+)/.exec(added)![1]);
      expect(await text(`/entry edit id:${id} end:2027`)).toContain('Option `end` is in the future — got `2027`');
      expect(await text(`/entry edit id:${id} end:2026-12-05`)).toContain(`Updated #${id}: end.`);
      expect(await text(`/entry edit id:${id} end:2026-12`)).toContain(`Updated #${id}: end.`);
    });
  });

  describe('GIVEN a channel keeping Pacific/Pago_Pago (UTC−11), where it is still 4 December', () => {
    it('WHEN an end of 5 December is given THEN it is refused as after today there', async () => {
      expect((await run('/digest subscribe schedule:"daily 08:00" timezone:Pacific/Pago_Pago')).tone).not.toBe('error');
      const said = await text('/entry add title:"Siege of Tasil" date:2026-11-20 end:2026-12-05 type:armed-clash topic:syria-israel');
      expect(said).toContain('Option `end` is in the future — got `5 Dec 2026`; today is 4 Dec 2026 (Pacific/Pago_Pago).');
    });
  });

  describe('GIVEN an entry sourced to SANA, with its attribution, grade C3 and publication date', () => {
    it('WHEN an edit names Reuters THEN the reply says what of SANA’s was not carried over, and how to set it', async () => {
      const id = Number(/#(\d+)/.exec(await text(`/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel ${SANA}`))![1]);
      const withLink = await text(`/entry edit id:${id} outlet:Reuters source_url:https://www.reuters.com/world/middle-east/y`);
      expect(withLink).toContain(`Updated #${id}: source.`);
      expect(withLink).toContain(
        "The source is now Reuters: SANA's attribution, grade C3 and publication date were not carried over; give attribution:, grade:, published: to set them.",
      );
      await run(`/entry undo id:${id}`);
      const withGrade = await text(`/entry edit id:${id} outlet:Reuters grade:B2`);
      expect(withGrade).toContain(
        "The source is now Reuters: SANA's link, attribution and publication date were not carried over; give source_url:, attribution:, published: to set them.",
      );
    });

    it('WHEN an edit keeps the outlet THEN the reply says nothing was left behind', async () => {
      const id = Number(/#(\d+)/.exec(await text(`/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel ${SANA}`))![1]);
      expect(await text(`/entry edit id:${id} source_url:https://sana.sy/en/?p=2`)).not.toContain('not carried over');
      // A letter-case slip alone changes nothing now (the stored spelling is kept): respell:true re-spells it.
      const respelled = await text(`/entry edit id:${id} outlet:sana respell:true`);
      expect(respelled).toContain(`Updated #${id}: source.`);
      expect(respelled).not.toContain('not carried over');
    });
  });
});
