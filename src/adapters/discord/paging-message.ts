// A paged message as Discord takes it: the part on screen and its Previous/Next buttons. Each
// button names its page in its custom_id when it can (page-links.ts), so it works after a
// restart; otherwise it points into an in-memory session, opened only when some button needs it.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { isReadOnlyInvocation, type CommandRegistry } from '../../core/registry.js';
import type { Invocation, View } from '../../core/view.js';
import { NO_MENTIONS, type MessageBody } from './message-payload.js';
import { pageLinkId } from './page-links.js';
import { inertButtonId, pageButtonId, type PageDirection, type PageScreen, type PageSession, type PageSessions } from './page-sessions.js';
import { destinationOf, isPaged } from './page-targets.js';
import { renderViewPages } from './render-view.js';

/** What building buttons needs from the running adapter. */
export interface PagingDeps {
  sessions: PageSessions;
  registry: CommandRegistry;
}

const LOOKS = {
  previous: { label: '◀ Previous', style: ButtonStyle.Secondary },
  next: { label: 'Next ▶', style: ButtonStyle.Primary },
} as const;

/**
 * The message for `screen`. Pass the session the screen already lives in (a press on a session
 * button), so a move keeps using it rather than opening another.
 */
export function pagingMessage(screen: PageScreen, deps: PagingDeps, session?: PageSession): MessageBody {
  let opened = session;
  const sessionId = (direction: PageDirection): string => {
    opened ??= deps.sessions.open(screen.ownerId, screen.view, screen.pages, {
      ...(screen.source ? { source: screen.source } : {}),
      index: screen.index,
    });
    return pageButtonId(opened, direction);
  };
  const button = (direction: PageDirection): APIButtonComponent => {
    const destination = destinationOf(screen, direction);
    const base = { type: ComponentType.Button, ...LOOKS[direction] } as const;
    if (destination === undefined) return { ...base, custom_id: inertButtonId(direction), disabled: true };
    const link =
      destination !== 'in-memory' && isReadOnlyInvocation(deps.registry, destination.invocation)
        ? pageLinkId({ ...destination, ownerId: screen.ownerId })
        : undefined;
    return { ...base, custom_id: link ?? sessionId(direction), disabled: false };
  };
  const row: APIActionRowComponent<APIButtonComponent> = { type: ComponentType.ActionRow, components: [button('previous'), button('next')] };
  return { embeds: [screen.pages[screen.index]!], components: [row], allowedMentions: NO_MENTIONS };
}

/**
 * A view's first message, for `ownerId`. `source` is the command that produced it, when the
 * buttons may run it again to turn its parts (a read-only command).
 */
export function viewMessage(view: View, ownerId: string, deps: PagingDeps, source?: Invocation): MessageBody {
  const pages = renderViewPages(view);
  const rerunnable = source && isReadOnlyInvocation(deps.registry, source) ? { source } : {};
  const screen: PageScreen = { ownerId, ...rerunnable, view, pages, index: 0 };
  if (!isPaged(screen)) return { embeds: [pages[0]!], allowedMentions: NO_MENTIONS };
  return pagingMessage(screen, deps);
}
