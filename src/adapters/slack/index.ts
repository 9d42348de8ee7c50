// Placeholder until the Slack adapter lands.
import type { SlackConfig } from '../../config.js';
import type { AdapterDeps, RunningAdapter } from '../running-adapter.js';

export async function startSlackAdapter(_deps: AdapterDeps<SlackConfig>): Promise<RunningAdapter> {
  throw new Error('The Slack adapter is not built yet');
}
