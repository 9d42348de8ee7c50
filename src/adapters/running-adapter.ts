// What every platform adapter hands back to the composition root once it is running.
import type { Dispatcher } from '../core/dispatcher.js';
import type { Logger } from '../core/logger.js';
import type { Poster } from '../core/poster.js';

export interface RunningAdapter {
  readonly name: string;
  /** Posts digests to this platform's channels. */
  readonly poster: Poster;
  stop(): Promise<void>;
}

export interface AdapterDeps<PlatformConfig> {
  config: PlatformConfig;
  dispatcher: Dispatcher;
  logger: Logger;
}
