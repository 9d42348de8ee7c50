// Options shared by the /actors subcommands.
import type { OptionSpec } from '../../src/core/command-spec.js';
import { ACTOR_KINDS, humanize } from '../../src/core/vocabulary.js';

export const actorKindChoices = ACTOR_KINDS.map((k) => ({ value: k, label: humanize(k) }));

export const actorNameOption = (description: string, name = 'name'): OptionSpec => ({
  name, description, type: 'actor', required: true, maxLength: 100, autocomplete: 'actor', example: '"Ron Dermer"',
});

export const actorFieldOptions = (kindRequired: boolean): OptionSpec[] => [
  { name: 'kind', description: 'What the actor is, e.g. person or state', type: 'choice', choices: actorKindChoices, required: kindRequired, example: 'person' },
  { name: 'title', description: 'Title or role, e.g. "US special envoy for Syria" (empty "" clears it)', type: 'text', maxLength: 150, example: '"US special envoy for Syria"' },
  { name: 'affiliation', description: 'Parent actor, e.g. Israel (none clears it)', type: 'actor', maxLength: 100, autocomplete: 'actor', example: 'Israel' },
  { name: 'aliases', description: 'Comma-separated other names', type: 'text', maxLength: 1000, example: '"Barrack, Thomas Barrack"' },
];
