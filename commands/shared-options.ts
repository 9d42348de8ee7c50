// Options several commands share, so their names, bounds and help read the same everywhere.
import type { OptionSpec } from '../src/core/command-spec.js';
import { UserError } from '../src/core/errors.js';
import type { DossierReader } from '../src/core/ports.js';
import { typedTopic } from '../src/core/typed-topic.js';
import { CONFIDENCE_LEVELS, EVENT_TYPES } from '../src/core/vocabulary.js';

export const MAX_PAGE_SIZE = 25;

export const eventTypeChoices = EVENT_TYPES.map((t) => ({ value: t.id, label: t.label }));
export const confidenceChoices = CONFIDENCE_LEVELS.map((c) => ({ value: c, label: c }));

export function limitOption(defaultLimit: number): OptionSpec {
  return {
    name: 'limit',
    description: `How many results per page (1–${MAX_PAGE_SIZE}, default ${defaultLimit})`,
    type: 'integer',
    min: 1,
    max: MAX_PAGE_SIZE,
    example: '5',
  };
}

export const pageOption: OptionSpec = {
  name: 'page',
  description: 'Which page of results (default 1)',
  type: 'integer',
  min: 1,
  max: 100_000,
  example: '2',
};

export const topicOption: OptionSpec = {
  name: 'topic',
  description: 'Dossier, e.g. syria-israel',
  type: 'text',
  maxLength: 60,
  autocomplete: 'topic',
  example: 'syria-israel',
};

/**
 * The dossier topic a `topic` option names (any case, any dash, an emoji or quotes around it: see
 * typed-topic.ts), or a refusal listing the topics. `also`:
 * topics known elsewhere than in entries (those of watched feeds, which no entry may have yet).
 */
export function resolveTopic(dossier: DossierReader, typed: string, also: readonly string[] = []): string {
  const topic = typedTopic(typed);
  const known = also.length === 0 ? dossier.topics() : [...new Set([...dossier.topics(), ...also])].sort();
  if (!known.includes(topic)) {
    throw new UserError('not-found', `There is no topic \`${topic}\` (option \`topic\`).`, [`Topics: ${known.join(', ') || 'none yet'}.`], 'topic');
  }
  return topic;
}

export const eventTypeOption: OptionSpec = {
  name: 'type',
  description: 'Event type, e.g. talks or air-strike',
  type: 'choice',
  choices: eventTypeChoices,
  autocomplete: 'type',
  example: 'talks',
};

/** The timeline's actor filter, shared by the commands that filter entries the same way. */
export const actorFilterOption: OptionSpec = {
  name: 'actor', description: 'Only entries involving this actor (name or alias)', type: 'actor', maxLength: 100, autocomplete: 'actor', example: '"Ron Dermer"',
};

/** The timeline's place filter, likewise. */
export const placeFilterOption: OptionSpec = {
  name: 'place', description: 'Only entries at this place', type: 'text', maxLength: 100, autocomplete: 'place', example: 'Paris',
};
