// Items of one outlet as the feed-date tests serve them, each at its own address.
import type { ScriptedItem } from '../../sources-queue/support/scripted-feeds.js';

/** Items of the outlet at `host`, each linked at `https://host/guid`. */
export const itemsOf =
  (host: string) =>
  (guid: string, title: string, pubDate: string): ScriptedItem => ({ guid, title, link: `https://${host}/${guid}`, pubDate });
