// Placeholder until the Discord adapter lands.
import type { DiscordConfig } from '../../config.js';
import type { AdapterDeps, RunningAdapter } from '../running-adapter.js';

export async function startDiscordAdapter(_deps: AdapterDeps<DiscordConfig>): Promise<RunningAdapter> {
  throw new Error('The Discord adapter is not built yet');
}
