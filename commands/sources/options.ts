// The options several /sources subcommands share.
import type { OptionSpec } from '../../src/core/command-spec.js';
import { RELIABILITY } from '../../src/core/source-grade.js';

export const sourceIdOption: OptionSpec = {
  name: 'id', description: 'Source number, as /sources list shows it', type: 'integer', required: true, min: 1, max: Number.MAX_SAFE_INTEGER, example: '1',
};

export const sourceTopicOption: OptionSpec = { name: 'topic', description: 'Dossier topic its entries go to, e.g. syria-israel', type: 'text', maxLength: 60, autocomplete: 'topic', example: 'syria-israel' };
export const keywordsOption: OptionSpec = {
  name: 'keywords', description: 'Keep only items naming one of these: comma-separated, "a phrase" in quotes, -word to leave out', type: 'text', maxLength: 500, example: '"ceasefire, Sweida"',
};
export const everyOption: OptionSpec = { name: 'every', description: 'How often to check: 15m or more (default 30m)', type: 'text', maxLength: 20, example: '30m' };
export const reliabilityOption: OptionSpec = {
  name: 'reliability',
  description: 'How reliable its outlet is, A–F (Admiralty code): entries approved from it cite it so',
  type: 'choice',
  choices: [...RELIABILITY].map(([letter, meaning]) => ({ value: letter, label: `${letter} — ${meaning}` })),
  example: 'B',
};
/** The most of an outlet's name: an entry's source takes no more. */
export const OUTLET_LENGTH = 100;
export const outletOption: OptionSpec = {
  name: 'outlet', description: 'The outlet its items cite, where the feed’s title does not say it (e.g. Reuters)', type: 'text', maxLength: OUTLET_LENGTH, example: 'Reuters',
};
