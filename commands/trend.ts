// /trend — which way each topic is going, as admins call it: /trend show (every topic's latest
// call, or one topic's with its history), /trend set (admins), /trend suggest (the figures).
import type { CommandArgs, CommandContext, CommandSpec, SubcommandSpec } from '../src/core/command-spec.js';
import { pageInfo, pageRequest } from '../src/core/entry-views.js';
import { UserError } from '../src/core/errors.js';
import { formatInvocation } from '../src/core/text-syntax.js';
import { callLine } from '../src/core/trends.js';
import { plainLine, span, type View } from '../src/core/view.js';
import { pageOption, topicOption } from './shared-options.js';
import { setTrend } from './trend-set.js';
import { suggestTrend } from './trend-suggest.js';
import { trendTopic } from './trend-topic.js';

const HISTORY_PAGE = 10;

/** A page after the only one is refused, as /timeline refuses a page past its end. */
function refusePageBeyond(args: CommandArgs, pages: string, lastArgs: Record<string, string> | undefined): void {
  const page = args.page as number | undefined;
  if (page === undefined || page <= 1) return;
  const lastPage = lastArgs ? [`Last page: ${formatInvocation({ command: 'trend', subcommand: 'show', args: lastArgs })}`] : [];
  throw new UserError('invalid-option', `Option \`page\` is past the end — got \`${page}\`.`, [pages, ...lastPage], 'page');
}

function everyTopicView(args: CommandArgs, ctx: CommandContext): View {
  // Every topic's latest call fits one page.
  refusePageBeyond(args, 'There is 1 page of latest calls.', {});
  const latest = [...ctx.services.trends.latestByTopic().values()];
  const topics = ctx.services.dossier.topics();
  const without = topics.filter((t) => !latest.some((call) => call.topic === t));
  return {
    title: 'Trend calls',
    tone: 'normal',
    intro: [plainLine(latest.length === 0 ? 'No topic has a trend call yet.' : `The latest call of each topic (${latest.length} of ${topics.length}).`)],
    sections: latest.length === 0 ? [] : [{ heading: [span.bold('Latest calls')], lines: latest.map((call) => callLine(call, true)) }],
    footer: [
      ...(without.length > 0 ? [span.plain(`No call yet: ${without.join(', ')}. `)] : []),
      span.plain('History: '),
      span.command('trend show', 'topic:TOPIC'),
      span.plain(' · figures: '),
      span.command('trend suggest', 'topic:TOPIC'),
    ],
  };
}

function topicView(topic: string, args: CommandArgs, ctx: CommandContext): View {
  const request = pageRequest(args, HISTORY_PAGE);
  const history = ctx.services.trends.history(topic, request.limit, request.offset);
  if (history.total === 0) {
    refusePageBeyond(args, `There are no calls for ${topic}.`, undefined);
    return {
      title: `Trend — ${topic}`,
      tone: 'normal',
      intro: [plainLine(`No trend call for ${topic} yet.`)],
      sections: [],
      footer: [span.plain('The figures that help make one: '), span.command('trend suggest', `topic:${topic}`)],
    };
  }
  const { pager, intro } = pageInfo({ command: 'trend', subcommand: 'show' }, { ...args, topic }, request, history, ['call', 'calls']);
  const latest = ctx.services.trends.latestByTopic().get(topic)!;
  return {
    title: `Trend — ${topic}`,
    tone: 'normal',
    intro: [[span.plain('Latest: '), ...callLine(latest, false)]],
    sections: [{ heading: [span.bold('Calls, newest first')], lines: [intro, ...history.items.map((call) => callLine(call, false))] }],
    footer: [span.plain('Figures for the next call: '), span.command('trend suggest', `topic:${topic}`)],
    pager,
  };
}

const showTrend: SubcommandSpec = {
  name: 'show',
  description: "Every topic's latest trend call, or one topic's with who made it and its history",
  readOnly: true,
  options: [{ ...topicOption, description: 'Only this topic, with its earlier calls' }, pageOption],
  examples: ['', 'topic:syria-israel'],
  run: (args, ctx) => (args.topic === undefined ? everyTopicView(args, ctx) : topicView(trendTopic(ctx, String(args.topic)), args, ctx)),
};

export const trendCommand: CommandSpec = {
  name: 'trend',
  description: 'Which way each topic is going: trend calls, their history and the figures',
  subcommands: [showTrend, setTrend, suggestTrend],
  typedDefault: 'show',
};
