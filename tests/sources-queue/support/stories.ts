// Feed items the review-queue tests serve: a week of Syria–Israel reporting in July 2025, as two
// outlets would word it.
import type { ScriptedItem } from './scripted-feeds.js';

/** The tests' clock starts here: the items below are from the week before. */
export const NOW = '2025-07-20T12:00:00Z';

export const BAKU: ScriptedItem = {
  guid: 'levant-48213',
  title: 'Syria and Israel hold de-escalation talks in Baku',
  link: 'https://levant.example/2025/07/18/baku-talks',
  summary: 'Syrian and Israeli officials met in Baku, according to two diplomats. Ron Dermer led the Israeli side.',
  published: '2025-07-18T14:05:00Z',
};

export const SWEIDA: ScriptedItem = {
  guid: 'levant-48290',
  title: 'Ceasefire announced in Sweida after days of clashes',
  link: 'https://levant.example/2025/07/19/sweida-ceasefire',
  summary: 'US envoy Tom Barrack said Israel and Syria agreed to a ceasefire in Sweida.',
  published: '2025-07-19T08:30:00Z',
};

/** Older than the week a backfill reaches back. */
export const OLD: ScriptedItem = {
  guid: 'levant-47001',
  title: 'Analysis: the Golan buffer zone since December',
  link: 'https://levant.example/2025/07/01/golan-analysis',
  summary: 'What changed on the Golan Heights.',
  published: '2025-07-01T06:00:00Z',
};

/** Another outlet's report of BAKU. */
export const BAKU_ELSEWHERE: ScriptedItem = {
  guid: 'med-7741',
  title: 'Israel, Syria resume de-escalation talks in Baku',
  link: 'https://med.example/world/2025/07/18/israel-syria-baku',
  summary: 'Officials from both countries met in Baku, a regional diplomat said.',
  published: '2025-07-18T16:20:00Z',
};

/** Arrives after the first check. */
export const PARIS: ScriptedItem = {
  guid: 'levant-48377',
  title: 'Al-Shaibani and Dermer meet in Paris, sources say',
  link: 'https://levant.example/2025/07/20/paris-meeting',
  summary: 'Syrian Foreign Minister Asaad al-Shaibani met Israeli minister Ron Dermer in Paris, with the U.S. mediating.',
  published: '2025-07-20T10:10:00Z',
};

/** Gives a death toll in its headline. */
export const QUNEITRA_STRIKE: ScriptedItem = {
  guid: 'levant-48401',
  title: 'Israeli drone strike kills 3 near Quneitra',
  link: 'https://levant.example/2025/07/19/quneitra-strike',
  summary: 'Residents said the strike hit a car on the road south of Quneitra.',
  published: '2025-07-19T18:45:00Z',
};
