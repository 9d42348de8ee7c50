// Links in a view lead only to web pages: whatever a span's href says, a renderer links an http(s)
// address, as the URL parser writes it, or nothing.

/** The address as the URL parser reads it when it is http(s); undefined for anything else. */
export function webUrl(href: string): URL | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The address written out by the URL parser when it is http(s); undefined for anything else. */
export const webAddress = (href: string): string | undefined => webUrl(href)?.href;
