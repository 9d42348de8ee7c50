// GIVEN a Slack channel with a digest WHEN anyone runs /digest list THEN the channel is named as
// Slack shows it (`<#C…>`, the channel's name, in the blocks and the notification text alike),
// besides the id /digest unsubscribe takes.
import { afterEach, describe, expect, it } from 'vitest';
import { slackDigests, type Cleanup } from './support/platform-digests.js';

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

describe('GIVEN a Slack channel with a digest', () => {
  it('WHEN /digest list runs THEN it names the channel by Slack’s channel mention, in blocks and fallback text', async () => {
    const { command } = await slackDigests(cleanup);
    await command('subscribe schedule:"daily 08:00"');
    const reply = JSON.parse(await command('list')) as { text: string; blocks: unknown[] };
    expect(reply.text).toContain('Posts in: <#C0CHAN>');
    expect(JSON.stringify(reply.blocks)).toContain('Posts in:_ <#C0CHAN>');
    expect(JSON.stringify(reply.blocks)).toContain('Channel C0CHAN');
  });
});
