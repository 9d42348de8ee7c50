// /sources — the feeds Sitrep watches for the review queue: add, list, edit, pause, resume, remove,
// check now, and why (what each check found).
import { typedTopic } from '../../src/core/typed-topic.js';
import type { CommandSpec, SubcommandSpec } from '../../src/core/command-spec.js';
import { checkReplyView } from '../../src/core/sources/check-views.js';
import { formatEvery } from '../../src/core/sources/poll-timing.js';
import { sourceName } from '../../src/core/sources/watched-source.js';
import { sourcesListView, whyView } from '../../src/core/sources/watch-views.js';
import { plainLine, span } from '../../src/core/view.js';
import { pageOption, resolveTopic, topicOption } from '../shared-options.js';
import { stampOf } from '../stamp.js';
import { instantsFor } from '../when.js';
import { addSource } from './add.js';
import { editSource } from './edit.js';
import { sourceIdOption } from './options.js';

/** Checks /sources why shows. */
const WHY_CHECKS = 5;

const listSources: SubcommandSpec = {
  name: 'list',
  description: 'The watched feeds: state, last check, last new item, failures',
  readOnly: true,
  options: [topicOption, pageOption],
  examples: ['', 'topic:syria-israel page:2'],
  run(args, ctx) {
    const sources = ctx.services.sources.list();
    const topic = args.topic ? typedTopic(String(args.topic)) : undefined;
    // A topic no feed has: a misspelling is refused with the topics, as /timeline refuses it; a topic of the dossier's has no feed yet.
    if (topic !== undefined && !sources.some((source) => source.topic === topic)) resolveTopic(ctx.services.dossier, topic, sources.map((source) => source.topic));
    return sourcesListView(sources, instantsFor(ctx), { ...(topic ? { topic } : {}), page: (args.page as number | undefined) ?? 1, waiting: ctx.services.sources.waitingCandidates() });
  },
};

const pauseSource: SubcommandSpec = {
  name: 'pause',
  description: 'Stop checking a feed for now (admins)',
  adminOnly: true,
  options: [sourceIdOption],
  examples: ['id:1'],
  run(args, ctx) {
    const source = ctx.services.sources.pause(args.id as number, stampOf(ctx), instantsFor(ctx));
    const until = [span.plain('It is not checked until '), span.command('sources resume', `id:${source.id}`), span.plain('.')];
    return { title: `Paused #${source.id} ${sourceName(source)}`, tone: 'success', intro: [until], sections: [] };
  },
};

const resumeSource: SubcommandSpec = {
  name: 'resume',
  description: 'Check a paused feed again (admins)',
  adminOnly: true,
  options: [sourceIdOption],
  examples: ['id:1'],
  run(args, ctx) {
    const at = instantsFor(ctx);
    const source = ctx.services.sources.resume(args.id as number, stampOf(ctx), at);
    // Resumed while its server's Retry-After is still to come: it is checked once that is over.
    const when = source.nextCheckAt.getTime() > ctx.now().getTime() + 60_000
      ? `It is checked at ${at(source.nextCheckAt)}, when the feed asked Sitrep to wait until (Retry-After), then every ${formatEvery(source.everyMinutes)}`
      : `It is checked within a minute, then every ${formatEvery(source.everyMinutes)}`;
    return {
      title: `Resumed #${source.id} ${sourceName(source)}`,
      tone: 'success',
      intro: [plainLine(`${when}; its failure count starts again from 0.`)],
      sections: [],
    };
  },
};

const removeSource: SubcommandSpec = {
  name: 'remove',
  description: 'Stop watching a feed; its candidates stay in the queue (admins)',
  adminOnly: true,
  options: [sourceIdOption],
  examples: ['id:1'],
  run(args, ctx) {
    const source = ctx.services.sources.remove(args.id as number, stampOf(ctx), instantsFor(ctx));
    return {
      title: `Stopped watching #${source.id} ${sourceName(source)}`,
      tone: 'success',
      intro: [plainLine('Its candidates stay in the review queue, and the items it found stay known: added again, it proposes none of them twice.')],
      sections: [],
    };
  },
};

const checkSource: SubcommandSpec = {
  name: 'check',
  description: 'Check a feed now and say what was found (admins)',
  adminOnly: true,
  options: [sourceIdOption],
  examples: ['id:1'],
  async run(args, ctx) {
    const when = instantsFor(ctx);
    const report = await ctx.services.sources.check(args.id as number, 'manual', when);
    return checkReplyView(report.source, report.record, when, (id) => ctx.services.review.candidate(id)?.uncited);
  },
};

const whySource: SubcommandSpec = {
  name: 'why',
  description: 'A feed’s last checks: what each found new, filtered out (and why), or the error',
  readOnly: true,
  options: [sourceIdOption, { ...pageOption, description: 'Which page of the checks’ items (default 1)' }],
  run(args, ctx) {
    const when = instantsFor(ctx);
    const { source, checks } = ctx.services.sources.checks(args.id as number, WHY_CHECKS, when);
    return whyView(source, checks, when, (args.page as number | undefined) ?? 1);
  },
};

export const sourcesCommand: CommandSpec = {
  name: 'sources',
  description: 'Feeds watched for the review queue: add, list, edit, check, pause, resume, remove',
  subcommands: [addSource, listSources, editSource, checkSource, whySource, pauseSource, resumeSource, removeSource],
};
