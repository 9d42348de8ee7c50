// The Slack app manifest, generated from the command specs so Slack's command list never
// disagrees with what the bot answers. Paste it at api.slack.com/apps → Create New App.
import type { CommandSpec } from '../../core/command-spec.js';
import { usageHint } from '../../core/help.js';
import { OPTIONAL_COMMAND_PREFIX } from './command-prefix.js';
import { EVENTS_PATH } from './bolt-app.js';
import { MAX_APP_DESCRIPTION, MAX_COMMAND_DESCRIPTION, MAX_COMMAND_NAME, MAX_USAGE_HINT } from './limits.js';
import { clip } from '../../core/text-cut.js';

export interface ManifestOptions {
  /** Socket Mode needs no public URL; otherwise Slack posts to `${publicUrl}/slack/events`. */
  socketMode: boolean;
  /** Where Slack can reach the HTTP receiver, e.g. https://sitrep.example.org. */
  publicUrl?: string;
  /** `/sitrep-timeline` instead of `/timeline`, for workspaces where a name is taken. */
  prefixCommands?: boolean;
  /** Adds chat:write.public so digests reach public channels the bot was not invited to. */
  postToPublicChannels?: boolean;
  appName?: string;
}

export const PLACEHOLDER_URL = 'https://YOUR-HOST';

export interface SlackSlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape: boolean;
  url?: string;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: { bot_user: { display_name: string; always_online: boolean }; slash_commands: SlackSlashCommand[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/**
 * Bot scopes, least first: `commands` for slash commands, `chat:write` to post digests to
 * channels the bot is in, `channels:history` and `groups:history` to look for a post whose
 * answer was lost before sending it again, `files:write` to upload charts, `im:write` and
 * `im:history` to open a watcher's direct messages and look there likewise, and optionally
 * `chat:write.public` for public channels it is not in. Command answers go to the response_url,
 * which needs no scope at all.
 */
export function botScopes(postToPublicChannels: boolean): string[] {
  return ['commands', 'chat:write', 'channels:history', 'groups:history', 'files:write', 'im:write', 'im:history', ...(postToPublicChannels ? ['chat:write.public'] : [])];
}

export function buildManifest(commands: readonly CommandSpec[], options: ManifestOptions): SlackManifest {
  const name = options.appName ?? 'Sitrep';
  const requestUrl = options.socketMode ? undefined : `${(options.publicUrl ?? PLACEHOLDER_URL).replace(/\/+$/, '')}${EVENTS_PATH}`;
  const slashCommands = commands.map((spec): SlackSlashCommand => {
    const command = `/${options.prefixCommands ? OPTIONAL_COMMAND_PREFIX : ''}${spec.name}`;
    if (command.length > MAX_COMMAND_NAME) throw new Error(`Slack command names have at most ${MAX_COMMAND_NAME} characters: ${command}`);
    const hint = usageHint(spec);
    return {
      command,
      description: clip(spec.description, MAX_COMMAND_DESCRIPTION),
      ...(hint ? { usage_hint: clip(`${hint} [--public]`, MAX_USAGE_HINT) } : { usage_hint: '[--public]' }),
      // Sitrep parses the text as typed; escaping would turn @names into <@U…> ids.
      should_escape: false,
      ...(requestUrl ? { url: requestUrl } : {}),
    };
  });
  return {
    display_information: {
      name,
      description: clip('A sourced timeline of conflict and diplomacy updates: /timeline, /search, /actor, /entry.', MAX_APP_DESCRIPTION),
      background_color: '#1d3557',
    },
    features: { bot_user: { display_name: name, always_online: false }, slash_commands: slashCommands },
    oauth_config: { scopes: { bot: botScopes(options.postToPublicChannels ?? true) } },
    settings: {
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
