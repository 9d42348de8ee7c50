// Paid feeds put a subscriber's key in the address's query (`?api_key=…`). Sitrep keeps and
// fetches the whole address, but every reply, notice and log line shows it through shownAddress,
// each key's value replaced by `…`: anyone who may read /sources list would otherwise hold the key.
import { wordList } from './text.js';
import { span, type Span } from './view.js';

/** What a key's value is shown as. */
export const HIDDEN_VALUE = '…';

/** Words of a query parameter's name that make its value a credential (`api_key`, `X-Amz-Signature`, `appid`). */
const KEY_WORDS = new Set(['key', 'token', 'secret', 'password', 'passwd', 'pwd', 'pass', 'auth', 'sig', 'signature', 'credential', 'credentials', 'session', 'sessionid', 'sid', 'jwt', 'hmac', 'appid']);
/** Words written joined end so (`apikey`, `accesstoken`, `clientsecret`, `subscriptionkey`). */
const KEY_ENDINGS = /(?:key|token|secret|password|passwd|signature|credentials?)$/;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The name's words: `api_key` → api, key; `accessToken` → access, token. */
const nameWords = (name: string): string[] =>
  decoded(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** A query parameter whose value is a key, going by its name. */
export const isKeyName = (name: string): boolean => nameWords(name).some((word) => KEY_WORDS.has(word) || KEY_ENDINGS.test(word));

interface QueryParts {
  /** Up to and including `?`. */
  head: string;
  pairs: string[];
  /** `#…`, or nothing. */
  tail: string;
}

function queryParts(url: string): QueryParts | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  const hash = url.indexOf('#', start);
  const end = hash < 0 ? url.length : hash;
  return { head: url.slice(0, start + 1), pairs: url.slice(start + 1, end).split('&'), tail: url.slice(end) };
}

/** The pair's name when its value is a key (an empty value hides nothing). */
function keyOf(pair: string): string | undefined {
  const equals = pair.indexOf('=');
  if (equals <= 0 || equals === pair.length - 1) return undefined;
  const name = pair.slice(0, equals);
  return isKeyName(name) ? name : undefined;
}

/** The names of the address's parameters holding a key, as written (`api_key`). */
export function keyNames(url: string): string[] {
  return queryParts(url)?.pairs.flatMap((pair) => keyOf(pair) ?? []) ?? [];
}

/** The address as people are shown it: `https://api.example.org/feed.xml?api_key=…&q=syria`. */
export function shownAddress(url: string): string {
  const parts = queryParts(url);
  if (!parts) return url;
  const pairs = parts.pairs.map((pair) => {
    const name = keyOf(pair);
    return name === undefined ? pair : `${name}=${HIDDEN_VALUE}`;
  });
  return `${parts.head}${pairs.join('&')}${parts.tail}`;
}

/** The address holds a key that people are not shown. */
export const holdsKey = (url: string): boolean => keyNames(url).length > 0;

/**
 * The address in a view: a link when it holds no key; else the shown address as text, since a
 * link's target is read in full by whoever hovers or copies it.
 */
export const addressSpan = (url: string): Span => (holdsKey(url) ? span.plain(shownAddress(url)) : span.link(url, url));

/** `api_key`, `api_key and sig`: the keys an address holds, for a sentence. */
export const keysText = (url: string): string => wordList([...new Set(keyNames(url).map(decoded))]);
