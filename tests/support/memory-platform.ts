// A whole platform in memory, for tests: what a new platform's folder holds, and nothing more.
// It draws a view as text split into parts of a few sections, buttons as labels with their
// carriers, and forms as their fields; everything else is the core's (dispatcher, buttons, forms).
import type { Caller } from '../../src/core/caller.js';
import type { Dispatcher } from '../../src/core/dispatcher.js';
import type { FormScreen } from '../../src/core/interaction/forms.js';
import { Interactions, type DrawnButton, type InteractionRoom, type PressResult } from '../../src/core/interaction/interactions.js';
import { partGoneNote } from '../../src/core/interaction/texts.js';
import type { Logger } from '../../src/core/logger.js';
import { renderText } from '../../src/core/render-text.js';
import { typedInvocation } from '../../src/core/typed-invocation.js';
import type { Invocation, View } from '../../src/core/view.js';

/** Sections one message shows: a long answer becomes several parts, as on a chat platform. */
const SECTIONS_PER_PART = 4;

export interface Message {
  text: string;
  buttons: DrawnButton[];
  /** Only the person it answers sees it. */
  private: boolean;
  form?: FormScreen;
  /** The modal stays open with this error under `field` (a refused submission). */
  fieldError?: { field?: string; text: string };
  /** A refused submission's message under each field it concerns, by field name. */
  fieldErrors?: Record<string, string>;
  /** What a refused submission says about no field of the form, shown above the fields. */
  generalError?: string;
}

function parts(view: View): View[] {
  const count = Math.max(1, Math.ceil(view.sections.length / SECTIONS_PER_PART));
  return Array.from({ length: count }, (_, i) => ({ ...view, sections: view.sections.slice(i * SECTIONS_PER_PART, (i + 1) * SECTIONS_PER_PART) }));
}

export class MemoryPlatform {
  readonly interactions: Interactions;
  /** The message each user sees last, as a chat client would show it. */
  readonly screens = new Map<string, Message>();

  /** `room`: what this platform's buttons and forms hold, over its own (8 fields in a form, kept open when refused). */
  constructor(
    private readonly dispatcher: Dispatcher,
    logger: Logger,
    now?: () => number,
    room: Partial<InteractionRoom> = {},
  ) {
    const drawn = { buttonLength: 80, carrierLength: 80, maxFields: 8, closesOnSubmit: false, ...room };
    this.interactions = new Interactions({ dispatcher, logger, room: drawn, ...(now ? { now } : {}) });
  }

  caller(userId: string): Caller {
    return { platform: 'memory', userId, workspaceId: 'w1', channelId: 'c1' };
  }

  /** A typed command: its form when it asks for one, else its answer. */
  async command(text: string, userId: string): Promise<Message> {
    const caller = this.caller(userId);
    const invocation = typedInvocation(this.dispatcher.registry, text);
    const opening = invocation && (await this.interactions.formFor(invocation, caller));
    if (opening?.kind === 'form') return this.show(userId, { text: opening.form.title, buttons: [], private: true, form: opening.form });
    if (opening?.kind === 'refused') return this.show(userId, this.message(opening.view, userId, 0));
    const requestId = `t${Math.random()}`;
    // Parsed once: text that does not resolve goes to the dispatcher for its refusal.
    const outcome = invocation ? await this.dispatcher.dispatch({ ...invocation, caller, requestId }) : await this.dispatcher.dispatchText(text, caller, requestId);
    const source = outcome.readOnly && outcome.view.tone !== 'error' ? outcome.invocation : undefined;
    return this.show(userId, this.message(outcome.view, userId, 0, source));
  }

  /** Presses the button labelled `label` (or `label` with where it leads after it: `Next page (2 of 3)`) on `message`, as `userId`. */
  async press(message: Message, label: string, userId: string): Promise<Message> {
    const button = message.buttons.find((b) => b.label === label || b.label.startsWith(`${label} (`));
    if (!button) throw new Error(`no button ${label}: ${message.buttons.map((b) => b.label).join(', ')}`);
    return this.show(userId, await this.answer(await this.interactions.press(button.carrier, this.caller(userId), `p${Math.random()}`), userId));
  }

  async submit(form: FormScreen, values: Record<string, string>, userId: string, requestId = `s${Math.random()}`): Promise<Message> {
    const result = await this.interactions.submit(form.carrier, values, this.caller(userId), requestId);
    if (result.kind === 'refused') {
      const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, view]) => [field, renderText(view)]));
      const general = result.general ? { generalError: renderText(result.general) } : {};
      const fieldError = { ...(result.field ? { field: result.field } : {}), text: renderText(result.view) };
      // A platform whose forms close when refused shows the refusal's button to open it again.
      const buttons = this.interactions.buttons({ view: result.view, part: 0, partCount: 1 }, userId);
      return this.show(userId, { text: renderText(result.view), buttons, private: true, form, fieldError, fieldErrors, ...general });
    }
    return this.show(userId, this.message(result.view, userId, 0));
  }

  private async answer(result: PressResult, userId: string): Promise<Message> {
    switch (result.kind) {
      case 'notice':
        return { ...this.message(result.view, userId, 0), private: true };
      case 'form':
        return { text: result.form.title, buttons: [], private: true, form: result.form };
      case 'reply':
        return this.message(result.view, userId, 0);
      default:
        return this.message(result.view, userId, result.part, result.source);
    }
  }

  private message(view: View, owner: string, part: number | 'last', source?: Invocation): Message {
    const all = parts(view);
    const asked = part === 'last' ? all.length - 1 : part;
    const shown = Math.min(asked, all.length - 1);
    const note = asked > shown ? `\n${partGoneNote(asked + 1, shown + 1)}` : '';
    const screen = { view, part: shown, partCount: all.length, ...(source ? { source } : {}) };
    return { text: `${renderText(all[shown]!)}${note}`, buttons: this.interactions.buttons(screen, owner), private: view.private === true };
  }

  private show(userId: string, message: Message): Message {
    this.screens.set(userId, message);
    return message;
  }
}
