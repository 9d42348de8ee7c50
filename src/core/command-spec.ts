// The shape of a command definition. One spec per command drives the handler, the text parser,
// help, Discord's command tree and Slack's manifest alike.
import type { PartialDate } from './partial-date.js';
import type { CommandServices } from './services.js';
import type { View } from './view.js';
import type { Caller } from './caller.js';

export type OptionType = 'text' | 'integer' | 'date' | 'actor' | 'choice' | 'boolean';

/** Which list autocomplete draws from. */
export type AutocompleteSource = 'actor' | 'topic' | 'place' | 'type';

export interface Choice {
  value: string;
  label: string;
}

export interface OptionSpec {
  name: string;
  /** At most 100 characters (Discord's limit for option descriptions). */
  description: string;
  type: OptionType;
  required?: boolean;
  /** Integer bounds, inclusive. */
  min?: number;
  max?: number;
  /** Text length limit. */
  maxLength?: number;
  /** Text read as one line: its line breaks (a wrapped spreadsheet cell, a pasted headline) become spaces. */
  oneLine?: boolean;
  /** Allowed values for `choice` options (at most 25 so Discord can list them). */
  choices?: readonly Choice[];
  autocomplete?: AutocompleteSource;
  /** Shown in help, e.g. `2025-07`. */
  example?: string;
}

/**
 * Options whose text names a channel of the workspace (`/digest unsubscribe channel:`): the core
 * knows channels by their id, so each adapter gives it the id of a channel picked from the
 * platform's `#` menu there, where other text options keep the name the user saw.
 */
export const CHANNEL_OPTIONS: readonly string[] = ['channel'];

/** A typed option value: text, actor and choice give strings; date gives a PartialDate. */
export type OptionValue = string | number | boolean | PartialDate;
export type CommandArgs = Readonly<Record<string, OptionValue | undefined>>;

/** What a raw option arrives as: text from Slack and the console, typed values from Discord. */
export type RawOptionValue = string | number | boolean;

export interface CommandContext {
  caller: Caller;
  isAdmin: boolean;
  /** Identifies this delivery (Discord interaction id, Slack trigger id) so retries can be recognised. */
  requestId?: string;
  services: CommandServices;
  /** Every registered command, for help. */
  commands: readonly CommandSpec[];
  now(): Date;
  /**
   * When the form this command was submitted from opened: what others changed since, its author
   * never saw. Absent for a typed command.
   */
  formOpenedAt?: Date;
}

/** Who last changed a form's field, and when (as stored, ISO). */
export interface FieldAuthor {
  /** As replies name an author (`slack:U1 (alice)`), or `you` for the caller. */
  by: string;
  at: string;
}

export type CommandHandler = (args: CommandArgs, ctx: CommandContext) => View | Promise<View>;

export interface LeafSpec {
  description: string;
  options?: readonly OptionSpec[];
  adminOnly?: boolean;
  /**
   * The command only reads: running it again changes nothing, so an adapter may re-run it by
   * itself (a page button after a restart). Every leaf is either read-only or admin-only (a test
   * holds commands/ to it), so a writing command is never re-run by accident.
   */
  readOnly?: boolean;
  /**
   * The command writes only the caller's own things (their watches): anyone may run it, for
   * themselves, and like any writing command no button re-runs it by itself. A leaf is exactly
   * one of read-only, admin-only or personal.
   */
  personal?: boolean;
  /** Example invocations for help, without the leading command name. */
  examples?: readonly string[];
  run: CommandHandler;
  /**
   * Current values of the options, as text, for a form that edits something (e.g. the entry
   * `/entry edit id:12` changes), so the form starts from them.
   */
  formValues?: (args: CommandArgs, ctx: CommandContext) => Record<string, string>;
  /**
   * For a form that starts from formValues: who last changed each field (by option name) after
   * `since`, so a form refused over a change names whose it was and when.
   */
  formAuthors?: (args: CommandArgs, since: Date, ctx: CommandContext) => Record<string, FieldAuthor>;
  /** The form (modal) this command offers on platforms that have them. */
  form?: FormSpec;
  /**
   * A button may run this command for whoever presses it, with their rights (e.g. Approve on a
   * review card). Without it, buttons only run read-only commands.
   */
  pressable?: boolean;
}

/** A form declared once for every platform; each platform only draws it. */
export interface FormSpec {
  /** Options that say what the form changes (`id`): given with the command, never fields. */
  keys?: readonly string[];
  /**
   * The form opens when the command comes with nothing but its keys, or, when set, without this
   * option (the long text people would rather not type on one line).
   */
  opensWithout?: string;
  /** Only a button opens it (an Edit on a card): typed with its keys alone, the command runs. */
  buttonsOnly?: boolean;
  /**
   * The fields, as option names, in order. A platform with room for fewer shows the required ones
   * not given first, then the long text, then the rest in this order.
   */
  fields: readonly string[];
  /** Fields that take long text (a paragraph rather than a line). */
  longText?: readonly string[];
  title(keys: Readonly<Record<string, string>>): string;
  submit: string;
  /** A line over the fields. */
  note?: string;
  /** A read-only command run with the keys, whose answer is shown above the fields where there is room. */
  preview?: { command: string; subcommand?: string };
  /**
   * The fields a submission empties through another field's value (`clear: summary`): a field
   * emptied so is changed as much as one typed over, for the check of what changed meanwhile.
   */
  emptied?(typed: Readonly<Record<string, string>>): string[];
  /**
   * The option a submission names the fields it emptied in (those that opened with a value),
   * comma-separated, for a form where an emptied field means "none" (`clear`). Without it, an
   * emptied field is not given, and keeps its value.
   */
  emptiedOption?: string;
}

export interface SubcommandSpec extends LeafSpec {
  name: string;
}

interface BaseCommandSpec {
  name: string;
  description: string;
}

/** A command is either a leaf with options or a group of subcommands, never both. */
export type CommandSpec =
  | (BaseCommandSpec & LeafSpec & { subcommands?: undefined })
  | (BaseCommandSpec & {
      subcommands: readonly SubcommandSpec[];
      adminOnly?: undefined;
      /**
       * The subcommand a typed command (console, Slack) runs when it names none: `/trend` and
       * `/trend topic:T` are `/trend show …`. Discord's pickers always name one.
       */
      typedDefault?: string;
    });

/** The part of a spec that actually runs: the command itself or one of its subcommands. */
export interface ResolvedLeaf {
  command: CommandSpec;
  subcommand?: SubcommandSpec;
  leaf: LeafSpec;
  /** `timeline` or `entry show`. */
  path: string;
}

export function leafAdminOnly(resolved: ResolvedLeaf): boolean {
  return resolved.leaf.adminOnly === true;
}

/**
 * Whether the leaf may be run again without anyone asking, e.g. by a page button: only a leaf
 * marked read-only, and never an admin-only one, even if it were marked both by mistake.
 */
export function leafIsReadOnly(resolved: Pick<ResolvedLeaf, 'leaf'>): boolean {
  return resolved.leaf.readOnly === true && resolved.leaf.adminOnly !== true;
}

/** Whether any part of a command is admin-only (for Discord's default_member_permissions). */
export function commandIsAdminOnly(command: CommandSpec): boolean {
  if (command.subcommands) return command.subcommands.every((s) => s.adminOnly === true);
  return command.adminOnly === true;
}
