// GIVEN entries that name Damascus in their text, and one at the place دمشق (Damascus) that never
// spells it in Latin letters WHEN /search Damascus finds as many results as the place has entries
// THEN the reply still points to the place's timeline, because one entry there is not among them.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { viewText } from '../support/view-text.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp('console:operator');
afterAll(() => app.dispose());
const admin: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, admin));
const entryIds = (shown: string) => [...shown.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]));

describe('GIVEN an entry at دمشق beside entries naming Damascus only in words', () => {
  it('WHEN /search Damascus leaves it out THEN the reply points to /timeline place:Damascus, which lists it', async () => {
    const added = await text('/entry add title:"قصف إسرائيلي بدمشق" date:2025-07-16 type:air-strike topic:syria-israel places:"دمشق" source_url:https://example.org/a outlet:SANA');
    const id = Number(/#(\d+)/.exec(added)![1]);
    const found = await text('/search Damascus');
    expect(entryIds(found)).not.toContain(id);
    expect(found).toContain('“Damascus” is a place (Damascus, Damascus Governorate, Syria): `/timeline place:Damascus` lists all 2 entries there');
    expect(entryIds(await text('/timeline place:Damascus'))).toContain(id);
  });
});
