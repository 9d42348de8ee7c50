// Buttons and forms for one platform, decided once in the core: what each button carries, who
// may press it, how long what it remembers lasts, what a press or a submission runs and what the
// presser is told. An adapter only draws buttons and forms and hands presses and submissions here.
import type { Caller } from '../caller.js';
import type { ResolvedLeaf } from '../command-spec.js';
import type { Dispatcher, Outcome } from '../dispatcher.js';
import type { Logger } from '../logger.js';
import { fetchPage } from '../page-fetch.js';
import type { Action, Button, Invocation, View } from '../view.js';
import { invocationSpan } from '../command-refs.js';
import { buttonFormCarrier, encodeInline, memoryCarrier, parseCarrier, partsCarrier, type Carried, type ParsedCarrier } from './carrier.js';
import { answeredWhere, isOffered, NOT_ON_MESSAGE_TEXT, type PressedOn } from './pressed-on.js';
import { buildScreen, openFormState, submission, type FormOpening, type FormOrigin, type SubmitResult } from './form-flow.js';
import type { FormRoom, FormScreen, FormState } from './forms.js';
import { ExpiringMemory } from './memory.js';
import { navigationButtons, type Destination, type Screen } from './navigation.js';
import {
  adminsOnlyNotice, BROKEN_BUTTON_TEXT, EXPIRED_TEXT, FORM_NOT_YOURS_TEXT, FORM_REOPEN_EXPIRED_TEXT, FORM_SUBMITTED_TEXT, interactionNotice, NOT_YOURS_TEXT, NOTHING_THERE_TEXT, PARTS_EXPIRED_TEXT,
  partsLookUpLine, UNKNOWN_BUTTON_TEXT,
} from './texts.js';

export type { FormOpening, SubmitResult } from './form-flow.js';
export type { PressedOn } from './pressed-on.js';

/** What a platform's buttons and forms can carry. */
export interface InteractionRoom extends FormRoom {
  /** Characters a button carries back (Discord's custom_id 100, Slack's value 2,000). */
  buttonLength: number;
}

/** A button ready to draw: the platform puts `carrier` in its custom_id or value. */
export interface DrawnButton {
  label: string;
  style: NonNullable<Button['style']>;
  carrier: string;
  disabled?: boolean;
}

/** `context`: what the pressed button carried for the platform (see buttons). */
export type PressResult = (
  /** Tell the presser alone; the message stays as it is. */
  | { kind: 'notice'; view: View }
  /**
   * Show part `part` of `view` in place of the message; `source` can be run again for its other
   * parts, while `written` (see Screen) is not.
   */
  | { kind: 'show'; view: View; source?: Invocation; written?: Invocation; part: number | 'last' }
  | { kind: 'form'; form: FormScreen }
  /**
   * A command button's answer, as a new message; in place of the message pressed when its view
   * replacesMessage (kept only where answeredWhere lets it: a private answer, on a private message).
   */
  | { kind: 'reply'; view: View }
) & { context?: string };

type Remembered =
  | { kind: 'carried'; carried: Carried }
  | { kind: 'stored'; view: View; part: number; owner: string; context?: string; written?: Invocation }
  | { kind: 'form'; state: FormState };

export interface InteractionsDeps {
  dispatcher: Dispatcher;
  logger: Logger;
  room: InteractionRoom;
  now?: () => number;
  lifetimeMs?: number;
}

const INERT_CARRIER = 's1:none';

export class Interactions {
  private readonly memory: ExpiringMemory<Remembered>;
  /** Buttons made here whose carrier is already known (a form's reopen button). */
  private readonly preassigned = new WeakMap<Button, string>();

  constructor(private readonly deps: InteractionsDeps) {
    this.memory = new ExpiringMemory({ ...(deps.now ? { now: deps.now } : {}), ...(deps.lifetimeMs ? { ttlMs: deps.lifetimeMs } : {}) });
  }

  get room(): InteractionRoom {
    return this.deps.room;
  }

  clear(): void {
    this.memory.clear();
  }

  /**
   * The view's own buttons, then Previous/Next for the screen, each with its carrier. `context`
   * (at most 16 of a-z, 0-9, -) comes back with a press of any of them.
   */
  buttons(screen: Screen, owner: string, context = ''): DrawnButton[] {
    const extra = context ? { context } : {};
    const own = (screen.view.buttons ?? []).map((b) => {
      const known = this.preassigned.get(b);
      if (known) return { label: b.label, style: b.style ?? 'secondary', carrier: known };
      return this.drawn(b.label, b.style ?? 'secondary', { action: b.action, audience: b.audience, ...(b.audience === 'caller' ? { owner } : {}), ...extra }, b.disabled);
    });
    const navigation = navigationButtons(screen).map((b) =>
      b.destination ? this.drawn(b.label, b.style, this.destinationCarried(b.destination, owner, context, screen.written)) : { label: b.label, style: b.style, carrier: INERT_CARRIER, disabled: true },
    );
    return [...own, ...navigation];
  }

  /**
   * A press of a button whose carrier is `carrier`, on the message `on` (as the platform sent it
   * with the press; a platform that sends none leaves it out). A carrier Sitrep never draws is
   * refused as unreadable wherever it came from; any other counts only on a message that has it.
   */
  async press(carrier: string, presser: Caller, requestId?: string, on?: PressedOn): Promise<PressResult> {
    if (carrier === INERT_CARRIER) return { kind: 'notice', view: interactionNotice(NOTHING_THERE_TEXT) };
    const parsed = parseCarrier(carrier, this.deps.room.buttonLength);
    if (!parsed) return this.notice(UNKNOWN_BUTTON_TEXT, carrier, presser);
    if (parsed.kind === 'malformed' || (parsed.kind === 'inline' && !this.drawable(parsed.carried.action))) return this.notice(BROKEN_BUTTON_TEXT, carrier, presser);
    if (!isOffered(carrier, on)) return this.notice(NOT_ON_MESSAGE_TEXT, carrier, presser);
    return answeredWhere(await this.pressParsed(parsed, presser, requestId), on);
  }

  private async pressParsed(parsed: Exclude<ParsedCarrier, { kind: 'malformed' }>, presser: Caller, requestId?: string): Promise<PressResult> {
    if (parsed.kind === 'inline') return this.pressCarried(parsed.carried, presser, requestId);
    const remembered = this.memory.use(parsed.key);
    if (!remembered) return { kind: 'notice', view: this.expired(parsed) };
    if (remembered.kind === 'carried') return this.pressCarried(remembered.carried, presser, requestId);
    if (remembered.kind === 'stored') {
      if (remembered.owner !== presser.userId) return { kind: 'notice', view: interactionNotice(NOT_YOURS_TEXT) };
      const { view, part, context, written } = remembered;
      return { kind: 'show', view, part, ...(written ? { written } : {}), ...(context ? { context } : {}) };
    }
    return this.reopen(remembered.state, parsed.key, presser, requestId);
  }

  /**
   * What a button kept in memory says once forgotten, by what it held: never to repeat a command
   * that changes things (a part of its answer names a command showing the result instead), and
   * for a refused form, that what was typed is in the refusal.
   */
  private expired(parsed: Extract<ParsedCarrier, { kind: 'memory' }>): View {
    if (parsed.holds === 'form') return interactionNotice(FORM_REOPEN_EXPIRED_TEXT, 'Form expired');
    if (parsed.holds !== 'parts') return interactionNotice(EXPIRED_TEXT);
    const lookUp = parsed.lookUp && this.deps.dispatcher.isReadOnly(parsed.lookUp) ? invocationSpan(parsed.lookUp) : undefined;
    const notice = interactionNotice(PARTS_EXPIRED_TEXT);
    return { ...notice, intro: [...notice.intro!, partsLookUpLine(lookUp)] };
  }

  /**
   * A read-only command showing what `written` did: its form's preview given its keys (`/entry
   * edit id:12` → `/entry show id:12`), else its group's `show` given the options it shares with
   * it, when those include every one `show` requires (`/entry undo id:12` → `/entry show id:12`).
   */
  private lookUpOf(written: Invocation | undefined): Invocation | undefined {
    if (!written || this.deps.dispatcher.isReadOnly(written)) return undefined;
    const form = this.leafOf(written)?.leaf.form;
    const show = form?.preview ?? (written.subcommand ? { command: written.command, subcommand: 'show' } : undefined);
    const options = show && this.deps.dispatcher.isReadOnly(show) ? this.leafOf({ ...show, args: {} })?.leaf.options : undefined;
    if (!show || !options) return undefined;
    const takes = options.filter((o) => written.args[o.name] !== undefined && (!form?.preview || (form.keys ?? []).includes(o.name)));
    if (options.some((o) => o.required && !takes.includes(o))) return undefined;
    return { ...show, args: Object.fromEntries(takes.map((o) => [o.name, written.args[o.name]!])) };
  }

  /** "Edit and resubmit" under a refused submission: the same form again, as last submitted. */
  private async reopen(state: FormState, key: string, presser: Caller, requestId?: string): Promise<PressResult> {
    if (state.owner !== presser.userId) return { kind: 'notice', view: interactionNotice(FORM_NOT_YOURS_TEXT, 'Not your form') };
    if (state.submittedBy !== undefined) return { kind: 'notice', view: interactionNotice(FORM_SUBMITTED_TEXT, 'Already submitted') };
    // Rights withdrawn meanwhile: the ordinary refusal, from the dispatcher.
    if (!this.deps.dispatcher.mayRun(state.command, state.subcommand, presser)) return { kind: 'notice', view: (await this.dispatch(invocationOf(state), presser, requestId)).view };
    return { kind: 'form', form: this.formScreen(state, key) };
  }

  /** The form a typed command asks for, if any (undefined: run it as typed). */
  async formFor(invocation: Invocation, caller: Caller): Promise<FormOpening | undefined> {
    const leaf = this.leafOf(invocation);
    if (!leaf?.leaf.form || !this.deps.dispatcher.mayRun(invocation.command, invocation.subcommand, caller)) return undefined;
    const opening = await openFormState(this.formDeps(), leaf, invocation, caller, false);
    return opening && this.opened(opening);
  }

  /** A modal submission: the fields as typed, by option name. */
  async submit(carrier: string, typed: Readonly<Record<string, string>>, presser: Caller, requestId: string): Promise<SubmitResult> {
    const parsed = parseCarrier(carrier, this.deps.room.carrierLength);
    const remembered = parsed?.kind === 'memory' ? this.memory.use(parsed.key) : undefined;
    const state = remembered?.kind === 'form' ? remembered.state : undefined;
    const origin: FormOrigin = parsed?.kind === 'memory' && parsed.holds === 'buttonForm' ? { byButton: true, ...(parsed.opener ? { opener: parsed.opener } : {}) } : { byButton: false };
    const result = await submission(this.formDeps(), state, typed, presser, requestId, origin);
    // The reopen button leads back to this very form, so it is refused once the form is used.
    const reopen = result.kind === 'refused' ? result.view.buttons?.[0] : undefined;
    if (reopen && parsed?.kind === 'memory') this.preassigned.set(reopen, memoryCarrier(parsed.key, 'form'));
    return result;
  }

  private formDeps() {
    return { dispatcher: this.deps.dispatcher, room: this.deps.room, dispatch: (i: Invocation, c: Caller, r?: string, opened?: number) => this.dispatch(i, c, r, opened), now: this.deps.now ?? Date.now };
  }

  /** `button`: the command of the button that opened the form, named in its carrier for when memory has forgotten it. */
  private opened(opening: { kind: 'state'; state: FormState } | { kind: 'refused'; view: View }, button?: Invocation): FormOpening {
    if (opening.kind === 'refused') return opening;
    const key = this.memory.put({ kind: 'form', state: opening.state });
    return { kind: 'form', form: this.formScreen(opening.state, key, button) };
  }

  private formScreen(state: FormState, key: string, button?: Invocation) {
    const leaf = this.leafOf(invocationOf(state))!;
    return { ...buildScreen(leaf, state), carrier: button ? this.buttonFormCarrier(key, button) : memoryCarrier(key) };
  }

  /** A button's form's carrier, naming the button's command when it fits the platform's room. */
  private buttonFormCarrier(key: string, button: Invocation): string {
    const named = buttonFormCarrier(key, button);
    return named && named.length <= this.deps.room.carrierLength ? named : memoryCarrier(key, 'buttonForm');
  }

  /** A button's press, with what it carried as the presser's context: the command runs where it was drawn. */
  private async pressCarried(carried: Carried, presser: Caller, requestId?: string): Promise<PressResult> {
    if (!carried.context) return this.pressAction(carried, presser, requestId);
    return { ...(await this.pressAction(carried, { ...presser, context: carried.context }, requestId)), context: carried.context };
  }

  private async pressAction(carried: Carried, presser: Caller, requestId?: string): Promise<PressResult> {
    const { action, audience, owner } = carried;
    if (audience === 'caller' && owner !== presser.userId) return { kind: 'notice', view: interactionNotice(NOT_YOURS_TEXT) };
    if (audience === 'admins' && !this.deps.dispatcher.isAdmin(presser)) return { kind: 'notice', view: adminsOnlyNotice(presser) };
    if (!this.drawable(action)) return this.notice(BROKEN_BUTTON_TEXT, JSON.stringify(action.invocation), presser);
    if (action.kind === 'form') {
      if (!this.deps.dispatcher.mayRun(action.invocation.command, action.invocation.subcommand, presser)) {
        return { kind: 'notice', view: (await this.dispatch(action.invocation, presser, requestId)).view };
      }
      const opening = await openFormState(this.formDeps(), this.leafOf(action.invocation)!, action.invocation, presser, true);
      const form = opening && this.opened(opening, action.invocation);
      return !form ? this.notice(BROKEN_BUTTON_TEXT, JSON.stringify(action.invocation), presser) : form.kind === 'form' ? form : { kind: 'notice', view: form.view };
    }
    if (action.kind === 'tell') return { kind: 'reply', view: { ...(await this.dispatch(action.invocation, presser, requestId)).view, private: true } };
    if (this.deps.dispatcher.isReadOnly(action.invocation)) {
      const fetched = await fetchPage((i) => this.dispatch(i, presser, requestId), action.invocation);
      if (fetched.view.tone === 'error') return { kind: 'notice', view: fetched.view };
      return { kind: 'show', view: fetched.view, source: fetched.invocation, part: action.part ?? 0 };
    }
    return { kind: 'reply', view: (await this.dispatch(action.invocation, presser, requestId)).view };
  }

  /**
   * Whether Sitrep draws buttons for `action`: a form only for a command that has one, and a
   * command only when it is read-only or its spec lets a button run it. A carrier naming another
   * was not written by us.
   */
  private drawable(action: Action): boolean {
    if (action.kind === 'form') return this.leafOf(action.invocation)?.leaf.form !== undefined;
    if (this.deps.dispatcher.isReadOnly(action.invocation)) return true;
    return action.kind === 'run' && this.leafOf(action.invocation)?.leaf.pressable === true;
  }

  private destinationCarried(destination: Destination, owner: string, context: string, written: Invocation | undefined): Carried | Remembered {
    const extra = context ? { context } : {};
    if (destination.kind === 'stored') return { kind: 'stored', view: destination.view, part: destination.part, owner, ...extra, ...(written ? { written } : {}) };
    return { action: { kind: 'run', invocation: destination.invocation, part: destination.part }, audience: 'caller', owner, ...extra };
  }

  /**
   * A drawn button: its action written inline when it fits, otherwise kept in memory. A part of
   * an answer kept in memory says so in its carrier, with the command showing the result where
   * that fits, for when memory has forgotten it.
   */
  private drawn(label: string, style: DrawnButton['style'], what: Carried | Remembered, disabled?: boolean): DrawnButton {
    const inline = 'action' in what ? encodeInline(what, this.deps.room.buttonLength) : undefined;
    const remembered: Remembered = 'action' in what ? { kind: 'carried', carried: what } : what;
    const kept = () => {
      const key = this.memory.put(remembered);
      if (remembered.kind !== 'stored') return memoryCarrier(key);
      const lookUp = this.lookUpOf(remembered.written);
      const named = lookUp && partsCarrier(key, lookUp);
      return named && named.length <= this.deps.room.buttonLength ? named : memoryCarrier(key, 'parts');
    };
    const carrier = inline ?? kept();
    return { label, style, carrier, ...(disabled ? { disabled: true } : {}) };
  }

  private leafOf(invocation: Invocation): ResolvedLeaf | undefined {
    try {
      return this.deps.dispatcher.registry.resolve(invocation.command, invocation.subcommand);
    } catch {
      return undefined;
    }
  }

  /** `formOpenedAt`: the command comes from a form opened then (see CommandContext.formOpenedAt). */
  private dispatch(invocation: Invocation, caller: Caller, requestId?: string, formOpenedAt?: number): Promise<Outcome> {
    return this.deps.dispatcher.dispatch({ ...invocation, caller, ...(requestId ? { requestId } : {}), ...(formOpenedAt === undefined ? {} : { formOpenedAt }) });
  }

  private notice(text: string, carrier: string, presser: Caller): PressResult {
    this.deps.logger.warn({ carrier, caller: `${presser.platform}:${presser.userId}` }, 'a button Sitrep cannot use');
    return { kind: 'notice', view: interactionNotice(text) };
  }
}

const invocationOf = (state: FormState): Invocation => ({ command: state.command, ...(state.subcommand ? { subcommand: state.subcommand } : {}), args: { ...state.fixed } });
