// The Discord adapter's start-up failures in terms of what to fix: a token Discord refused, or an
// API that could not be reached.
import { answeredWithStatus, asError, StartupError, unreachable } from '../../startup-errors.js';

/**
 * Login failed. discord.js first asks the REST API for the gateway (GET /gateway/bot): only a
 * 401 there means the token was refused; no answer at all is the network's fault.
 */
export function discordLoginFailed(error: unknown, apiUrl: string): Error {
  const at = { platform: 'Discord', api: "Discord's API", url: apiUrl, urlVariable: 'DISCORD_API_URL' };
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (code === 'TokenInvalid') return new StartupError('Discord did not accept DISCORD_TOKEN (401 Unauthorized at login)', { cause: error });
  if (typeof status === 'number') return answeredWithStatus(at, 'the login', status, error);
  return unreachable(at, error) ?? asError(error);
}
