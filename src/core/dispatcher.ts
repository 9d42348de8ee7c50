// One entry point for every adapter: resolve the command, check rights, convert options, run
// the handler and turn any failure into a view. Authorization lives here, once.
import { randomBytes } from 'node:crypto';
import type { RequestLog } from './request-log.js';
import { runOnce } from './run-once.js';
import { askAdminText } from './admin-entry.js';
import type { AdminRule, Caller } from './caller.js';
import { describeCaller, isAdmin } from './caller.js';
import type { Choice, CommandContext, CommandSpec, FieldAuthor, RawOptionValue } from './command-spec.js';
import { instantsIn, type InstantWriter } from './past-instant.js';
import { UserError, isStoreBusy, isUserError, storeDiskFault } from './errors.js';
import type { Logger } from './logger.js';
import { channelZone, resolveDayWords } from './day-words.js';
import { convertArgs } from './option-values.js';
import { yearOnClock } from './yearless-date.js';
import type { CommandServices } from './services.js';
import { CommandRegistry } from './registry.js';
import { rankByMatch } from './ranking.js';
import { suggestedValues } from './suggested-values.js';
import { parseCommandText } from './text-syntax.js';
import { EVENT_TYPES } from './vocabulary.js';
import type { Invocation, View } from './view.js';
import { internalErrorView, storeBusyView, storeDiskView, userErrorView } from './error-views.js';
import { leafIsReadOnly } from './command-spec.js';

/** Discord caps autocomplete at 25 choices; Slack has no native autocomplete for commands. */
export const MAX_AUTOCOMPLETE_CHOICES = 25;

export interface CommandRequest {
  command: string;
  subcommand?: string;
  args: Readonly<Record<string, RawOptionValue>>;
  caller: Caller;
  /** The platform's id for this delivery (Discord interaction id, Slack trigger id). */
  requestId?: string;
  /** When the form this request was submitted from opened (ms since the epoch); absent for a typed command. */
  formOpenedAt?: number;
}

export interface AutocompleteRequest {
  command: string;
  subcommand?: string;
  option: string;
  /** What the user has typed so far. */
  value: string;
  caller: Caller;
}

/** What a request came to, as data: nothing needs to read it back out of the rendered view. */
export interface Outcome {
  view: View;
  /** The command as resolved (`/entry show 3` → entry show {id: 3}); absent when it did not resolve. */
  invocation?: Invocation;
  /** The command only reads, so a button may run it again. */
  readOnly: boolean;
  /** The option a refusal is about, when one is at fault. */
  refusedOption?: string;
  /**
   * A refusal's parts, in order, each with the option it is about (when one is at fault): one,
   * or each one checkAll gathered. A form shows each under its own field.
   */
  refusals?: Refusal[];
}

/** One refusal of a request: its message and hints as a view, and the option at fault. */
export interface Refusal {
  option?: string;
  view: View;
}

export interface DispatcherDeps {
  commands: readonly CommandSpec[];
  services: CommandServices;
  adminRules: readonly AdminRule[];
  logger: Logger;
  /** Makes admin commands run once per platform delivery; without it retries run again. */
  requestLog?: RequestLog;
  now?: () => Date;
}

export class Dispatcher {
  readonly registry: CommandRegistry;

  constructor(private readonly deps: DispatcherDeps) {
    this.registry = new CommandRegistry(deps.commands);
  }

  get commands(): readonly CommandSpec[] {
    return this.registry.all;
  }

  /** Runs a command given as text (`/timeline since:2025-07`), as Slack and the console send it. */
  async runText(text: string, caller: Caller, requestId?: string): Promise<View> {
    return (await this.dispatchText(text, caller, requestId)).view;
  }

  /** Runs a command whose options arrive already split, as Discord sends them. */
  async run(request: CommandRequest): Promise<View> {
    return (await this.dispatch(request)).view;
  }

  /** runText, with what the request came to. The text is parsed once. */
  async dispatchText(text: string, caller: Caller, requestId?: string): Promise<Outcome> {
    let invocation: Invocation | undefined;
    return this.guard(caller, text, () => invocation, async () => {
      this.registry.refusePlainWords(text);
      const { resolved, args } = this.registry.resolveText(parseCommandText(text));
      invocation = { command: resolved.command.name, ...(resolved.subcommand ? { subcommand: resolved.subcommand.name } : {}), args };
      return this.execute(resolved.command.name, resolved.subcommand?.name, args, caller, requestId);
    });
  }

  /** run, with what the request came to. */
  async dispatch(request: CommandRequest): Promise<Outcome> {
    const label = [request.command, request.subcommand].filter(Boolean).join(' ');
    const invocation: Invocation = { command: request.command, ...(request.subcommand ? { subcommand: request.subcommand } : {}), args: { ...request.args } };
    return this.guard(request.caller, `/${label}`, () => invocation, () =>
      this.execute(request.command, request.subcommand, request.args, request.caller, request.requestId, request.formOpenedAt),
    );
  }

  /** Whether the invocation names a command that only reads (see LeafSpec.readOnly). */
  isReadOnly(invocation: { command: string; subcommand?: string }): boolean {
    try {
      return leafIsReadOnly(this.registry.resolve(invocation.command, invocation.subcommand));
    } catch {
      return false;
    }
  }

  /** Whether the caller is one of Sitrep's admins. */
  isAdmin(caller: Caller): boolean {
    return isAdmin(caller, this.deps.adminRules);
  }

  /**
   * Whether the caller may run a command at all, so an adapter can refuse before opening a
   * form. The dispatcher still checks again when the command runs.
   */
  mayRun(command: string, subcommand: string | undefined, caller: Caller): boolean {
    try {
      const resolved = this.registry.resolve(command, subcommand);
      return !resolved.leaf.adminOnly || isAdmin(caller, this.deps.adminRules);
    } catch {
      return false;
    }
  }

  /**
   * The current values a form for this command should start from (see LeafSpec.formValues);
   * undefined when the command has none, the caller may not run it, or the target is missing.
   */
  formValues(request: CommandRequest): Record<string, string> | undefined {
    try {
      const resolved = this.registry.resolve(request.command, request.subcommand);
      const allowed = !resolved.leaf.adminOnly || isAdmin(request.caller, this.deps.adminRules);
      if (!resolved.leaf.formValues || !allowed) return undefined;
      const options = (resolved.leaf.options ?? []).filter((o) => o.name in request.args);
      const args = convertArgs(options, request.args, resolved.path);
      return resolved.leaf.formValues(args, this.context(request.caller, undefined));
    } catch (error) {
      if (!isUserError(error)) this.deps.logger.warn({ err: error, caller: describeCaller(request.caller) }, 'form values failed');
      return undefined;
    }
  }

  /**
   * Who last changed each field of a form for this command after `since` (see
   * LeafSpec.formAuthors); empty when the command does not say, or the target is missing.
   */
  formAuthors(request: CommandRequest, since: number): Record<string, FieldAuthor> {
    try {
      const resolved = this.registry.resolve(request.command, request.subcommand);
      if (!resolved.leaf.formAuthors || !this.mayRun(request.command, request.subcommand, request.caller)) return {};
      const options = (resolved.leaf.options ?? []).filter((o) => o.name in request.args);
      const args = convertArgs(options, request.args, resolved.path);
      return resolved.leaf.formAuthors(args, new Date(since), this.context(request.caller, undefined));
    } catch (error) {
      if (!isUserError(error)) this.deps.logger.warn({ err: error, caller: describeCaller(request.caller) }, 'form authors failed');
      return {};
    }
  }

  /** Instants as replies to this caller print them: on their channel's clock (its digests' zone, else SITREP_TZ). */
  instantsFor(caller: Caller): InstantWriter {
    return instantsIn(channelZone(this.deps.services, caller));
  }

  /** Choices for an autocomplete option, best match first, never more than 25. */
  autocomplete(request: AutocompleteRequest): Choice[] {
    try {
      const resolved = this.registry.resolve(request.command, request.subcommand);
      const option = resolved.leaf.options?.find((o) => o.name === request.option);
      if (!option) return [];
      if (option.choices) return rankByMatch(option.choices, request.value, (c) => [c.label, c.value]).slice(0, MAX_AUTOCOMPLETE_CHOICES);
      switch (option.autocomplete) {
        case 'type':
          return rankByMatch(
            EVENT_TYPES.map((t) => ({ value: t.id, label: t.label })),
            request.value,
            (c) => [c.label, c.value],
          ).slice(0, MAX_AUTOCOMPLETE_CHOICES);
        case 'actor':
        case 'topic':
        case 'place':
          return suggestedValues(this.deps.services, option.autocomplete, request.value, MAX_AUTOCOMPLETE_CHOICES).map((value) => ({ value, label: value }));
        default:
          return [];
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, request: { ...request, caller: describeCaller(request.caller) } }, 'autocomplete failed');
      return [];
    }
  }

  private async execute(
    commandName: string,
    subcommandName: string | undefined,
    rawArgs: Readonly<Record<string, RawOptionValue>>,
    caller: Caller,
    requestId: string | undefined,
    formOpenedAt?: number,
  ): Promise<View> {
    const resolved = this.registry.resolve(commandName, subcommandName);
    if (resolved.leaf.adminOnly && !isAdmin(caller, this.deps.adminRules)) {
      this.deps.logger.warn({ caller: describeCaller(caller), command: resolved.path }, 'refused: not an admin');
      throw new UserError('forbidden', `/${resolved.path} is for Sitrep admins only.`, [askAdminText(caller)]);
    }
    const context = { ...this.context(caller, requestId), ...(formOpenedAt === undefined ? {} : { formOpenedAt: new Date(formOpenedAt) }) };
    const options = resolved.leaf.options ?? [];
    const zone = () => channelZone(this.deps.services, caller);
    const args = convertArgs(options, resolveDayWords(options, rawArgs, context.now(), zone), resolved.path, yearOnClock(context.now, zone));
    if (!resolved.leaf.adminOnly) return resolved.leaf.run(args, context);
    const key = { requestId: requestId && `${caller.platform}:${requestId}`, command: resolved.path, caller: describeCaller(caller) };
    return runOnce(this.deps.requestLog, key, () => resolved.leaf.run(args, context));
  }

  private context(caller: Caller, requestId: string | undefined): CommandContext {
    return {
      caller,
      isAdmin: isAdmin(caller, this.deps.adminRules),
      ...(requestId ? { requestId } : {}),
      services: this.deps.services,
      commands: this.registry.all,
      now: this.deps.now ?? (() => new Date()),
    };
  }

  private async guard(caller: Caller, label: string, resolved: () => Invocation | undefined, work: () => Promise<View>): Promise<Outcome> {
    const outcome = (view: View, refusedOption?: string, refusals?: Refusal[]): Outcome => {
      const invocation = resolved();
      return {
        view,
        ...(invocation ? { invocation } : {}),
        readOnly: invocation !== undefined && this.isReadOnly(invocation),
        ...(refusedOption ? { refusedOption } : {}),
        ...(refusals ? { refusals } : {}),
      };
    };
    try {
      return outcome(await work());
    } catch (error) {
      if (isUserError(error)) {
        const view = (refused: UserError) => userErrorView(refused, this.registry.all);
        const refusals = (error.gathered ?? [error]).map((part) => ({ ...(part.option ? { option: part.option } : {}), view: view(part) }));
        return outcome(view(error), error.option, refusals);
      }
      if (isStoreBusy(error)) {
        this.deps.logger.warn({ caller: describeCaller(caller), command: label }, 'store busy; command refused, nothing written');
        return outcome(storeBusyView());
      }
      const diskFault = storeDiskFault(error);
      if (diskFault) {
        this.deps.logger.error({ err: error, caller: describeCaller(caller), command: label }, "the store's disk is full or failing; command refused, nothing written");
        return outcome(storeDiskView(diskFault));
      }
      const errorId = randomBytes(4).toString('hex');
      this.deps.logger.error({ err: error, errorId, caller: describeCaller(caller), command: label }, 'command failed');
      return outcome(internalErrorView(errorId));
    }
  }
}
