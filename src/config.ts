// The only reader of process.env: parsed and validated once, with errors that name the variable.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { parseAdminRules, type AdminRule } from './core/caller.js';
import { closestTimeZones } from './core/digest/zoned-time.js';
import { closestNames } from './core/ranking.js';
import { unknownVariables, unknownVariableText } from './env-names.js';

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
  /** SITREP_FEED_READERS: feeds read at once, each in a worker thread. */
  feedReaders: number;
  /** SITREP_IDLE_THREADS: the bot's other threads under Linux's SCHED_IDLE policy (see idle-threads.ts). */
  idleThreads: boolean;
  discord?: DiscordConfig;
  slack?: SlackConfig;
  /** What startup warns of: each variable set under a name Sitrep does not read, ignored, with the one it likely meant. */
  ignoredVariables: string[];
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
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

function refuseHomePaths(e: Readonly<Record<keyof typeof PATH_VARIABLES, string | undefined>>): void {
  for (const [variable, example] of Object.entries(PATH_VARIABLES)) {
    const path = e[variable as keyof typeof PATH_VARIABLES];
    if (path?.startsWith('~')) throw new ConfigError(variable, homeNotExpanded(path, example));
  }
}

export function loadConfig(env?: NodeJS.ProcessEnv): Config {
  if (!env) {
    loadDotEnvFile();
    env = process.env;
  }
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const e = parsed.data;
  let admins: AdminRule[];
  try {
    admins = parseAdminRules(e.SITREP_ADMINS);
  } catch (error) {
    throw new ConfigError('SITREP_ADMINS', (error as Error).message);
  }
  for (const rule of admins) {
    const problem = ruleProblem(rule);
    if (problem) throw new ConfigError('SITREP_ADMINS', problem);
  }
  refuseHomePaths(e);
  if (!isTimeZone(e.SITREP_TZ)) {
    // As /digest subscribe suggests: the zones of the city typed (`Beirut` → Asia/Beirut), else the nearest names.
    const close = closestTimeZones(e.SITREP_TZ, (names, typed) => closestNames(names, typed));
    const meant = close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : '';
    throw new ConfigError('SITREP_TZ', `"${e.SITREP_TZ}" is not an IANA time zone such as Europe/Paris${meant}`);
  }
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
  if (e.DISCORD_TOKEN) {
    if (!e.DISCORD_APP_ID) throw new ConfigError('DISCORD_APP_ID', 'set it to your application id when DISCORD_TOKEN is set');
    config.discord = {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID,
      ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    };
  }
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_SIGNING_SECRET', 'set it (from your Slack app’s Basic Information) or set SLACK_APP_TOKEN for Socket Mode');
    }
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
