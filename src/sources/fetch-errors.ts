// What went wrong with a fetch, as one sentence a person can act on, and whether retrying
// could help. Node reports failures as error codes; users need the host and the remedy.
import type { FetchOutcome } from '../core/sources/feed-port.js';
import { PrivateAddressError } from './address-policy.js';

export type Failure = Extract<FetchOutcome, { kind: 'failed' }>;

export const failure = (error: string, permanent = false, retryAfterMs?: number): Failure =>
  retryAfterMs === undefined ? { kind: 'failed', error, permanent } : { kind: 'failed', error, permanent, retryAfterMs };

/** `15 s`, `0.2 s`, `1.5 s`. */
export const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

export const timedOut = (timeoutMs: number) => failure(`The server did not answer within ${seconds(timeoutMs)}.`);

export const privateAddress = (host: string, address: string) =>
  failure(
    host === address
      ? `${address} is a private or local network address, which Sitrep does not read feeds from; use the feed's public address.`
      : `${host} resolves to ${address}, a private or local network address, which Sitrep does not read feeds from; use the feed's public address.`,
    true,
  );

const TLS_CODES = /^(?:CERT_|ERR_TLS_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(?:GET|VERIFY)|ERR_SSL_|EPROTO)/;

/** A failure for an error thrown while connecting, requesting or reading. */
export function networkFailure(error: unknown, host: string): Failure {
  if (error instanceof PrivateAddressError) return privateAddress(error.hostname, error.address);
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOTFOUND':
      return failure(`No server named ${host} was found; check the address.`);
    case 'EAI_AGAIN':
      return failure(`The name ${host} could not be looked up just now (a DNS failure).`);
    case 'ECONNREFUSED':
      return failure(`The server at ${host} refused the connection.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return failure(`The server at ${host} closed the connection before the feed was read.`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return failure(`The server at ${host} could not be reached.`);
  }
  // zlib's codes start Z_; brotli's name the format error (ERR__ERROR_FORMAT_…).
  if (typeof code === 'string' && /^(?:Z_|ERR__ERROR_)/.test(code)) {
    return failure(`The server at ${host} sent a compressed feed that could not be decompressed.`);
  }
  if (typeof code === 'string' && TLS_CODES.test(code)) {
    return failure(`The secure connection to ${host} failed (${code}); the server's certificate may be invalid or expired.`);
  }
  if (typeof code === 'string' && code.startsWith('HPE_')) return failure(`The server at ${host} sent a response that is not valid HTTP.`);
  const detail = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return failure(`The feed at ${host} could not be fetched (${detail}).`);
}

/** A failure for an HTTP status that is neither success, redirect nor 304. */
export function statusFailure(status: number, retryAfterMs: number | undefined): Failure {
  switch (status) {
    case 404:
      // A site being deployed or moved answers so for a while: retried, and paused after the usual failures in a row.
      return failure('The server says there is no feed at this address (HTTP 404); check the address.', false);
    case 410:
      return failure('The server says this feed has been removed for good (HTTP 410).', true);
    case 429:
      return failure('The server is limiting how often it may be asked (HTTP 429).', false, retryAfterMs);
    case 503:
      return failure('The server is unavailable for now (HTTP 503).', false, retryAfterMs);
    case 401:
    case 403:
      return failure(`The server refused to give Sitrep the feed (HTTP ${status}); it may need a login Sitrep does not have.`);
  }
  if (status >= 500) return failure(`The server failed with an error (HTTP ${status}).`);
  return failure(`The server refused the request (HTTP ${status}).`);
}
