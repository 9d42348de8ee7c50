// What a slash command's `text` needs before the core's parser sees it: Slack's markup and HTML
// entities undone, so the text is what the user typed (as a modal would hand it over), and the
// adapter's own `--public` flag taken out; a channel Slack referenced, where an option names a
// channel, read as its id.
import { CHANNEL_OPTIONS } from '../../core/command-spec.js';
import { quotedWords } from '../../core/quoted-words.js';

/** Slack sends &, < and > in a command's text as entities; the parser wants what was typed. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `<target>` or `<target|label>`: a bare `<` can only be Slack's, a typed one arrives as `&lt;`. */
const SLACK_MARKUP = /<([^<>|]*)(?:\|([^<>]*))?>/g;
const SPECIAL_MENTIONS = new Set(['here', 'channel', 'everyone']);

/** What the user typed where Slack put one of its `<…>` references. */
function typedForm(target: string, label: string | undefined): string {
  const shown = label?.trim() ? label : undefined;
  if (target.startsWith('@')) return shown ? `@${shown.replace(/^@/, '')}` : target; // <@U123|ana>
  if (target.startsWith('#')) return shown ? `#${shown.replace(/^#/, '')}` : target; // <#C123|general>
  if (target.startsWith('!')) {
    const name = target.slice(1);
    if (SPECIAL_MENTIONS.has(name)) return `@${name}`; // <!here>
    return shown ?? name; // <!subteam^S123|@desk>, <!date^…|fallback>
  }
  return shown ?? target; // <https://example.org/a>, <mailto:a@b.org|a@b.org>
}

/**
 * Slack wraps links (and, with escaping on, mentions and channels) in `<…>`; a URL typed into a
 * slash command would otherwise be stored with its brackets and fail `source_url`. Entities
 * inside (`&amp;` in a query string) are left for decodeSlackEntities, which must run after.
 */
export function unwrapSlackMarkup(text: string): string {
  return text.replace(SLACK_MARKUP, (_all, target: string, label: string | undefined) => typedForm(target, label));
}

/** The command text as the user typed it. */
export function typedCommandText(text: string): string {
  return decodeSlackEntities(unwrapSlackMarkup(text));
}

/**
 * The channels Slack referenced in a command's text (`<#C0123|newsroom>`, `<#C0123>`, as its
 * autocomplete writes a `#channel`), by what the typed text reads for them (`#newsroom`).
 */
export function channelReferences(text: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [, target, label] of text.matchAll(SLACK_MARKUP)) {
    if (target!.startsWith('#') && target!.length > 1) ids.set(decodeSlackEntities(typedForm(target!, label)), target!.slice(1));
  }
  return ids;
}

/**
 * An option naming a channel, given as one of Slack's references (read as `#newsroom`, whether
 * after `channel:` or as the bare words it takes), is that channel's id: the id is what the core
 * knows channels by, and a name is only Slack's label for it. Elsewhere (a title) the reference
 * stays the words typed.
 */
export function withChannelIds<T extends Readonly<Record<string, unknown>>>(args: T, references: ReadonlyMap<string, string>): T {
  let out = args;
  for (const name of CHANNEL_OPTIONS) {
    const value = args[name];
    const id = typeof value === 'string' ? references.get(value.trim()) : undefined;
    if (id !== undefined) out = { ...out, [name]: id };
  }
  return out;
}

/** `--public`, also as phones and macOS turn `--` into a dash: `—public`, `–public`. */
const PUBLIC_FLAG = /^(?:--|—|–)public$/i;

export interface CommandText {
  /** The text with the flag removed, for the core's parser. */
  text: string;
  /** The user asked for the answer to be shown in the channel. */
  public: boolean;
}

/**
 * Removes every whitespace-separated `--public` outside quotes, so `/search "--public"` still
 * searches for it.
 */
export function extractPublicFlag(input: string): CommandText {
  const words = quotedWords(input);
  const kept = words.filter((word) => !PUBLIC_FLAG.test(word));
  // Whitespace inside quotes is kept by the word; between words one space is enough.
  return { text: kept.join(' '), public: kept.length < words.length };
}
