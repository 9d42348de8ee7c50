// A platform as a reply names it: Discord and Slack as the proper nouns they are. The core knows
// no platform (caller.ts), so one it has no name for is written as given, with a capital.
import type { PlatformName } from './caller.js';

/** `Discord`, `Slack`, `Console`; `Matrix` for a platform named `matrix`. */
export function platformNoun(platform: PlatformName): string {
  return platform.charAt(0).toUpperCase() + platform.slice(1);
}

/** As a sentence names it: `Slack`, `Discord`, `the console`. */
export function platformDisplayName(platform: PlatformName): string {
  return platform === 'console' ? 'the console' : platformNoun(platform);
}
