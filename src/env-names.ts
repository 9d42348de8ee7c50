// Variables set for Sitrep under a name it does not read (`SITREP_ADMIN`, `SITREP_TIMEZONE`) would
// be ignored without a word, leaving the setting at its default: startup names each, with the
// variable it most likely meant. DISCORD_ and SLACK_ names may belong to other programs sharing
// the environment, so only those close to one Sitrep reads are named.
import { closestNames } from './core/ranking.js';

/** Prefixes of the variables Sitrep reads; a name with one of them is a variable meant for a program of that family. */
const FAMILIES = ['SITREP_', 'DISCORD_', 'SLACK_'] as const;
/** Read by the benchmarks (bench/), which start the bot with it set. */
const READ_ELSEWHERE = ['SITREP_BENCH_DIR'];
/** Words people write for a setting whose name Sitrep shortens. */
const LONGHANDS: Readonly<Record<string, string>> = {
  TIMEZONE: 'TZ', TIME_ZONE: 'TZ', ZONE: 'TZ', DATABASE: 'DB', DB_PATH: 'DB', DATABASE_PATH: 'DB',
  // The Discord developer portal calls it the Application ID; OAuth2 calls it the Client ID.
  APPLICATION_ID: 'APP_ID', CLIENT_ID: 'APP_ID',
};
/**
 * Slack's tokens say what they are by their start: a name alone (`SLACK_API_TOKEN`) may be
 * closest to the wrong one of Sitrep's two, the value cannot.
 */
const SLACK_TOKEN_PREFIXES: Readonly<Record<string, string>> = { 'xoxb-': 'SLACK_BOT_TOKEN', 'xapp-': 'SLACK_APP_TOKEN' };
/** Edits per character of a DISCORD_ or SLACK_ name still read as a typo of Sitrep's: stricter than for SITREP_ names. */
const PLATFORM_TYPO_DISTANCE = 0.3;

export interface UnknownVariable {
  name: string;
  /** The variable Sitrep reads that it most likely stands for. */
  meant?: string;
}

const familyOf = (name: string) => FAMILIES.find((family) => name.toUpperCase().startsWith(family));

/** The name without its family's prefix, in capitals: `SITREP_TIMEZONE` → `TIMEZONE`. */
const restOf = (name: string) => name.toUpperCase().slice(familyOf(name)?.length ?? 0);

/** Whether the words of `part` come in a row in `whole`: `ALLOW_PRIVATE` in `SOURCES_ALLOW_PRIVATE`, not `PORT` in `REPORT`. */
const hasWordRun = (whole: string, part: string) => `_${whole}_`.includes(`_${part}_`);

/** The Slack token variable a token-like name (`SLACK_API_TOKEN`) is meant as, by how its value starts. */
function tokenByValue(name: string, value: string | undefined, known: readonly string[]): string | undefined {
  if (value === undefined || !hasWordRun(restOf(name), 'TOKEN')) return undefined;
  const prefix = Object.keys(SLACK_TOKEN_PREFIXES).find((start) => value.trim().startsWith(start));
  const meant = prefix === undefined ? undefined : SLACK_TOKEN_PREFIXES[prefix];
  return meant !== undefined && known.includes(meant) ? meant : undefined;
}

/** The known name `name` most likely stands for: by its value when that tells, else by what follows its family's prefix. */
function meantVariable(name: string, value: string | undefined, known: readonly string[]): string | undefined {
  const byValue = tokenByValue(name, value, known);
  if (byValue) return byValue;
  const family = familyOf(name);
  // A known name outside every family (LOG_LEVEL) may be written with one (SITREP_LOG_LEVEL).
  const candidates = known.filter((k) => familyOf(k) === family || familyOf(k) === undefined);
  const rest = restOf(name);
  const byRest = (wanted: string) => candidates.find((k) => restOf(k) === wanted);
  const exact = byRest(rest) ?? byRest(LONGHANDS[rest] ?? '');
  if (exact) return exact;
  const containing = candidates.find((k) => hasWordRun(restOf(k), rest) || hasWordRun(rest, restOf(k)));
  if (containing) return containing;
  const [close] = closestNames(candidates.map(restOf), rest, 1, family === 'SITREP_' ? undefined : PLATFORM_TYPO_DISTANCE);
  return close === undefined ? undefined : byRest(close);
}

/** The variables in `env` of Sitrep's families that it does not read, each with the one it likely meant. */
export function unknownVariables(env: NodeJS.ProcessEnv, known: readonly string[]): UnknownVariable[] {
  return Object.keys(env)
    .filter((name) => familyOf(name) !== undefined && !known.includes(name) && !READ_ELSEWHERE.includes(name))
    .flatMap((name) => {
      const meant = meantVariable(name, env[name], known);
      if (familyOf(name) !== 'SITREP_' && meant === undefined) return [];
      return [{ name, ...(meant ? { meant } : {}) }];
    });
}

/** What startup says of one: ignored, and what to set instead. */
export function unknownVariableText({ name, meant }: UnknownVariable, known: readonly string[]): string {
  const instead = meant ? `did you mean ${meant}?` : `Sitrep reads ${known.filter((k) => familyOf(k) === 'SITREP_').join(', ')}`;
  return `${name} is set, but Sitrep reads no variable of that name, so it is ignored: ${instead}`;
}
