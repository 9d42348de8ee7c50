// GIVEN the console as the review channel WHEN a candidate is decided at the prompt THEN the
// decided card is printed once (the card's update is the reply), and a link shown as its own
// address is printed once.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  queue = new QueueApp({ start: NOW });
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

/** Runs the lines as piped console input, with the console's poster printing in the same output. */
async function consoleRun(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const poster = new ConsolePoster(output);
  queue.app.digests.posters.register(poster);
  const done = runConsole({ dispatcher: queue.app.dispatcher, input, output, poster });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('GIVEN the console is the review channel', () => {
  it('WHEN candidates are approved and rejected at the prompt THEN each decided card is printed once, under the line naming the updated card', async () => {
    const printed = await consoleRun([
      '/review channel',
      `/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`,
      '/sources check id:1',
      '/review approve id:1',
      '/review reject id:2 reason:"not an event"',
      '/review approve id:1',
    ]);
    expect(count(printed, 'Approved: added as entry #18.')).toBe(1);
    expect(count(printed, 'Rejected by console:operator')).toBe(1);
    expect(printed).toMatch(/── console-\d+ in #console, updated ──\n[^\n]+\nCandidate #1 · syria-israel · approved\nApproved: added as entry #18\./);
    // A reply that is not the updated card is still printed.
    expect(count(printed, 'Already approved as entry #18 by console:operator')).toBe(1);
  });

  it('THEN a card shows its link once, in words with the address beside them', async () => {
    const printed = await consoleRun(['/review channel', `/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`, '/sources check id:1']);
    expect(printed).toMatch(/Link +Read on Levant Wire <https:\/\/levant\.example\/2025\/07\/18\/baku-talks>\n/);
    expect(count(printed, 'https://levant.example/2025/07/18/baku-talks')).toBe(1);
  });
});
