// Discord's refusals of a direct message, told apart: a few JSON error codes refuse the person
// (they accept no direct messages from the bot, share no server with it any more, or are gone),
// which pauses their watches; a 401, or a 403 with any other code, refuses the bot itself (its
// token, its access), alike for everyone until the operator acts, and so does every request after a
// 401 (discord.js drops the token). In a channel, only a 401 is the bot's own: a 403 (Missing Access
// 50001, Missing Permissions 50013…) is the channel's, fixed by its admins. Other refusals stay as
// they were.
import { DeliveryError } from '../../core/poster.js';
import { DiscordRefusal } from './access-help.js';

/** 50007 cannot send messages to this user, 50278 no mutual server, 10013 unknown user, 50033 invalid recipient. */
const PERSONS_OWN = new Set<number | string>([50007, 50278, 10013, 50033]);

const TOKEN_REFUSED =
  'Discord no longer accepts the bot token: reset it in the Developer Portal (Bot → Reset Token), set DISCORD_TOKEN to the new one and restart Sitrep';
const BOT_REFUSED = 'Discord refused the bot itself, not the person: check the bot in the Developer Portal (is its account limited or awaiting verification?) and that it is still in the servers its watchers share with it';

/** What discord.js throws for every request once Discord answered 401: it drops the token it had. */
const TOKEN_DROPPED = 'Expected token to be set for this request, but none was present';

/**
 * A request discord.js would not send because Discord refused the token before: Sitrep's own to
 * end, for a channel as for a person (retryable: a restart with a good token sends it); undefined
 * for any other error.
 */
export function droppedToken(error: unknown, what: string): DeliveryError | undefined {
  if (!(error instanceof Error) || error.message !== TOKEN_DROPPED) return undefined;
  return new DeliveryError('retryable', `the ${what} was not sent: Discord refused the bot token earlier (401)`, undefined, [], TOKEN_REFUSED);
}

/** What the operator does about a refusal of the bot itself; undefined for the person's and the rest. */
function operatorFix(status: number, code: number | string): string | undefined {
  if (status === 401) return TOKEN_REFUSED;
  if (status === 403 && !PERSONS_OWN.has(code)) return BOT_REFUSED;
  return undefined;
}

/** `failure`, from a direct message, marked as Sitrep's own to end when Discord refused the bot rather than the person. */
export function directFailure(failure: DeliveryError): DeliveryError {
  if (!(failure instanceof DiscordRefusal)) return failure;
  const fix = operatorFix(failure.status, failure.code);
  return fix ? failure.forOperator(fix) : failure;
}

/** `failure`, from a post in a channel, marked as Sitrep's own to end when Discord refused the bot's token (401). */
export function channelFailure(failure: DeliveryError): DeliveryError {
  if (!(failure instanceof DiscordRefusal) || failure.status !== 401) return failure;
  return failure.forOperator(TOKEN_REFUSED);
}
