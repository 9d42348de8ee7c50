// Every message the poster sends carries its post's mark in Slack's message metadata. Slack has
// no nonce: when the answer to chat.postMessage is lost (a timeout, a connection reset after the
// request went out), the message may or may not be in the channel. The next attempt looks for
// its marker in the channel's history before sending it again.
import type { webApi } from '@slack/bolt';
import type { PictureLeftOut } from '../../core/charts/picture.js';
import type { Logger } from '../../core/logger.js';

/** The metadata event type of Sitrep's posts. */
export const POST_MARKER_EVENT = 'sitrep_post';

/** Slack's clock and Sitrep's may differ a little: the search starts this much earlier. */
const CLOCK_MARGIN_MS = 60_000;
/** Pages of history read at most (200 messages each): a busy channel is not read to its end. */
const MAX_PAGES = 5;
const PAGE_SIZE = 200;

/**
 * The metadata of message `index` of the post marked `key`; with why its picture was left out,
 * so that an attempt finding the message knows without drawing or uploading it again.
 */
export function postMarker(key: string, index: number, leftOut?: PictureLeftOut): webApi.MessageMetadata {
  const payload: webApi.MessageMetadata['event_payload'] = { key, message: index };
  if (leftOut) Object.assign(payload, { picture_left_out: leftOut.cause, picture_reason: leftOut.reason });
  return { event_type: POST_MARKER_EVENT, event_payload: payload };
}

/** Why the message's picture was left out, as its marker says. */
function leftOutIn(payload: Record<string, unknown> | undefined): PictureLeftOut | undefined {
  const cause = payload?.picture_left_out;
  const reason = payload?.picture_reason;
  if ((cause !== 'not drawn' && cause !== 'refused') || typeof reason !== 'string') return undefined;
  return { cause, reason };
}

const slackTs = (at: Date) => (at.getTime() / 1000).toFixed(6);

function isMarked(metadata: { event_type?: string; event_payload?: Record<string, unknown> } | undefined, key: string, index: number): boolean {
  return metadata?.event_type === POST_MARKER_EVENT && metadata.event_payload?.key === key && metadata.event_payload?.message === index;
}

/** A message an earlier attempt left in the channel: its ts, whether it shows a picture (an image block), and why not, as its marker says. */
export interface MarkedMessage {
  ts: string;
  showsPicture: boolean;
  leftOut?: PictureLeftOut;
}

/**
 * Message `index` of the post marked `key`, if an attempt since `since` left it in the channel.
 * When the history cannot be read (a missing scope, Slack's trouble), the message is taken as not
 * there: it is sent, as it would have been without the check.
 */
export async function findMarkedMessage(
  client: webApi.WebClient,
  logger: Logger,
  channelId: string,
  { key, index, since }: { key: string; index: number; since: Date },
): Promise<MarkedMessage | undefined> {
  const oldest = slackTs(new Date(since.getTime() - CLOCK_MARGIN_MS));
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await client.conversations.history({ channel: channelId, oldest, limit: PAGE_SIZE, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      const found = answer.messages?.find((message) => isMarked(message.metadata, key, index));
      if (found?.ts) {
        const leftOut = leftOutIn(found.metadata?.event_payload);
        return { ts: found.ts, showsPicture: found.blocks?.some((block) => block.type === 'image') ?? false, ...(leftOut ? { leftOut } : {}) };
      }
      cursor = answer.response_metadata?.next_cursor;
      if (!answer.has_more || !cursor) return undefined;
    }
  } catch (error) {
    logger.warn({ err: error, channelId, key, message: index }, 'slack: could not look for a message an earlier attempt may have posted; sending it');
  }
  return undefined;
}
