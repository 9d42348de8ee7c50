// The note of /sources add and /sources edit url: when the feed's address holds a key (a paid
// wire's `?api_key=`): said once, so the admin knows it was kept though no reply shows it again.
import { holdsKey, keysText } from '../../src/core/address-keys.js';
import { plainLine, type Line } from '../../src/core/view.js';

export function keyNote(url: string): Line[] {
  if (!holdsKey(url)) return [];
  return [plainLine(`Its address holds a key (${keysText(url)}): Sitrep keeps it and sends it to the feed's server only; replies, notices and logs show … in its place.`)];
}
