// Discord's command tree, generated from the command specs: nothing here names a command.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { commandIsAdminOnly, type CommandSpec, type OptionSpec } from '../../core/command-spec.js';
import { DEFAULT_TEXT_LIMIT } from '../../core/option-values.js';
import { DAY_TIME_MAX_LENGTH, takesTimeOfDay } from '../../core/day-time.js';
import { COMMAND_LIMITS } from './limits.js';
import { clip } from '../../core/text-cut.js';

/**
 * `default_member_permissions` is a permission bit set. Discord's OpenAPI description types it
 * as an integer (its API takes an integer or a numeric string), so "no permissions" goes out as
 * 0: hidden from everyone but server admins, who may grant it per role or channel.
 */
export type CommandJSON = Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'default_member_permissions'> & {
  default_member_permissions?: number;
};

/**
 * Dates are read as typed (`2025-07-12`) or as replies show them (`12 Jul 2025`, also `30
 * September 2025`, 17 characters); Discord's client refuses to send more than max_length, so
 * it leaves room for the longest of them and a stray space or two.
 */
const DATE_MAX_LENGTH = 20;
const NAME_PATTERN = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

function checkName(name: string, what: string): string {
  if (!NAME_PATTERN.test(name)) throw new Error(`${what} "${name}" is not a valid Discord name (lowercase, 1–32 characters)`);
  return name;
}

function stringOption(option: OptionSpec, maxLength: number): APIApplicationCommandBasicOption {
  const base = {
    type: ApplicationCommandOptionType.String as const,
    name: checkName(option.name, 'Option'),
    description: clip(option.description, COMMAND_LIMITS.description),
    ...(option.required ? { required: true } : {}),
    max_length: Math.min(maxLength, COMMAND_LIMITS.stringLength),
  };
  const choices = option.choices ?? [];
  const listable =
    option.type === 'choice' &&
    !option.autocomplete &&
    choices.length <= COMMAND_LIMITS.choices &&
    choices.every((c) => c.value.length <= COMMAND_LIMITS.choiceValue);
  if (listable) return { ...base, choices: choices.map((c) => ({ name: clip(c.label, COMMAND_LIMITS.choiceName), value: c.value })) };
  // Choices Discord cannot list (too many, or the spec asks for it) are offered by autocomplete.
  const autocomplete = Boolean(option.autocomplete) || option.type === 'choice';
  return autocomplete ? { ...base, autocomplete: true } : base;
}

function optionJSON(option: OptionSpec): APIApplicationCommandBasicOption {
  switch (option.type) {
    case 'integer':
      return {
        type: ApplicationCommandOptionType.Integer,
        name: checkName(option.name, 'Option'),
        description: clip(option.description, COMMAND_LIMITS.description),
        ...(option.required ? { required: true } : {}),
        ...(option.min !== undefined ? { min_value: option.min } : {}),
        ...(option.max !== undefined ? { max_value: option.max } : {}),
      };
    case 'boolean':
      return {
        type: ApplicationCommandOptionType.Boolean,
        name: checkName(option.name, 'Option'),
        description: clip(option.description, COMMAND_LIMITS.description),
        ...(option.required ? { required: true } : {}),
      };
    case 'date':
      return stringOption(option, takesTimeOfDay(option) ? DAY_TIME_MAX_LENGTH : DATE_MAX_LENGTH);
    case 'choice':
      return stringOption(option, Math.max(1, ...(option.choices ?? []).map((c) => c.value.length)));
    case 'text':
    case 'actor':
      return stringOption(option, option.maxLength ?? DEFAULT_TEXT_LIMIT);
  }
}

/** Discord requires required options before optional ones; the spec's order is kept otherwise. */
function optionList(options: readonly OptionSpec[] | undefined, where: string): APIApplicationCommandBasicOption[] {
  const list = options ?? [];
  if (list.length > COMMAND_LIMITS.options) throw new Error(`${where} has ${list.length} options; Discord allows ${COMMAND_LIMITS.options}`);
  return [...list.filter((o) => o.required), ...list.filter((o) => !o.required)].map(optionJSON);
}

export function commandJSON(command: CommandSpec): CommandJSON {
  const name = checkName(command.name, 'Command');
  let options: APIApplicationCommandOption[];
  if (command.subcommands) {
    if (command.subcommands.length > COMMAND_LIMITS.options) throw new Error(`/${name} has too many subcommands`);
    options = command.subcommands.map((sub) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name: checkName(sub.name, 'Subcommand'),
      description: clip(sub.description, COMMAND_LIMITS.description),
      options: optionList(sub.options, `/${name} ${sub.name}`),
    }));
  } else {
    options = optionList(command.options, `/${name}`);
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: clip(command.description, COMMAND_LIMITS.description),
    options,
    // Sitrep lives in servers: its admin rules and channels are per guild.
    contexts: [InteractionContextType.Guild],
    ...(commandIsAdminOnly(command) ? { default_member_permissions: 0 } : {}),
  };
}

export function buildCommandTree(commands: readonly CommandSpec[]): CommandJSON[] {
  return commands.map(commandJSON);
}
