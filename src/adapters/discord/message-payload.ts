// Message bodies as discord.js takes them: embeds, paging buttons and no mentions, ever.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type MessageMentionOptions,
} from 'discord.js';
import type { View } from '../../core/view.js';
import { pageButtonId, hasNextPage, hasPreviousPage, type PageSession, type PageSessions } from './page-sessions.js';
import { renderViewPages } from './render-view.js';

/** Stored text must never ping anyone: no @everyone, @here, roles or users. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface MessageBody {
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

function pagingRow(session: PageSession): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: pageButtonId(session, 'previous'),
        label: '◀ Previous',
        disabled: !hasPreviousPage(session),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: pageButtonId(session, 'next'),
        label: 'Next ▶',
        disabled: !hasNextPage(session),
      },
    ],
  };
}

/** The page a session shows, with its buttons. */
export function sessionMessage(session: PageSession): MessageBody {
  return { embeds: [session.pages[session.index]!], components: [pagingRow(session)], allowedMentions: NO_MENTIONS };
}

/** A view's first message; views that need buttons open a paging session for `ownerId`. */
export function viewMessage(view: View, ownerId: string, sessions: PageSessions): MessageBody {
  const pages = renderViewPages(view);
  const paged = pages.length > 1 || Boolean(view.pager?.next || view.pager?.previous);
  if (!paged) return { embeds: [pages[0]!], allowedMentions: NO_MENTIONS };
  return sessionMessage(sessions.open(ownerId, view, pages));
}

/** A short message that needs no paging (notices, errors). */
export function noticeMessage(view: View): MessageBody {
  return { embeds: renderViewPages(view).slice(0, 1), allowedMentions: NO_MENTIONS };
}
