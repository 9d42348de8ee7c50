// The Discord adapter's start-up failures in terms of what to fix: a token Discord refused, or an
// API that could not be reached. `npm run register` words the same mistakes the same way.
import { answeredWithStatus, asError, StartupError, unreachable, type PlatformApi } from '../../startup-errors.js';

/** Discord's REST API at `apiUrl`, as the messages name it. */
export const discordApi = (apiUrl: string): PlatformApi => ({ platform: 'Discord', api: "Discord's API", url: apiUrl, urlVariable: 'DISCORD_API_URL' });

/** Discord answered 401 to a request made `when` (at login, when registering the commands). */
export const tokenRefused = (when: string, error: unknown): StartupError =>
  new StartupError(`Discord did not accept DISCORD_TOKEN (401 Unauthorized ${when})`, { cause: error });

/**
 * Login failed. discord.js first asks the REST API for the gateway (GET /gateway/bot): only a
 * 401 there means the token was refused; no answer at all is the network's fault.
 */
export function discordLoginFailed(error: unknown, apiUrl: string): Error {
  const at = discordApi(apiUrl);
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (code === 'TokenInvalid') return tokenRefused('at login', error);
  if (typeof status === 'number') return answeredWithStatus(at, 'the login', status, error);
  return unreachable(at, error) ?? asError(error);
}
