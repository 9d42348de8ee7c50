// Which links lead to one article, however an outlet or a sharer wrote them: its AMP copy
// (`…/story/amp`, `/amp/story`, `story.amp`, `?amp=1`, `?outputType=amp`), its mobile or AMP host
// (`m.`, `mobile.`, `amp.`), with or without `www.`, and with the click ids and campaign tags
// that platforms and newsletters add (`fbclid`, `gclid`, `mc_cid`, `at_medium`, `utm_*`…). The
// key is only compared, never stored: a link is kept and cited as the feed or the admin gave it.

/** Hosts an outlet serves the same article from, for phones or as AMP. */
const SAME_SITE_PREFIXES = ['www', 'm', 'mobile', 'amp'] as const;
/** Second-level names under a country's domain (`co.uk`, `com.au`): a host of two such labels is no site of its own. */
const SHARED_SECOND_LEVELS: ReadonlySet<string> = new Set(['co', 'com', 'net', 'org', 'gov', 'gob', 'ac', 'edu', 'mil', 'or', 'ne', 'go']);
/** Query parameters naming who shared a link or how it was clicked, never the article. */
const CLICK_IDS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'mc_cid', 'mc_eid', 'ocid', '_ga', '_gl',
]);
/** Parameter name prefixes of campaign tags (`at_medium`, `at_campaign` as `utm_*` are). */
const CAMPAIGN_PREFIXES = ['utm_', 'at_'] as const;
const AMP_SEGMENT = 'amp';
const AMP_SUFFIX = '.amp';

/** An http(s) link parsed; undefined for anything else. */
function webLink(link: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/** Whether `host` is a site of its own: two labels or more, and not only a country's shared name (`co.uk`). */
function isSite(host: string): boolean {
  const labels = host.split('.');
  if (labels.length < 2 || labels.includes('')) return false;
  return !(labels.length === 2 && labels[1]!.length === 2 && SHARED_SECOND_LEVELS.has(labels[0]!));
}

/** The host without a final dot and one `www.`, `m.`, `mobile.` or `amp.` before a site's own name (`m.example` stays). */
export function articleHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const dot = host.indexOf('.');
  const first = host.slice(0, dot);
  const rest = host.slice(dot + 1);
  return dot > 0 && (SAME_SITE_PREFIXES as readonly string[]).includes(first) && isSite(rest) ? rest : host;
}

/** The path without trailing slashes and its AMP marks: an `amp` first or last segment, an `.amp` ending (`/amp` alone is the home page). */
export function articlePath(pathname: string): string {
  const segments = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (segments.at(-1) === AMP_SEGMENT) segments.pop();
  else if (segments.length > 0 && segments.at(-1)!.endsWith(AMP_SUFFIX) && segments.at(-1) !== AMP_SUFFIX) segments.push(segments.pop()!.slice(0, -AMP_SUFFIX.length));
  if (segments[0] === AMP_SEGMENT) segments.shift();
  return segments.length > 0 ? `/${segments.join('/')}`.replace(/\/+$/, '') : '';
}

/** Whether a query parameter says nothing of which article it is: tracking, a click id, or an AMP switch. */
function saysNoArticle(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (CLICK_IDS.has(lower) || CAMPAIGN_PREFIXES.some((prefix) => lower.startsWith(prefix))) return true;
  return lower === AMP_SEGMENT || lower === '_amp' || (lower === 'outputtype' && value.toLowerCase() === AMP_SEGMENT);
}

function articleQuery(url: URL): string {
  const kept = new URLSearchParams([...url.searchParams].filter(([name, value]) => !saysNoArticle(name, value)));
  return kept.size > 0 ? `?${kept.toString()}` : '';
}

function keyOf(url: URL, withFragment: boolean): string {
  const port = url.port ? `:${url.port}` : '';
  return `${articleHost(url.hostname)}${port}${articlePath(url.pathname)}${articleQuery(url)}${withFragment ? url.hash : ''}`;
}

/**
 * The key two reports of one article share, whatever scheme, host form, AMP mark, tracking
 * parameter, trailing slash or fragment their links carry; undefined when it is not http(s).
 */
export function articleKey(link: string): string | undefined {
  const url = webLink(link);
  return url && keyOf(url, false);
}

/**
 * The key an entry citing the article shares with the link: articleKey's, with the fragment kept
 * (a live blog's posts differ by it alone). Undefined when it is not http(s).
 */
export function citedArticleKey(link: string): string | undefined {
  const url = webLink(link);
  return url && keyOf(url, true);
}

/**
 * The beginnings, up to their query or fragment, of the links of the article `link` leads to:
 * each scheme, host form and AMP path of its key. A stored link of that article is one of them,
 * or one of them followed by `?` or `#`; the caller compares the keys of those it finds.
 */
export function articleAddressForms(link: string): string[] {
  const url = webLink(link);
  if (!url) return [];
  const port = url.port ? `:${url.port}` : '';
  const host = articleHost(url.hostname);
  const path = articlePath(url.pathname);
  const hosts = [host, ...SAME_SITE_PREFIXES.map((prefix) => `${prefix}.${host}`).filter((form) => articleHost(form) === host)];
  const paths = [path, `${path}/`, `${path}/amp`, `${path}/amp/`, `/amp${path}`, `/amp${path}/`, ...(path ? [`${path}${AMP_SUFFIX}`] : [])];
  const forms = ['https:', 'http:'].flatMap((scheme) => hosts.flatMap((h) => paths.map((p) => `${scheme}//${h}${port}${p}`)));
  return [...new Set(forms)];
}

/**
 * The links an entry most often cites the article `link` leads to under, whole: its plain form
 * (no AMP mark, mobile host or tracking parameter) over https or http, with or without `www.`
 * and a trailing slash, with the article's own query and the link's fragment. A feed check looks
 * up only these, a few seeks an item: articleAddressForms' every form costs a check of many items
 * dozens of seeks each. An entry citing a rarer form (an AMP copy) is found on approval.
 */
export function commonAddressForms(link: string): string[] {
  const url = webLink(link);
  if (!url) return [];
  const port = url.port ? `:${url.port}` : '';
  const host = articleHost(url.hostname);
  const path = articlePath(url.pathname);
  const after = `${articleQuery(url)}${url.hash}`;
  const hosts = [host, ...(articleHost(`www.${host}`) === host ? [`www.${host}`] : [])];
  const paths = [...new Set([path || '/', `${path}/`])];
  return [...new Set(['https:', 'http:'].flatMap((scheme) => hosts.flatMap((h) => paths.map((p) => `${scheme}//${h}${port}${p}${after}`))))];
}
