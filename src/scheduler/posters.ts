// The posters of the adapters running in this process, keyed by platform: a subscription's
// digest goes out through the poster of its platform.
import type { Platform } from '../core/caller.js';
import type { Poster } from '../core/poster.js';

export class PosterRegistry {
  private readonly byPlatform = new Map<Platform, Poster>();

  register(poster: Poster): void {
    this.byPlatform.set(poster.platform, poster);
  }

  get(platform: Platform): Poster | undefined {
    return this.byPlatform.get(platform);
  }

  platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }
}
