// Message bodies as discord.js takes them: embeds, buttons and no mentions, ever. Paged
// messages are built in paging-message.ts.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageMentionOptions } from 'discord.js';
import type { View } from '../../core/view.js';
import { renderViewPages } from './render-view.js';

/** Stored text must never ping anyone: no @everyone, @here, roles or users. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface MessageBody {
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

/** A short message that needs no paging (notices, errors). */
export function noticeMessage(view: View): MessageBody {
  return { embeds: renderViewPages(view).slice(0, 1), allowedMentions: NO_MENTIONS };
}
