// Which network addresses a feed may be fetched from. A feed address is typed by a user, so
// without this a source could make the bot read its own machine or network (cloud metadata at
// 169.254.169.254, an admin page on 127.0.0.1). The check runs on the resolved address at
// connect time (guardedLookup), so neither a redirect nor a DNS answer can get around it.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  // Multicast, reserved and broadcast: never a web server.
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');
PRIVATE.addSubnet('fe80::', 10, 'ipv6');
PRIVATE.addSubnet('ff00::', 8, 'ipv6');

/**
 * Whether the address is loopback, private, link-local, shared (CGNAT), unspecified or
 * multicast. BlockList checks an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) against the
 * IPv4 ranges. A text that is not an address counts as private: it cannot be vetted.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const version = isIP(bare);
  if (version === 0) return true;
  return PRIVATE.check(bare, version === 4 ? 'ipv4' : 'ipv6');
}

export interface AddressPolicy {
  /** Every address may be reached (SITREP_SOURCES_ALLOW_PRIVATE, for feeds on a private network). */
  allowPrivate: boolean;
  /** Private addresses that may be reached all the same (one known internal feed server). */
  allowedAddresses?: readonly string[];
}

export function isRefused(address: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivate || !isPrivateAddress(address)) return false;
  return !(policy.allowedAddresses ?? []).includes(address.replace(/^\[|\]$/g, ''));
}

/** Raised by the lookup when a name resolves to a refused address; carries both for the message. */
export class PrivateAddressError extends Error {
  readonly code = 'SITREP_PRIVATE_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, a private or local network address`);
  }
}

/** Resolves a host name to all its addresses: dns.lookup by default, a fixed table in tests. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * A `lookup` for node:http(s) that refuses a name if any of its addresses is refused: the
 * connection could otherwise land on any of them. Node calls it for every connection it opens
 * to a name (each request and each redirect, as Sitrep opens a new connection for each); an
 * address literal skips lookup, so fetchers check literals themselves (isRefused).
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const refused = all.find((a) => isRefused(a.address, policy));
        const addresses = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        const first = addresses[0];
        if (refused) callback(new PrivateAddressError(hostname, refused.address), '');
        else if (!first) callback(Object.assign(new Error(`No address found for ${hostname}`), { code: 'ENOTFOUND' }), '');
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
