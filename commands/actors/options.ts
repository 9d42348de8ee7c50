// Options shared by the /actors subcommands.
import type { OptionSpec } from '../../src/core/command-spec.js';
import { CHOSEN_ACTOR_KINDS, humanize } from '../../src/core/vocabulary.js';

export const actorKindChoices = CHOSEN_ACTOR_KINDS.map((k) => ({ value: k, label: humanize(k) }));

/**
 * The examples of one subcommand's options make one usage line together (in /help), so they all
 * describe one actor: Tom Barrack, the US envoy of the seed dossier, unless a subcommand (adding
 * an actor) needs one the seed does not have.
 */
export const actorNameOption = (description: string, name = 'name', example = '"Tom Barrack"'): OptionSpec => ({
  name, description, type: 'actor', required: true, maxLength: 100, oneLine: true, autocomplete: 'actor', example,
});

/**
 * A name, alias or title typed for an actor, read as one line with single spaces, as entry titles
 * are: `Hayat  Tahrir al-Sham` is stored and shown as `Hayat Tahrir al-Sham`.
 */
export const actorTextOption = (option: Omit<OptionSpec, 'type' | 'oneLine'>): OptionSpec => ({ ...option, type: 'text', oneLine: true });

/** The example values of the fields, for the actor a subcommand's usage line describes. */
interface ActorFieldExamples {
  title: string;
  aliases: string;
}

const BARRACK: ActorFieldExamples = { title: '"US special envoy for Syria"', aliases: '"Barrack, Thomas Barrack"' };

export const actorFieldOptions = (kindRequired: boolean, examples = BARRACK): OptionSpec[] => [
  { name: 'kind', description: 'What the actor is, e.g. person or state', type: 'choice', choices: actorKindChoices, required: kindRequired, example: 'person' },
  actorTextOption({ name: 'title', description: 'Title or role, e.g. "US special envoy for Syria" (none clears it)', maxLength: 150, example: examples.title }),
  { name: 'affiliation', description: 'Parent actor, e.g. Israel (none clears it)', type: 'actor', maxLength: 100, oneLine: true, autocomplete: 'actor', example: '"United States"' },
  actorTextOption({
    name: 'aliases',
    // On edit the list replaces the aliases; /actors alias adds or removes one.
    description: kindRequired ? 'Comma-separated other names' : 'Comma-separated other names; replaces them all (/actors alias: one)',
    maxLength: 1000,
    example: examples.aliases,
  }),
];
