// One GET over node:http(s), through the guarded lookup, on a connection of its own: a pooled
// connection would skip the lookup (and its address check) on the next request to that host.
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface GetOptions {
  headers: Record<string, string>;
  lookup: LookupFunction;
  /** Aborts the request and its response body (the fetcher's overall deadline). */
  signal: AbortSignal;
}

/** Resolves with the response once its headers arrive; the body is left to read. */
export function get(url: URL, options: GetOptions): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const request = send(url, { headers: options.headers, lookup: options.lookup, signal: options.signal, agent: false }, resolve);
    request.on('error', reject);
  });
}
