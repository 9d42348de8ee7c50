// The Slack adapter's start-up failures in terms of what to fix: a token Slack refused, a Web API
// that could not be reached, a port already taken.
import { webApi } from '@slack/bolt';
import { answeredWithStatus, asError, StartupError, unreachable } from '../../startup-errors.js';

interface WebApiError {
  code?: string;
  data?: { error?: string };
  statusCode?: number;
}

/**
 * A Web API call made at start-up failed: `auth.test` with SLACK_BOT_TOKEN, or
 * `apps.connections.open` with SLACK_APP_TOKEN. Only an answer from Slack says the token was refused.
 */
export function slackCallFailed(error: unknown, call: { method: string; variable: string; apiUrl: string }): Error {
  const at = { platform: 'Slack', api: "Slack's Web API", url: call.apiUrl, urlVariable: 'SLACK_API_URL' };
  const { code, data, statusCode } = error as WebApiError;
  if (code === webApi.ErrorCode.PlatformError) {
    return new StartupError(`Slack did not accept ${call.variable} (${call.method} answered ${data?.error ?? 'an error'})`, { cause: error });
  }
  if (code === webApi.ErrorCode.HTTPError) return answeredWithStatus(at, call.method, statusCode, error);
  return unreachable(at, error) ?? asError(error);
}

/** The HTTP receiver could not listen: the port is taken or not ours to use. */
export function slackListenFailed(error: unknown, port: number): Error {
  const { code } = error as { code?: unknown };
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return asError(error);
  const why = code === 'EADDRINUSE' ? 'another program is listening on it' : 'permission denied';
  return new StartupError(`Slack's HTTP receiver could not listen on port ${port} (${why}). Set SLACK_PORT to a free port.`, { cause: error });
}
