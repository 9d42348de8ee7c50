// The key of the stored place a name means. Places are found by their folded name, but a place
// migration 0035 or 0036 could not re-key (its new key held by another place: `Dar'a`, Daraa in
// Syria, beside `Dara`, in Senegal) kept the key an older fold gave it; its own name still finds it.
import { foldKey, INVISIBLE_IN_WORDS, NAME_APOSTROPHES, TATWEEL } from '../core/text.js';
import type { StatementCache } from './statement-cache.js';

/** What older folds kept in a key and foldKey reads through: a name without any has its folded key. */
const READ_THROUGH_SINCE = new RegExp(`[${NAME_APOSTROPHES}${TATWEEL}${INVISIBLE_IN_WORDS}]`);

/**
 * The key of the place stored under this very name (case aside), else the name's folded key.
 * Only a name holding a character older folds kept is looked up by name: no index reads names,
 * and no other name can have kept an older key.
 */
export function placeKeyOf(cache: StatementCache, name: string): string {
  const key = foldKey(name);
  if (!READ_THROUGH_SINCE.test(name)) return key;
  const typed = name.trim();
  const own = cache
    .get('SELECT place_key FROM places WHERE name = ? COLLATE NOCASE ORDER BY name = ? DESC, id LIMIT 1')
    .pluck()
    .get(typed, typed) as string | undefined;
  return own ?? key;
}
