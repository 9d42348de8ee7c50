// Who is asking, as each adapter reports it, and the admin allowlist that decides rights.

export type Platform = 'console' | 'discord' | 'slack';

export interface Caller {
  platform: Platform;
  userId: string;
  /** Discord role ids of the member in the guild, when known. */
  roleIds?: readonly string[];
  /** Discord guild id or Slack team id. */
  workspaceId?: string;
  channelId?: string;
  displayName?: string;
}

/** `discord:USERID`, `discord-role:ROLEID` or `slack:USERID`. */
export interface AdminRule {
  kind: 'discord' | 'discord-role' | 'slack';
  id: string;
}

const RULE_PATTERN = /^(discord|discord-role|slack):([A-Za-z0-9]+)$/;

/** Parses SITREP_ADMINS; throws with the offending item so config can name it. */
export function parseAdminRules(text: string): AdminRule[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => {
      const match = RULE_PATTERN.exec(item);
      if (!match) {
        throw new Error(
          `"${item}" is not an admin rule; use discord:USERID, discord-role:ROLEID or slack:USERID`,
        );
      }
      return { kind: match[1] as AdminRule['kind'], id: match[2]! };
    });
}

/** The console operator owns the local store; platform callers need a matching rule. */
export function isAdmin(caller: Caller, rules: readonly AdminRule[]): boolean {
  if (caller.platform === 'console') return true;
  return rules.some((rule) => {
    if (rule.kind === 'discord-role') {
      return caller.platform === 'discord' && (caller.roleIds ?? []).includes(rule.id);
    }
    return rule.kind === caller.platform && rule.id === caller.userId;
  });
}

export function describeCaller(caller: Caller): string {
  return `${caller.platform}:${caller.userId}`;
}

/** How a change is attributed in revisions: `discord:1234 (alice)`. */
export function changeAuthor(caller: Caller): string {
  return caller.displayName ? `${describeCaller(caller)} (${caller.displayName})` : describeCaller(caller);
}
