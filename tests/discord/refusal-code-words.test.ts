// A paused digest's reason is all that is kept of Discord's refusal: the help /digest list gives
// reads Discord's error code back from it, in the words reasons are written in now and in those
// reasons stored by earlier versions were written in.
import { describe, expect, it } from 'vitest';
import { discordAccessHelp } from '../../src/adapters/discord/access-help.js';
import { DeliveryError } from '../../src/core/poster.js';

const helpFor = (reason: string) => discordAccessHelp('/digest subscribe', { refused: { channelId: '42', error: new DeliveryError('permanent', reason) } });

describe('GIVEN a digest paused with a stored reason', () => {
  it('WHEN the reason says Discord refused the message as the channel is unknown THEN the help offers another channel', () => {
    expect(helpFor('Discord refused the message: Unknown Channel (10003)')).toContain('Discord no longer knows this channel');
  });

  it('WHEN the reason says the thread is archived THEN the help says to reopen it', () => {
    expect(helpFor('Discord refused the message: Thread is archived (50083)')).toContain('This thread is archived');
  });

  it('WHEN the reason says the thread is locked THEN the help says to unlock it, not to give permissions', () => {
    const help = helpFor('Discord refused the message: Thread is locked (160005)');
    expect(help).toContain('This thread is locked: a moderator with Manage Threads can unlock it');
    expect(help).not.toContain('Give the bot View Channel');
  });

  it('WHEN the reason was stored in the earlier words, with the request and status THEN the help still reads its code', () => {
    expect(helpFor('posting message 1 of 1 to channel 42: Discord answered 404 (10003: Unknown Channel)')).toContain('Discord no longer knows this channel');
  });

  it('WHEN the reason is a missing permission THEN the help asks for the channel’s permissions', () => {
    expect(helpFor('Discord refused the message: Missing Permissions (50013)')).toContain('Give the bot View Channel, Send Messages and Embed Links');
  });
});
