// Builds the Bolt app: the HTTP receiver on /slack/events, or Socket Mode when an app token is
// configured. Both talk to the Web API at the configured base URL (Slack's own by default).
import { App } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import { StartupError } from '../../startup-errors.js';
import { boltLogger } from './bolt-logger.js';

export const EVENTS_PATH = '/slack/events';

/** A few quick retries at start-up; a wrong token or URL should fail in seconds, not minutes. */
const STARTUP_RETRIES = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 };

export function createBoltApp(config: SlackConfig, logger: Logger): App {
  const apiUrl = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const common = {
    token: config.botToken,
    logger: boltLogger(logger),
    // auth.test runs in init(), awaited, so a bad token is a clear start-up error.
    deferInitialization: true,
    convoStore: false as const,
    clientOptions: { ...apiUrl, retryConfig: STARTUP_RETRIES },
  };
  if (config.appToken) {
    return new App({
      ...common,
      socketMode: true,
      appToken: config.appToken,
      // The socket client's apps.connections.open reads these options, not clientOptions.
      installerOptions: { clientOptions: { ...apiUrl } },
    });
  }
  if (!config.signingSecret) {
    throw new StartupError('SLACK_SIGNING_SECRET is required for the HTTP receiver; set it, or set SLACK_APP_TOKEN for Socket Mode');
  }
  return new App({ ...common, signingSecret: config.signingSecret, endpoints: EVENTS_PATH, port: config.port });
}
