// GIVEN the real Slack app against the fake Slack and 12 candidates waiting WHEN an admin asks
// /review clear and presses its Reject 12 button THEN the rejection is answered to them alone
// (ephemeral), as the typed clear and its question are, never posted to the channel with its reason.
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { labelsOf, shownText } from './harness.js';
import { startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
const CROSSINGS = Array.from({ length: 12 }, (_, i) => `Zel${String.fromCharCode(97 + i)}ovka`);

let rig: ReviewRig;
let feeds: ScriptedFeeds;
let app: App;

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'clear-private' });
  ({ feeds, app } = rig);
  feeds.serve(
    '/levant.xml',
    'Levant Wire',
    CROSSINGS.map((place, i) => ({ guid: `levant-${place}`, title: `Convoy turned back at the ${place} border crossing`, link: `https://levant.example/${place}`, published: `2025-07-${14 + (i % 4)}T08:00:00Z` })),
  );
  await rig.command('/review channel');
  await rig.command(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await rig.command('/sources check id:1');
});
afterAll(() => rig?.close());

const waiting = () => app.db.prepare("SELECT count(*) FROM review_candidates WHERE status = 'pending'").pluck().get() as number;

describe('GIVEN a /review clear confirmation on Slack', () => {
  it('WHEN its Reject 12 button is pressed THEN the rejection, reason included, is shown to the admin alone', async () => {
    const asked = await rig.command('/review clear before:2025-07-19 reason:"stale backlog"');
    expect(asked.response_type).toBe('ephemeral');
    expect(labelsOf(asked)).toContain('Reject 12');
    const before = waiting();

    const pressId = await rig.press({ ts: '1752900000.000100', blocks: asked.blocks as types.KnownBlock[] }, 'Reject 12');
    const answer = await rig.answerTo(pressId);
    expect(shownText(answer)).toMatch(/Rejected 12 candidates/);
    expect(shownText(answer)).toContain('stale backlog');
    expect(answer.response_type).toBe('ephemeral');
    expect(waiting()).toBe(before - 12);
  });
});
