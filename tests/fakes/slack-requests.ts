// Requests as Slack sends them to the HTTP receiver: form-encoded, signed with the signing secret
// (`v0=` + HMAC-SHA256 of `v0:${timestamp}:${rawBody}`).
import { createHmac, randomBytes } from 'node:crypto';
import { messageAsPressed } from './slack-api.js';

export interface SignOptions {
  secret: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature (to forge one). */
  signature?: string;
  retryNum?: number;
}

export function sign(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export async function postSigned(url: string, rawBody: string, options: SignOptions): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(options.secret, timestamp, rawBody),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body: rawBody });
}

export interface SlashCommandFields {
  command: string;
  text: string;
  responseUrl: string;
  userId?: string;
  userName?: string;
  teamId?: string;
  channelId?: string;
  triggerId?: string;
}

export function slashCommandPayload(f: SlashCommandFields): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: f.teamId ?? 'T0TEST',
    team_domain: 'sitrep-test',
    channel_id: f.channelId ?? 'C0CHAN',
    channel_name: 'general',
    user_id: f.userId ?? 'U0ALICE',
    user_name: f.userName ?? 'alice',
    command: f.command,
    text: f.text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? `${Date.now()}.${randomBytes(4).toString('hex')}`,
  };
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export interface ButtonPress {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  triggerId?: string;
  /** The channel and message the button is on (a message in #general by default). */
  channelId?: string;
  messageTs?: string;
}

/**
 * A block_actions payload as Slack sends it for a button press: form field `payload=` JSON. A
 * press on a channel message a fake holds carries the message (see messageAsPressed); one on an
 * ephemeral message (no `messageTs`) carries none, as Slack sends none.
 */
export function blockActionsBody(p: ButtonPress): string {
  const message = p.messageTs === undefined ? undefined : messageAsPressed(p.channelId ?? 'C0CHAN', p.messageTs, p.value);
  const payload = {
    type: 'block_actions',
    user: { id: p.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: p.messageTs ?? '1700000000.000100', channel_id: p.channelId ?? 'C0CHAN', is_ephemeral: p.messageTs === undefined },
    trigger_id: p.triggerId ?? `${Date.now()}.${randomBytes(4).toString('hex')}`,
    team: { id: 'T0TEST', domain: 'sitrep-test' },
    channel: { id: p.channelId ?? 'C0CHAN', name: 'general' },
    ...(message ? { message } : {}),
    response_url: p.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: p.actionId,
        block_id: 'nav',
        text: { type: 'plain_text', text: 'Next' },
        value: p.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return formBody({ payload: JSON.stringify(payload) });
}

/** What one input of a submitted modal holds, as Slack reports it in `view.state.values`. */
export interface SubmittedInput {
  type: string;
  value?: string | null;
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string } | null;
}

export interface ViewSubmission {
  /** The modal as the app opened it (callback_id, private_metadata, blocks). */
  view: Record<string, unknown>;
  /** block_id → action_id → input state. */
  values: Record<string, Record<string, SubmittedInput>>;
  viewId: string;
  userId?: string;
  triggerId?: string;
}

/** A view_submission payload as Slack sends it when a modal's submit button is pressed. */
export function viewSubmissionBody(s: ViewSubmission): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0TEST', domain: 'sitrep-test' },
    user: { id: s.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    trigger_id: s.triggerId ?? `${Date.now()}.${randomBytes(4).toString('hex')}`,
    view: {
      ...s.view,
      id: s.viewId,
      team_id: 'T0TEST',
      app_id: 'A0TEST',
      bot_id: 'B0BOT',
      hash: `${Date.now()}.${randomBytes(4).toString('hex')}`,
      state: { values: s.values },
      root_view_id: s.viewId,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return formBody({ payload: JSON.stringify(payload) });
}
