// /entry show ID — one entry in full: actors and roles, places, sources with attribution.
import type { CommandSpec } from '../src/core/command-spec.js';
import { entryDateText } from '../src/core/entry-views.js';
import { UserError } from '../src/core/errors.js';
import { formatIsoPartial } from '../src/core/partial-date.js';
import { eventTypeLabel } from '../src/core/vocabulary.js';
import { plainLine, span, type Line } from '../src/core/view.js';

function sourceLine(source: { outlet: string; url?: string; attribution?: string; published?: string }): Line {
  const line: Line = [source.url ? span.link(source.outlet, source.url) : span.bold(source.outlet)];
  if (source.attribution) line.push(span.plain(` — ${source.attribution}`));
  if (source.published) line.push(span.plain(` (${formatIsoPartial(source.published)})`));
  return line;
}

export const entryCommand: CommandSpec = {
  name: 'entry',
  description: 'Show one entry in full',
  subcommands: [
    {
      name: 'show',
      description: 'One entry with its actors, places, sources and history count',
      options: [{ name: 'id', description: 'Entry number, as shown in /timeline', type: 'integer', required: true, min: 1, max: Number.MAX_SAFE_INTEGER, example: '3' }],
      examples: ['3', 'id:12'],
      run(args, ctx) {
        const id = args.id as number;
        const entry = ctx.services.dossier.getEntry(id);
        if (!entry) {
          throw new UserError('not-found', `There is no entry #${id}.`, ['Find entry numbers with /timeline or /search.']);
        }
        const editedAt = entry.updatedAt.slice(0, 16).replace('T', ' ');
        return {
          title: `#${entry.id} ${entry.title}`,
          tone: 'normal',
          facts: [
            { label: 'Date', value: plainLine(entryDateText(entry)) },
            { label: 'Type', value: plainLine(eventTypeLabel(entry.eventType)) },
            { label: 'Confidence', value: plainLine(entry.confidence) },
            { label: 'Topic', value: plainLine(entry.topic) },
            { label: 'Places', value: plainLine(entry.places.join(', ') || '—') },
            { label: 'Tags', value: plainLine(entry.tags.join(', ') || '—') },
          ],
          sections: [
            { heading: [span.bold('Summary')], lines: [plainLine(entry.summary || '—')] },
            {
              heading: [span.bold('Actors')],
              lines: entry.actors.length === 0 ? [plainLine('—')] : entry.actors.map((a) => [span.plain(`${a.name} — ${a.role}`)]),
            },
            {
              heading: [span.bold('Sources')],
              lines: entry.sources.length === 0 ? [plainLine('—')] : entry.sources.map(sourceLine),
            },
          ],
          footer: `${entry.revisionCount} ${entry.revisionCount === 1 ? 'revision' : 'revisions'} · last edited by ${entry.updatedBy} at ${editedAt} UTC`,
        };
      },
    },
  ],
};
