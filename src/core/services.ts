// The services commands can use, handed to every handler through its context. Each feature
// adds its own field here; the composition root (src/app.ts) provides them.
import type { ChartServices } from './charts/picture.js';
import type { PastViews } from './as-of-port.js';
import type { DigestService } from './digest/service.js';
import type { DossierEditor } from './editor-port.js';
import type { PlaceDirectory } from './places/place-port.js';
import type { DossierReader } from './ports.js';
import type { ReviewQueue } from './review/review-queue.js';
import type { WatchService } from './sources/watch-service.js';
import type { TrendCalls } from './trend-port.js';
import type { WatchList } from './watch/watch-port.js';

export interface CommandServices {
  dossier: DossierReader;
  /** The dossier as it stood at an earlier instant, rebuilt from its revisions. */
  past: PastViews;
  /** Admin writes: entries and actors, with revisions. */
  editor: DossierEditor;
  /** Scheduled digests: subscriptions, preview and send-now. */
  digests: DigestService;
  /** Watched feeds: adding them, checking them, what their checks found. */
  sources: WatchService;
  /** Candidates from the feeds, waiting for an admin to approve or reject them. */
  review: ReviewQueue;
  /** Stored places, where they are in the gazetteer, and the ones waiting for an admin. */
  places: PlaceDirectory;
  /** Pictures: their renderer, the figures they are drawn from, and where places are. */
  charts: ChartServices;
  /** Admins' calls of which way each topic is going. */
  trends: TrendCalls;
  /** Each person's own watches, whose changes reach them as direct messages. */
  watches: WatchList;
}
