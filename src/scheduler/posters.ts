// The posters of the adapters running in this process, keyed by platform: a subscription's
// digest goes out through the poster of its platform.
import { platformName, type PlatformName } from '../core/caller.js';
import type { Poster } from '../core/poster.js';

export class PosterRegistry {
  private readonly byPlatform = new Map<PlatformName, Poster>();

  /** Throws for a platform name that is not one (it would name lease scopes and stored channels). */
  register(poster: Poster): void {
    this.byPlatform.set(platformName(poster.platform), poster);
  }

  get(platform: PlatformName): Poster | undefined {
    return this.byPlatform.get(platform);
  }

  platforms(): PlatformName[] {
    return [...this.byPlatform.keys()];
  }
}
