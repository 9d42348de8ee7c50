// The link a review card gives to the candidate's article: `Read on Levant Wire`, the address as
// its target, rather than the address spelled out (long, and read out character by character by
// a screen reader). A label is what a reader trusts, so an outlet naming another site than the
// link's (a feed titled `https://www.reuters.com` on links to evil.example) gives way to the
// link's real host, as source-link.ts labels sources.
import { isolated } from '../bidi-isolate.js';
import { labelNamesOtherHost } from '../source-link.js';
import { span, type Line } from '../view.js';
import { webUrl } from '../web-address.js';

/** `Read on OUTLET`, linked to `href`; an address Sitrep would not link is shown as written. */
export function articleLink(outlet: string, href: string): Line {
  const url = webUrl(href);
  if (!url) return [span.link(href, href)];
  // Never shown: a user name or password in the address is no part of where it leads.
  url.username = '';
  url.password = '';
  const label = labelNamesOtherHost(outlet, url.hostname) ? url.hostname : isolated(outlet);
  return [span.link(`Read on ${label}`, url.href)];
}
