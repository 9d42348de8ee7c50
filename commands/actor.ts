// /actor NAME — who an actor is, what they did and claimed lately, and whom they appear with.
import { actorCandidates, AMBIGUOUS_ACTOR_QUESTION, bestActorMatches, notFoundError } from '../src/core/actor-resolution.js';
import { isolated } from '../src/core/bidi-isolate.js';
import type { CommandSpec } from '../src/core/command-spec.js';
import type { ActorSummary } from '../src/core/domain.js';
import { claimLine, entrySection } from '../src/core/entry-views.js';
import { invocationSpan } from '../src/core/command-refs.js';
import type { DossierReader } from '../src/core/ports.js';
import { humanize } from '../src/core/vocabulary.js';
import { plainLine, span, type Fact, type Section, type View } from '../src/core/view.js';

const LATEST_ENTRIES = 5;
const CO_ACTORS = 5;
const LATEST_CLAIMS = 5;

/** What the actor claimed, denied, confirmed or disputed, latest first; nothing when it made no claim. */
function claimsSection(dossier: DossierReader, actorId: number): Section[] {
  const claims = dossier.claimsBy(actorId, LATEST_CLAIMS);
  if (claims.total === 0) return [];
  return [
    {
      heading: [span.bold(`Claims on entries (${claims.total} in all)`)],
      lines: claims.items.map((claim) => claimLine([span.bold(`#${claim.entryId}`), span.plain(` ${isolated(claim.entryTitle)}:`)], claim)),
    },
  ];
}

function describe(actor: ActorSummary): string {
  return actor.title ? `${isolated(actor.name)} — ${isolated(actor.title)}` : actor.name;
}

function ambiguousView(typed: string, matches: ActorSummary[]): View {
  return {
    title: `Several actors match “${typed}”`,
    tone: 'normal',
    intro: [plainLine(AMBIGUOUS_ACTOR_QUESTION)],
    sections: [{ lines: actorCandidates(matches).map(plainLine) }],
  };
}

export const actorCommand: CommandSpec = {
  name: 'actor',
  description: 'Look up an actor by name or alias: profile, latest entries, claims, frequent counterparts',
  readOnly: true,
  options: [
    { name: 'name', description: 'Name or alias, e.g. Dermer or al-Sharaa', type: 'actor', required: true, maxLength: 100, autocomplete: 'actor', example: 'Barrack' },
  ],
  examples: ['Barrack', 'name:"Ron Dermer"', 'sharaa'],
  run: (args, ctx) => actorLookupView(ctx.services.dossier, String(args.name)),
};

/** The /actor answer for a typed name: a profile, a choice between several, or not found. */
export function actorLookupView(dossier: DossierReader, typed: string): View {
  const matches = bestActorMatches(dossier, typed);
  if (matches.length === 0) throw notFoundError(dossier, typed, 'name');
  if (matches.length > 1) return ambiguousView(typed, matches);
  const profile = dossier.getActorProfile(matches[0]!.id)!;
  const facts: Fact[] = [{ label: 'Kind', value: plainLine(humanize(profile.kind)) }];
  if (profile.title) facts.push({ label: 'Title', value: plainLine(profile.title) });
  if (profile.affiliation) facts.push({ label: 'Affiliation', value: plainLine(describe(profile.affiliation)) });
  if (profile.aliases.length > 0) facts.push({ label: 'Also known as', value: plainLine(profile.aliases.map(isolated).join(', ')) });
  if (profile.members.length > 0) {
    facts.push({ label: 'Includes', value: plainLine(profile.members.map((m) => isolated(m.name)).join(', ')) });
  }
  const latest = dossier.timeline({ actorId: profile.id, limit: LATEST_ENTRIES, offset: 0 });
  const alongside = dossier.coActors(profile.id, CO_ACTORS);
  const allEntries = invocationSpan({ command: 'timeline', args: { actor: profile.name } });
  return {
    title: profile.name,
    tone: 'normal',
    facts,
    sections: [
      {
        heading: [span.bold(`Latest entries (${latest.total}${latest.totalIsLowerBound ? '+' : ''} in all)`)],
        lines: latest.items.length === 0 ? [plainLine('No entries involve this actor yet.')] : [],
      },
      ...latest.items.map((entry) => entrySection(entry)),
      ...claimsSection(dossier, profile.id),
      {
        heading: [span.bold('Most often alongside')],
        lines:
          alongside.length === 0
            ? [plainLine('Nobody yet.')]
            : alongside.map((a) => [span.plain(`${isolated(a.name)} — ${a.sharedEntries} shared ${a.sharedEntries === 1 ? 'entry' : 'entries'}`)]),
      },
    ],
    footer: [span.plain('All entries: '), allEntries],
  };
}
