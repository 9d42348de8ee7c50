// Who is asking, as each adapter reports it, and the admin allowlist that decides rights. A
// platform is a name an adapter gives (`discord`, `slack`, `console`, or any new one): the core
// knows none of them, so adding a platform needs no change here.

/** A platform's name: lowercase letters, digits and dashes, starting with a letter. */
export type PlatformName = string;

const PLATFORM_NAME = /^[a-z][a-z0-9-]*$/;
/** Admin rules for roles end their platform's name with this, so no platform's name may. */
const ROLE_SUFFIX = '-role';

export function isPlatformName(text: string): boolean {
  return PLATFORM_NAME.test(text) && !text.endsWith(ROLE_SUFFIX);
}

/** The name as given, once checked; adapters' names enter the core through this. */
export function platformName(text: string): PlatformName {
  if (!isPlatformName(text)) {
    throw new Error(`"${text}" is not a platform name: use lowercase letters, digits and dashes, starting with a letter (and not ending in ${ROLE_SUFFIX})`);
  }
  return text;
}

export interface Caller {
  platform: PlatformName;
  userId: string;
  /** The caller's roles where the platform has them (a Discord member's in the guild), when known. */
  roleIds?: readonly string[];
  /** The platform's workspace: Discord guild id, Slack team id. */
  workspaceId?: string;
  channelId?: string;
  displayName?: string;
  /**
   * What the adapter needs to answer this caller as its platform does, opaque to the core (a Slack
   * workspace's spelling of commands). A digest subscription keeps it and hands it to the poster.
   */
  context?: string;
  /**
   * Set only by an adapter whose user already owns the store file (the console, run by whoever
   * runs Sitrep): such a caller is an admin without a rule. Platform adapters never set it.
   */
  localOperator?: boolean;
}

/** `PLATFORM:USERID` or `PLATFORM-role:ROLEID`: `discord:123`, `discord-role:456`, `slack:U01`. */
export interface AdminRule {
  platform: PlatformName;
  /** A user id, or a role id the platform reports in Caller.roleIds. */
  kind: 'user' | 'role';
  id: string;
}

/** Ids as platforms write them: `123`, `U01ABC`, `@ana:example.org`; no spaces, quotes or `<>`. */
const ID = /^[A-Za-z0-9@._:+=/-]+$/;

function parseRule(item: string): AdminRule | undefined {
  const colon = item.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = item.slice(0, colon);
  const id = item.slice(colon + 1);
  if (!ID.test(id)) return undefined;
  const role = prefix.endsWith(ROLE_SUFFIX);
  const platform = role ? prefix.slice(0, -ROLE_SUFFIX.length) : prefix;
  return isPlatformName(platform) ? { platform, kind: role ? 'role' : 'user', id } : undefined;
}

/** Parses SITREP_ADMINS; throws with the offending item so config can name it. */
export function parseAdminRules(text: string): AdminRule[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => {
      const rule = parseRule(item);
      if (!rule) {
        throw new Error(
          `"${item}" is not an admin rule; use PLATFORM:USERID or PLATFORM-role:ROLEID, e.g. discord:USERID, discord-role:ROLEID or slack:USERID`,
        );
      }
      return rule;
    });
}

/** The local operator owns the store; everyone else needs a rule for their platform. */
export function isAdmin(caller: Caller, rules: readonly AdminRule[]): boolean {
  if (caller.localOperator === true) return true;
  return rules.some(
    (rule) =>
      rule.platform === caller.platform && (rule.kind === 'role' ? (caller.roleIds ?? []).includes(rule.id) : rule.id === caller.userId),
  );
}

export function describeCaller(caller: Caller): string {
  return `${caller.platform}:${caller.userId}`;
}

/** How a change is attributed in revisions: `discord:1234 (alice)`. */
export function changeAuthor(caller: Caller): string {
  return caller.displayName ? `${describeCaller(caller)} (${caller.displayName})` : describeCaller(caller);
}
