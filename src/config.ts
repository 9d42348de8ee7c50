// The only reader of process.env: parsed and validated once, with errors that name the variable.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { parseAdminRules, type AdminRule } from './core/caller.js';
import { closestTimeZones } from './core/digest/zoned-time.js';
import { closestNames } from './core/ranking.js';
import { unknownVariables, unknownVariableText } from './env-names.js';
import { offsetZoneAdvice } from './offset-zone-advice.js';

export interface DiscordConfig {
  token: string;
  appId: string;
  /** REST base, e.g. http://127.0.0.1:PORT/api for a local fake; undefined means Discord's own. */
  apiUrl?: string;
  guildId?: string;
}

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  /** Set for Socket Mode. */
  appToken?: string;
  port: number;
  /** Web API base ending in /api/; undefined means Slack's own. */
  apiUrl?: string;
}

export interface Config {
  dbPath: string;
  admins: AdminRule[];
  timezone: string;
  /** LOG_LEVEL; undefined when unset, so each program picks its own default (the console: warn). */
  logLevel?: (typeof LOG_LEVELS)[number];
  /** Where the interactive console keeps its command history; undefined: not kept. */
  consoleHistoryPath?: string;
  /** SITREP_SOURCES_ALLOW_PRIVATE: watched feeds may be read from private and local addresses. */
  sourcesAllowPrivate: boolean;
  /** SITREP_CHARTS_DIR: where the console writes pictures; `charts` beside the store by default. */
  chartsDir: string;
  /** SITREP_CHART_RENDERS: charts drawn at once, each in a worker thread. */
  chartRenders: number;
  /** SITREP_FEED_READERS: feeds read at once; with 1, those up to 512 KB on the checks' thread. */
  feedReaders: number;
  /** SITREP_IDLE_THREADS: the bot's other threads under Linux's SCHED_IDLE policy (see idle-threads.ts). */
  idleThreads: boolean;
  discord?: DiscordConfig;
  slack?: SlackConfig;
  /** What startup warns of: each variable set under a name Sitrep does not read, ignored, with the one it likely meant. */
  ignoredVariables: string[];
}

/** What one variable has wrong. */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** How each line of a configuration error starts. */
export const CONFIG_ERROR_PREFIX = 'Configuration error — ';

/**
 * Every problem of the configuration at once, so one restart mends them all. Its message is
 * written for `Configuration error — ${message}`: each problem after the first starts its own line
 * with that prefix, so every caller that prints it so shows one line a problem.
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(variableOrProblems: string | readonly ConfigProblem[], problem = '') {
    const problems = typeof variableOrProblems === 'string' ? [{ variable: variableOrProblems, problem }] : variableOrProblems;
    super(problems.map((each) => `${each.variable}: ${each.problem}`).join(`\n${CONFIG_ERROR_PREFIX}`));
    this.name = 'ConfigError';
    this.problems = problems;
  }

  /** The lines the operator reads, one a problem. */
  get text(): string {
    return `${CONFIG_ERROR_PREFIX}${this.message}`;
  }
}

const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));
/** An API base; the message gives the platform's own as the example of what is expected. */
const optionalUrl = (example: string) => optional.pipe(z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${example}` }).optional());
/** A count of worker threads, from `min` to `max`. */
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.string().regex(/^\d+$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message)).optional();
};

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const PORT = 'must be a port number from 1 to 65535';

const trueOrFalse = z.string().regex(/^(?:true|false)$/i, 'must be true or false').transform((s) => s.toLowerCase() === 'true').optional();

const envSchema = z.object({
  SITREP_DB: optional.transform((s) => s ?? 'data/sitrep.db'),
  SITREP_ADMINS: optional.transform((s) => s ?? ''),
  SITREP_TZ: optional.transform((s) => s ?? 'UTC'),
  SITREP_HISTORY: optional,
  SITREP_SOURCES_ALLOW_PRIVATE: optional.pipe(trueOrFalse),
  SITREP_CHARTS_DIR: optional,
  SITREP_CHART_RENDERS: optional.pipe(wholeNumber(1, 8)),
  SITREP_FEED_READERS: optional.pipe(wholeNumber(1, 4)),
  SITREP_IDLE_THREADS: optional.pipe(trueOrFalse),
  LOG_LEVEL: optional.transform((s) => s?.toLowerCase()).pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional()),
  DISCORD_TOKEN: optional,
  DISCORD_APP_ID: optional.pipe(z.string().regex(/^\d+$/, 'must be the numeric application id').optional()),
  DISCORD_API_URL: optionalUrl('https://discord.com/api'),
  DISCORD_GUILD_ID: optional.pipe(z.string().regex(/^\d+$/, 'must be a numeric guild id').optional()),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_PORT: optional.pipe(z.string().regex(/^\d+$/, PORT).transform(Number).pipe(z.number().int().min(1, PORT).max(65535, PORT)).optional()),
  SLACK_API_URL: optionalUrl('https://slack.com/api/'),
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Reads `.env` from the working directory when present; variables already set win. */
function loadDotEnvFile(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** `SITREP_HISTORY`: a file, `off`, or unset for `~/.sitrep_history` (as Node's REPL keeps its own). */
function consoleHistoryPath(value: string | undefined): string | undefined {
  if (value?.toLowerCase() === 'off') return undefined;
  return value ?? join(homedir(), '.sitrep_history');
}

/** The platforms this build has adapters for, and the console. */
const OWN_PLATFORMS = ['discord', 'slack', 'console'];

/**
 * Why an admin rule cannot be meant as written, if it cannot: a platform one typo away from one
 * Sitrep runs on (`slak:U123`), a Slack role (Slack gives none), a handle where a platform wants
 * the user's id (`slack:@alice`, `discord:alice`). Rules may name other platforms, for adapters
 * added later; such a rule names a platform far from these.
 */
function ruleProblem(rule: AdminRule): string | undefined {
  const written = `${rule.platform}${rule.kind === 'role' ? '-role' : ''}:${rule.id}`;
  if (!OWN_PLATFORMS.includes(rule.platform)) {
    const [close] = closestNames(OWN_PLATFORMS, rule.platform, 1, 0.4);
    return close ? `"${written}" names the platform ${rule.platform}: did you mean ${close}? Sitrep runs on discord and slack (and the console)` : undefined;
  }
  if (rule.kind === 'role' && rule.platform !== 'discord') return `"${written}": only Discord has roles Sitrep reads; name each ${rule.platform} admin as ${rule.platform}:USERID`;
  if (rule.platform === 'slack' && !/^[UW][A-Z0-9]+$/.test(rule.id)) {
    return `"${written}" is not a Slack user id: use the member ID from the user's profile (⋮ → Copy member ID), such as slack:U012AB3CD`;
  }
  if (rule.platform === 'discord' && !/^\d+$/.test(rule.id)) {
    const [what, copy] = rule.kind === 'role' ? ['role', 'Role'] : ['user', 'User'];
    return `"${written}" is not a Discord ${what} id: ids are digits (Developer Mode, then right-click → Copy ${copy} ID), such as ${rule.platform}${rule.kind === 'role' ? '-role' : ''}:112233445566778899`;
  }
  return undefined;
}

/** The variables Sitrep reads: any other of their families that is set is named at startup (env-names.ts). */
const KNOWN_VARIABLES = Object.keys(envSchema.shape);

function ignoredVariables(env: NodeJS.ProcessEnv): string[] {
  return unknownVariables(env, KNOWN_VARIABLES).map((unknown) => unknownVariableText(unknown, KNOWN_VARIABLES));
}

/**
 * Why a path starting with `~` is refused: only a shell expands it, not .env or systemd, so the
 * store, history or pictures would go in a directory named `~` under the working directory.
 * `example` is a file name for the full path offered when the rest of the path gives none.
 */
function homeNotExpanded(path: string, example: string): string {
  const full = path.startsWith('~/') ? join(homedir(), path.slice(2)) : `/home/USER/${example}`;
  return `"${path}": ~ is not expanded in .env or systemd; write the full path (${full})`;
}

/** The variables that name a file or directory, with an example name for each one's refusal of `~`. */
const PATH_VARIABLES = { SITREP_DB: 'sitrep.db', SITREP_HISTORY: '.sitrep_history', SITREP_CHARTS_DIR: 'sitrep-charts' } as const;

function homePathProblems(e: Readonly<Record<keyof typeof PATH_VARIABLES, string | undefined>>): ConfigProblem[] {
  return Object.entries(PATH_VARIABLES).flatMap(([variable, example]) => {
    const path = e[variable as keyof typeof PATH_VARIABLES];
    return path?.startsWith('~') ? [{ variable, problem: homeNotExpanded(path, example) }] : [];
  });
}

/**
 * The variables' values as the schema reads them, with a problem for each variable it refuses
 * (its first issue); a refused variable reads as unset, so the other checks still run.
 */
function parseVariables(env: NodeJS.ProcessEnv): { e: z.output<typeof envSchema>; problems: ConfigProblem[] } {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return { e: parsed.data, problems: [] };
  const problems: ConfigProblem[] = [];
  for (const issue of parsed.error.issues) {
    const variable = String(issue.path[0]);
    if (!problems.some((known) => known.variable === variable)) problems.push({ variable, problem: issue.message });
  }
  const refused = new Set(problems.map((known) => known.variable));
  const rest = Object.fromEntries(Object.entries(env).filter(([name]) => !refused.has(name)));
  return { e: envSchema.parse(rest), problems };
}

/** SITREP_ADMINS as rules, with a problem for each rule that cannot be meant as written. */
function adminRules(written: string): { admins: AdminRule[]; problems: ConfigProblem[] } {
  let admins: AdminRule[];
  try {
    admins = parseAdminRules(written);
  } catch (error) {
    return { admins: [], problems: [{ variable: 'SITREP_ADMINS', problem: (error as Error).message }] };
  }
  const problems = admins.flatMap((rule) => {
    const problem = ruleProblem(rule);
    return problem ? [{ variable: 'SITREP_ADMINS', problem }] : [];
  });
  return { admins, problems };
}

/** Why SITREP_TZ is no zone, with what to set instead; undefined for a zone. */
function timeZoneProblem(typed: string): string | undefined {
  if (isTimeZone(typed)) return undefined;
  const refused = `"${typed}" is not an IANA time zone such as Europe/Paris`;
  // An offset (`+02:00`, `UTC+3`): the fixed zone that says the same, or the city's.
  const offset = offsetZoneAdvice(typed, new Date());
  if (offset) return `${refused}: ${offset}`;
  // As /digest subscribe suggests: the zones of the city typed (`Beirut` → Asia/Beirut), else the nearest names.
  const close = closestTimeZones(typed, (names, t) => closestNames(names, t));
  return `${refused}${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}`;
}

/** A platform's variables set in part: what is missing, for each platform. */
function platformProblems(e: z.output<typeof envSchema>, refused: ReadonlySet<string>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  // A variable refused for its value is already named: it is not said missing too.
  if (e.DISCORD_TOKEN && !e.DISCORD_APP_ID && !refused.has('DISCORD_APP_ID')) {
    problems.push({ variable: 'DISCORD_APP_ID', problem: 'set it to your application id when DISCORD_TOKEN is set' });
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET && !refused.has('SLACK_APP_TOKEN')) {
    problems.push({ variable: 'SLACK_SIGNING_SECRET', problem: 'set it (from your Slack app’s Basic Information) or set SLACK_APP_TOKEN for Socket Mode' });
  }
  return problems;
}

export function loadConfig(env?: NodeJS.ProcessEnv): Config {
  if (!env) {
    loadDotEnvFile();
    env = process.env;
  }
  // Every problem is said at once, in the order of the variables' checks.
  const { e, problems: valueProblems } = parseVariables(env);
  const { admins, problems: adminProblems } = adminRules(e.SITREP_ADMINS);
  const zoneProblem = timeZoneProblem(e.SITREP_TZ);
  const problems = [
    ...valueProblems,
    ...adminProblems,
    ...homePathProblems(e),
    ...(zoneProblem ? [{ variable: 'SITREP_TZ', problem: zoneProblem }] : []),
    ...platformProblems(e, new Set(valueProblems.map((known) => known.variable))),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  const config: Config = {
    dbPath: e.SITREP_DB,
    admins,
    timezone: e.SITREP_TZ,
    sourcesAllowPrivate: e.SITREP_SOURCES_ALLOW_PRIVATE ?? false,
    chartsDir: e.SITREP_CHARTS_DIR ?? join(dirname(e.SITREP_DB), 'charts'),
    chartRenders: e.SITREP_CHART_RENDERS ?? 1,
    feedReaders: e.SITREP_FEED_READERS ?? 1,
    idleThreads: e.SITREP_IDLE_THREADS ?? true,
    ignoredVariables: ignoredVariables(env),
  };
  if (e.LOG_LEVEL) config.logLevel = e.LOG_LEVEL;
  const history = consoleHistoryPath(e.SITREP_HISTORY);
  if (history) config.consoleHistoryPath = history;
  if (e.DISCORD_TOKEN && e.DISCORD_APP_ID) {
    config.discord = {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID,
      ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    };
  }
  if (e.SLACK_BOT_TOKEN) {
    config.slack = {
      botToken: e.SLACK_BOT_TOKEN,
      port: e.SLACK_PORT ?? 3000,
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    };
  }
  return config;
}
