// Builds the Bolt app: the HTTP receiver on /slack/events, or Socket Mode when an app token is
// configured. Both talk to the Web API at the configured base URL (Slack's own by default), and
// both drop what they cannot read with a log line naming it (unreadable-payloads.ts).
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import { StartupError } from '../../startup-errors.js';
import { boltLogger } from './bolt-logger.js';
import { dropUnreadableEvent, dropUnreadableRequest, envelopeIdOf, guardHttpRequests, guardSocketMessages, reportUnanswered } from './unreadable-payloads.js';

export const EVENTS_PATH = '/slack/events';

/** A few quick retries at start-up; a wrong token or URL should fail in seconds, not minutes. */
const STARTUP_RETRIES = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 };

/** `boltLines`: where Bolt's own lines go (held while the adapter starts: see StartupHold). */
export function createBoltApp(config: SlackConfig, logger: Logger, boltLines: Logger = logger): App {
  const apiUrl = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const log = boltLogger(boltLines);
  const common = {
    token: config.botToken,
    logger: log,
    // auth.test runs in init(), awaited, so a bad token is a clear start-up error.
    deferInitialization: true,
    convoStore: false as const,
    clientOptions: { ...apiUrl, retryConfig: STARTUP_RETRIES },
  };
  if (config.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: log,
      // The socket client's apps.connections.open reads these options, not clientOptions.
      installerOptions: { clientOptions: { ...apiUrl } },
      customPropertiesExtractor: envelopeIdOf,
      processEventErrorHandler: dropUnreadableEvent(logger),
    });
    guardSocketMessages(receiver, logger);
    return new App({ ...common, socketMode: true, receiver });
  }
  if (!config.signingSecret) {
    throw new StartupError('SLACK_SIGNING_SECRET is required for the HTTP receiver; set it, or set SLACK_APP_TOKEN for Socket Mode');
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    port: config.port,
    logger: log,
    processEventErrorHandler: dropUnreadableRequest(logger),
    unhandledRequestHandler: reportUnanswered(logger),
  });
  guardHttpRequests(receiver, EVENTS_PATH, config.signingSecret, logger);
  return new App({ ...common, receiver });
}
