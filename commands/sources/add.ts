// /sources add — watch a feed: its items become candidates for the review queue. Every option
// is checked before anything is stored; the first check happens in the background.
import type { CommandArgs, SubcommandSpec } from '../../src/core/command-spec.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { keywordRule } from '../../src/core/sources/keyword-hits.js';
import { misplacedWildcards, parseKeywords, withCommas } from '../../src/core/sources/keywords.js';
import { MIN_PREFIX_LENGTH } from '../../src/core/search-terms.js';
import { DEFAULT_EVERY_MINUTES, formatEvery, MAX_EVERY_MINUTES, MIN_EVERY_MINUTES, parseEveryMinutes } from '../../src/core/sources/poll-timing.js';
import { everyWordMinutes } from '../../src/core/every-words.js';
import type { NewSource } from '../../src/core/sources/watch-store-port.js';
import { sourceName } from '../../src/core/sources/watched-source.js';
import { plainLine, span, type Line } from '../../src/core/view.js';
import { convertOption } from '../../src/core/option-values.js';
import { reliabilityText, unjudgedGrade } from '../../src/core/source-grade.js';
import { parseTopic } from '../entry/fields.js';
import { stampOf } from '../stamp.js';
import { everyOption, keywordsOption, OUTLET_LENGTH, outletOption, reliabilityOption, sourceTopicOption } from './options.js';
import { hasVisibleText } from '../../src/core/visible-text.js';
import { clip } from '../../src/core/text-cut.js';
import { feedTopicNote, knownTopics } from './topic-note.js';
import { instantsFor } from '../when.js';
import { separatorsNote } from './separators-note.js';
import { capitalsNote } from './capitals-note.js';
import { webUrl } from '../../src/core/web-address.js';
import { shownAddress } from '../../src/core/address-keys.js';
import { keyNote } from './key-note.js';

export const MAX_URL_LENGTH = 500;

/** The address a feed is watched at: http(s), no user name or password, no fragment. */
export function feedUrl(text: string): string {
  const url = webUrl(text.trim());
  if (!url || !url.hostname) {
    throw new UserError('invalid-option', `Option \`url\` must be the feed's full address, starting with https:// or http:// — got \`${shownAddress(text).slice(0, 80)}\`.`, ['For example: url:https://www.example.org/world/rss.xml'], 'url');
  }
  if (url.username || url.password) {
    throw new UserError('invalid-option', 'Option `url` holds a user name or password: Sitrep reads public feeds only, and would show it to everyone in /sources list.', [], 'url');
  }
  // A fragment names a place in a page, is never sent to the server, and would let one feed be watched twice.
  url.hash = '';
  return url.toString();
}

/** The forms `every:` reads, from the shortest interval allowed to the longest. */
const EVERY_FORMS = `Write minutes (every:45 or every:45m), hours (every:2h), both (every:1h30m) or a day (every:1d or every:daily), from ${MIN_EVERY_MINUTES} minutes to 24 hours.`;

export function everyMinutes(text: string | undefined): number {
  if (text === undefined) return DEFAULT_EVERY_MINUTES;
  const minutes = parseEveryMinutes(text) ?? everyWordMinutes(text);
  if (minutes === undefined) {
    throw new UserError('invalid-option', `Option \`every\` must be a duration like 30m, 1h or 1h30m — got \`${text}\`.`, [EVERY_FORMS], 'every');
  }
  if (minutes < MIN_EVERY_MINUTES) {
    throw new UserError('invalid-option', `Option \`every\` must be at least ${MIN_EVERY_MINUTES} minutes, so Sitrep asks the feed's server politely — got \`${text}\`.`, [`For example: every:${MIN_EVERY_MINUTES}m (the default is ${DEFAULT_EVERY_MINUTES}m).`], 'every');
  }
  if (minutes > MAX_EVERY_MINUTES) {
    throw new UserError('invalid-option', `Option \`every\` may be at most 24 hours — got \`${text}\`.`, ['For example: every:24h (or every:1d), checked once a day.'], 'every');
  }
  return minutes;
}

export function keywordsArg(text: string | undefined): string {
  if (text === undefined) return '';
  const misplaced = misplacedWildcards(text);
  if (misplaced.length > 0) {
    throw new UserError('invalid-option', `Option \`keywords\`: \`*\` is allowed only at the end of a word, the last of its term, for any ending — got ${misplaced.map((term) => `\`${term}\``).join(', ')}.`, ['For example: keywords:\'negotiat*, ceasefire\' (negotiat* matches negotiate, negotiations…)'], 'keywords');
  }
  const keywords = parseKeywords(text);
  // As /search asks: fewer letters before `*` match almost every item (`ne*`: new, news, near…).
  const short = keywords.filter((keyword) => keyword.phrase.prefix && [...(keyword.phrase.words.split(' ').at(-1) ?? '')].length < MIN_PREFIX_LENGTH);
  if (short.length > 0) {
    throw new UserError('invalid-option', `Option \`keywords\`: give at least ${MIN_PREFIX_LENGTH} letters before \`*\` — got ${short.map((k) => `\`${k.text}*\``).join(', ')}.`, ['Fewer match almost any word (ne* matches new, news, near…): type the word, or more of it.'], 'keywords');
  }
  if (keywords.length === 0) {
    throw new UserError('invalid-option', 'Option `keywords` holds no word to match: give terms separated by commas, a phrase in quotes.', ['For example: keywords:\'ceasefire, Sweida, "al-Sharaa"\''], 'keywords');
  }
  return withCommas(text);
}

/** Typed as the outlet, names none: the feed's own title is cited. */
export const NO_OUTLET = 'none';

/**
 * The outlet typed, on one line; undefined for `none`. Checked here too, not only as the chat
 * option is: a feed list gives it without the option's checks.
 */
export function outletArg(text: string): string | undefined {
  const outlet = text.replace(/\s+/g, ' ').trim();
  if (outlet.toLowerCase() === NO_OUTLET) return undefined;
  if (!hasVisibleText(outlet) || [...outlet].length > OUTLET_LENGTH) {
    throw new UserError('invalid-option', `Option \`outlet\` must be the outlet's name, ${OUTLET_LENGTH} characters at most — got \`${clip(outlet, 41)}\`.`, ['For example: outlet:Reuters'], 'outlet');
  }
  return outlet;
}

export function newSourceFrom(args: CommandArgs): NewSource {
  const source: NewSource = { url: '', topic: '', keywords: '', everyMinutes: DEFAULT_EVERY_MINUTES, backfill: args.backfill === true };
  checkAll([
    () => (source.url = feedUrl(String(args.url))),
    () => (source.topic = parseTopic(String(args.topic))),
    () => (source.keywords = keywordsArg(args.keywords === undefined ? undefined : String(args.keywords))),
    () => (source.everyMinutes = everyMinutes(args.every === undefined ? undefined : String(args.every))),
    () => {
      const outlet = args.outlet === undefined ? undefined : outletArg(String(args.outlet));
      if (outlet !== undefined) source.outlet = outlet;
    },
    // Checked as the command's choice option checks it: a feed list writes it too (`b`).
    () => args.reliability !== undefined && (source.reliability = convertOption(reliabilityOption, String(args.reliability), 'sources add') as string),
  ]);
  return source;
}

export const addSource: SubcommandSpec = {
  name: 'add',
  description: 'Watch a feed: its new items become candidates for review (admins)',
  adminOnly: true,
  options: [
    { name: 'url', description: 'The feed’s address (RSS, Atom or JSON Feed), starting with https:// or http://', type: 'text', required: true, maxLength: MAX_URL_LENGTH, example: 'https://news.example/syria/rss.xml' },
    { ...sourceTopicOption, required: true },
    keywordsOption,
    everyOption,
    reliabilityOption,
    outletOption,
    { name: 'backfill', description: 'The first check proposes the last 7 days’ items (default: none)', type: 'boolean', example: 'true' },
  ],
  examples: ['url:https://news.example/syria/rss.xml topic:syria-israel keywords:\'ceasefire, Sweida, "al-Sharaa"\' every:30m', 'url:https://news.example/latest/rss.xml topic:syria-israel outlet:Reuters reliability:B'],
  run(args, ctx) {
    const input = newSourceFrom(args);
    const topicsBefore = knownTopics(ctx);
    const source = ctx.services.sources.add(input, stampOf(ctx), instantsFor(ctx));
    const first = source.backfill
      ? 'Its first check, within a minute, proposes the items of the last 7 days; after that, every new item.'
      : 'Its first check, within a minute, records what the feed holds and proposes none of it; after that, every new item.';
    const where: Line =
      ctx.services.review.channels().length > 0
        ? plainLine('Candidates are posted in the review channel.')
        : [span.plain('Candidates wait in '), span.command('review list'), span.plain('; run '), span.command('review channel'), span.plain(' in a channel to have them posted there.')];
    return {
      title: `Watching #${source.id} ${sourceName(source)}`,
      tone: 'success',
      intro: [
        plainLine(`Sitrep checks ${shownAddress(source.url)} every ${formatEvery(source.everyMinutes)} for the topic ${source.topic}, ${keywordRule(source.keywords)}.`),
        ...keyNote(source.url),
        ...separatorsNote(args.keywords === undefined ? undefined : String(args.keywords)),
        ...capitalsNote(args.keywords === undefined ? undefined : String(args.keywords)),
        ...feedTopicNote(topicsBefore, source.topic, source.id),
        ...(source.outlet ? [plainLine(`Its candidates, and the entries approved from them, cite the outlet ${source.outlet}, whatever the feed's own title.`)] : []),
        ...(source.reliability ? [plainLine(`Its outlet is graded ${reliabilityText(source.reliability)}: entries approved from it cite it as ${unjudgedGrade(source.reliability)}, the report not judged yet.`)] : []),
        plainLine(first),
        where,
      ],
      sections: [],
      footer: [span.plain('Check it now: '), span.command('sources check', `id:${source.id}`), span.plain(' · what its checks found: '), span.command('sources why', `id:${source.id}`)],
    };
  },
};
