// An entry as the digest tests add or show it: every field an entry needs, at a default a test
// overrides where it matters.
import type { EntryInput } from '../../../src/core/domain.js';

export const entryInput = (fields: Partial<EntryInput> = {}): EntryInput => ({
  topic: 'syria-israel',
  title: 'Talks resume',
  summary: '',
  eventType: 'talks',
  start: { year: 2025, month: 7, day: 20 },
  confidence: 'reported',
  places: [],
  actors: [],
  sources: [{ outlet: 'Reuters', url: 'https://example.com/report' }],
  tags: [],
  ...fields,
});
