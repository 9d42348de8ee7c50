// The store as the command-line programs other than the bot open it: they never upgrade one an
// older Sitrep wrote (an older bot may still run on it), they refuse it (SchemaTooOldError).
import { createApp, type App, type AppOptions } from '../app.js';

/** createApp on a store at this Sitrep's schema, or a new one; an older store is refused, left as it was. */
export function openCurrentStore(options: AppOptions): App {
  return createApp({ ...options, upgradeOlder: false });
}
