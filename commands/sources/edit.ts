// /sources edit — change a watched feed's address, topic, keywords, interval, reliability or
// outlet in place: it keeps its number, its checks and what it has seen, where removing and
// adding it again would start anew.
import type { CommandArgs, SubcommandSpec } from '../../src/core/command-spec.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { reliabilityText, unjudgedGrade } from '../../src/core/source-grade.js';
import { keywordList, keywordRule } from '../../src/core/sources/keyword-hits.js';
import { formatEvery } from '../../src/core/sources/poll-timing.js';
import type { SourceChanges } from '../../src/core/sources/watch-store-port.js';
import { sourceName, type WatchedSource } from '../../src/core/sources/watched-source.js';
import { plainLine, span, type Line } from '../../src/core/view.js';
import { parseTopic } from '../entry/fields.js';
import { stampOf } from '../stamp.js';
import { instantsFor, type InstantWriter } from '../when.js';
import { everyMinutes, feedUrl, keywordsArg, MAX_URL_LENGTH, NO_OUTLET, outletArg } from './add.js';
import { everyOption, keywordsOption, outletOption, reliabilityOption, sourceIdOption, sourceTopicOption } from './options.js';
import { feedTopicNote, knownTopics } from './topic-note.js';
import { separatorsNote } from './separators-note.js';
import { capitalsNote } from './capitals-note.js';
import { keyNote } from './key-note.js';
import { shownAddress } from '../../src/core/address-keys.js';

/** Typed as the keywords, takes every item again. */
const NO_KEYWORDS = 'none';
/** The reliability choice that takes the grade away. */
const NOT_GRADED = 'none';

function changesFrom(args: CommandArgs): SourceChanges {
  const changes: SourceChanges = {};
  const { url, topic, keywords, every, reliability, outlet } = args;
  if (reliability !== undefined) changes.reliability = String(reliability) === NOT_GRADED ? null : String(reliability);
  checkAll([
    () => url !== undefined && (changes.url = feedUrl(String(url))),
    () => topic !== undefined && (changes.topic = parseTopic(String(topic))),
    () => keywords !== undefined && (changes.keywords = String(keywords).trim().toLowerCase() === NO_KEYWORDS ? '' : keywordsArg(String(keywords))),
    () => every !== undefined && (changes.everyMinutes = everyMinutes(String(every))),
    () => outlet !== undefined && (changes.outlet = outletArg(String(outlet)) ?? null),
  ]);
  if (Object.keys(changes).length === 0) {
    throw new UserError('invalid-option', 'Say what to change: url:, topic:, keywords:, every:, reliability: or outlet:.', [`For example: /sources edit id:${String(args.id)} keywords:'ceasefire, -opinion' (keywords:${NO_KEYWORDS} takes every item again).`]);
  }
  return changes;
}

/** The keywords as they were read (`ceasefire,, ` is `ceasefire`), or none. */
const keywordsText = (keywords: string) => keywordList(keywords) || 'none';

/** The outlet a source's items cite, as the line of a change says it. */
const outletText = (source: WatchedSource) => source.outlet ?? (source.feedTitle ? `the feed's title (${source.feedTitle})` : "the feed's title");

/** The time of the reply, and how it writes instants (on the channel's clock). */
interface ReplyClock {
  now: Date;
  when: InstantWriter;
}

/** `Address: old → new.`, shown without keys: a new key alone is said so, the two addresses looking alike. */
function addressChange(before: string, after: string): string {
  const [was, is] = [shownAddress(before), shownAddress(after)];
  return was === is ? `Address: ${is}, with a new key.` : `Address: ${was} → ${is}.`;
}

/**
 * The new address's line: when it is read (the next check, without the old address's
 * validators), and that the items seen before stay seen.
 */
function movedLine(before: WatchedSource, after: WatchedSource, { now, when: at }: ReplyClock): Line {
  const moved = addressChange(before.url, after.url);
  const forgotten = before.failures > 0 ? ` Its failures at the old address are forgotten: the count starts again from 0.` : '';
  const kept = `, without the old address's ETag and Last-Modified; the items seen there stay seen, so none of them is proposed again.${forgotten}`;
  if (after.pausedAt) return [span.plain(`${moved} It is paused: its next check, once `), span.command('sources resume', `id:${after.id}`), span.plain(`, reads the new address${kept}`)];
  const when = after.nextCheckAt.getTime() <= now.getTime() + 60_000 ? 'within a minute' : `at ${at(after.nextCheckAt)}, when its server asked Sitrep to wait until (Retry-After)`;
  return plainLine(`${moved} Its next check, ${when}, reads the new address${kept}`);
}

/**
 * A line for each setting that changed, old → new (a new topic's note after its line, and after
 * the keywords', how they were read from `typedKeywords`).
 */
function changeLines(before: WatchedSource, after: WatchedSource, topicsBefore: readonly string[], clock: ReplyClock, typedKeywords: string | undefined): Line[] {
  const lines: Line[] = [];
  if (after.url !== before.url) lines.push(movedLine(before, after, clock), ...keyNote(after.url));
  if (after.topic !== before.topic) {
    lines.push(plainLine(`Topic: ${before.topic} → ${after.topic}. Its next candidates go to ${after.topic}; those waiting keep their topic.`));
    lines.push(...feedTopicNote(topicsBefore, after.topic, after.id));
  }
  if (keywordsText(after.keywords) !== keywordsText(before.keywords)) {
    lines.push(plainLine(`Keywords: ${keywordsText(before.keywords)} → ${keywordsText(after.keywords)}, ${keywordRule(after.keywords)}. Items seen before keep what became of them; the new keywords decide about the items of the next checks.`));
    lines.push(...separatorsNote(typedKeywords));
    lines.push(...capitalsNote(typedKeywords));
  }
  if (after.reliability !== before.reliability) {
    const cited = after.reliability ? `entries approved from its items cite it as ${unjudgedGrade(after.reliability)}` : 'entries approved from its items cite it ungraded';
    lines.push(plainLine(`Reliability: ${reliabilityText(before.reliability)} → ${reliabilityText(after.reliability)}; from now on ${cited}, those waiting in the queue included.`));
  }
  if (after.outlet !== before.outlet) {
    const cited = after.outlet ?? after.feedTitle ?? "the feed's title";
    lines.push(plainLine(`Outlet: ${outletText(before)} → ${outletText(after)}; from now on its candidates, those waiting in the queue included, and the entries approved from them cite ${cited} (entries approved before keep what they cite).`));
  }
  if (after.everyMinutes !== before.everyMinutes) {
    const every = `Checked every ${formatEvery(before.everyMinutes)} → every ${formatEvery(after.everyMinutes)}`;
    // A paused feed is not checked at all: the interval counts once it is resumed.
    lines.push(
      after.pausedAt
        ? [span.plain(`${every}. It is paused, so it is not checked until `), span.command('sources resume', `id:${after.id}`), span.plain(`, then every ${formatEvery(after.everyMinutes)}.`)]
        : plainLine(`${every}; next check at ${clock.when(after.nextCheckAt)}.`),
    );
  }
  return lines;
}

export const editSource: SubcommandSpec = {
  name: 'edit',
  description: 'Change a feed’s address, topic, keywords, interval, reliability or outlet in place (admins)',
  adminOnly: true,
  options: [
    sourceIdOption,
    { name: 'url', description: 'The feed’s new address, where it moved: it keeps its number and the items it has seen', type: 'text', maxLength: MAX_URL_LENGTH, example: 'https://news.example/world/rss.xml' },
    sourceTopicOption,
    { ...keywordsOption, description: `New keywords, as for /sources add (replacing the old); ${NO_KEYWORDS} to keep every item` },
    everyOption,
    { ...reliabilityOption, choices: [...reliabilityOption.choices!, { value: NOT_GRADED, label: 'none — not graded' }] },
    { ...outletOption, description: `The outlet its items cite (e.g. Reuters); ${NO_OUTLET}: the feed’s own title again` },
  ],
  examples: ["id:1 keywords:'ceasefire, Sweida, -opinion'", 'id:1 every:1h', 'id:1 outlet:Reuters', 'id:1 url:https://news.example/world/rss.xml'],
  run(args, ctx) {
    const changes = changesFrom(args);
    const topicsBefore = changes.topic === undefined ? [] : knownTopics(ctx, args.id as number);
    const when = instantsFor(ctx);
    const { before, after } = ctx.services.sources.edit(args.id as number, changes, stampOf(ctx), when);
    const lines = changeLines(before, after, topicsBefore, { now: ctx.now(), when }, args.keywords === undefined ? undefined : String(args.keywords));
    const why = [span.plain('What its checks found: '), span.command('sources why', `id:${after.id}`)];
    if (lines.length === 0) {
      return { title: `#${after.id} ${sourceName(after)} unchanged`, tone: 'normal', intro: [plainLine('It has these settings already.')], sections: [], footer: why };
    }
    return { title: `Changed #${after.id} ${sourceName(after)}`, tone: 'success', intro: lines, sections: [], footer: why };
  },
};
