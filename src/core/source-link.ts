// A source's outlet as the label of its link. A label is what a reader trusts: an outlet typed as
// `https://www.reuters.com/` (or a feed titled so) on a link to evil.example reads as Reuters, so
// a label naming another site is shown as plain text, beside a link labelled with its real host.
// Every view showing a source link builds it here; adapters only translate the spans.
import { isolated } from './bidi-isolate.js';
import { span, type Span } from './view.js';
import { webUrl } from './web-address.js';

/** Dots as the URL parser reads them in a host name: ASCII, ideographic and full-width. */
const DOTS = /[.\u3002\uFF0E\uFF61]/u;
/** Where a label's words part: an address is one word (`Reuters (https://…)` has one). */
const WORD_BREAKS = /[\s<>()[\]"'«»]+/u;
/** Runs of the characters host names are written with: `reuters.com` in `AFP/reuters.com`. */
const HOST_RUNS = /[\p{L}\p{M}\p{N}_.\u3002\uFF0E\uFF61-]+/gu;
const TOP_LEVEL = /^\p{L}[\p{L}\p{M}\p{N}-]+$/u;
const IPV4_PART = /^\d{1,3}$/;

/** A run that reads as a host: dotted, its last part a top-level domain (`e.g.`, `U.S.` and `3.5` are none), or an IPv4 address. */
function looksLikeHost(run: string): boolean {
  const parts = run.replace(/[.\u3002\uFF0E\uFF61]+$/u, '').split(DOTS);
  if (parts.length < 2 || parts.includes('')) return false;
  return TOP_LEVEL.test(parts.at(-1)!) || (parts.length === 4 && parts.every((part) => IPV4_PART.test(part)));
}

/** The host as the URL parser writes it (lower case, punycode), without `www.` or a final dot. */
function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** The address a piece of a label names; undefined when the URL parser refuses it. */
function parsed(piece: string): URL | undefined {
  try {
    return new URL(piece.includes('://') ? piece : `http://${piece}`);
  } catch {
    return undefined;
  }
}

/** Whether the piece names `site`: a host the parser refuses, or one with a `user:password@` disguise, does not. */
function namesSite(piece: string, site: string): boolean {
  const url = parsed(piece);
  return url !== undefined && url.hostname !== '' && url.username === '' && url.password === '' && siteOf(url.hostname) === site;
}

/**
 * Whether the label names a web address or host other than `host` (a look-alike included). Found
 * word by word, without backtracking regular expressions: a feed's title may be long.
 */
export function labelNamesOtherHost(label: string, host: string): boolean {
  const site = siteOf(host);
  return label.split(WORD_BREAKS).some((word) => {
    // An address's path holds file names (`story.html`), not hosts: only its host counts.
    if (word.includes('://')) return !namesSite(word, site);
    return [...word.matchAll(HOST_RUNS)].some(([run]) => looksLikeHost(run) && !namesSite(run, site));
  });
}

/** The link as it is followed: an http(s) address without a user name or password; undefined for anything else. */
function followedLink(href: string): URL | undefined {
  const url = webUrl(href);
  // Stored before such links were refused: never shown, and the link's host is what matters.
  if (url) {
    url.username = '';
    url.password = '';
  }
  return url;
}

/**
 * The outlet linked to `href`: `[AFP](…)`, or when the outlet names another site,
 * `https://www.reuters.com/ (link to [evil.example](…))`. `unlinked` styles an outlet shown as text.
 */
export function outletLink(outlet: string, href: string | undefined, unlinked: (text: string) => Span = span.plain): Span[] {
  // The label shown: a right-to-left outlet is set apart from the grade and note beside it.
  const label = isolated(outlet);
  if (href === undefined) return [unlinked(label)];
  const url = followedLink(href);
  // Not a web address: renderers link nothing, as before.
  if (!url) return [span.link(label, href)];
  if (!labelNamesOtherHost(outlet, url.hostname)) return [span.link(label, url.href)];
  return [unlinked(label), span.plain(' (link to '), span.link(url.hostname, url.href), span.plain(')')];
}
