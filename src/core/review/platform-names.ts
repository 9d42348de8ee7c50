// A platform as a reply names it in a sentence: Discord and Slack as the proper nouns they are,
// the console as such. The core knows no platform (caller.ts), so one it has no name for is
// written as given, with a capital.
import type { PlatformName } from '../caller.js';

const NAMES: Readonly<Record<string, string>> = { discord: 'Discord', slack: 'Slack', console: 'the console' };

/** `Slack`, `Discord`, `the console`; `Matrix` for a platform named `matrix`. */
export function platformDisplayName(platform: PlatformName): string {
  return NAMES[platform] ?? platform.charAt(0).toUpperCase() + platform.slice(1);
}
