// Which addresses the fetcher refuses, and the lookup that applies it to every DNS answer.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup, isPrivateAddress, isRefused, PrivateAddressError } from '../../src/sources/address-policy.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    '[::1]',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'febf::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    'not-an-address',
  ])('GIVEN %s THEN it is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.215.14', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.0.1', '2606:4700::1111', '2001:db8::1', 'fec0::1', '::ffff:8.8.8.8'])(
    'GIVEN %s THEN it is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('isRefused', () => {
  it('GIVEN allowPrivate THEN nothing is refused', () => {
    expect(isRefused('127.0.0.1', { allowPrivate: true })).toBe(false);
  });
  it('GIVEN an allowed private address THEN only that one passes', () => {
    const policy = { allowPrivate: false, allowedAddresses: ['127.0.0.1'] };
    expect(isRefused('127.0.0.1', policy)).toBe(false);
    expect(isRefused('127.0.0.2', policy)).toBe(true);
    expect(isRefused('8.8.8.8', policy)).toBe(false);
  });
});

/** Runs the lookup as node:net would and returns what it called back with. */
function lookUp(resolve: (host: string) => Promise<LookupAddress[]>, options: { all?: boolean; family?: number }) {
  const lookup = guardedLookup({ allowPrivate: false }, resolve);
  return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family: unknown }>((done) =>
    lookup('feeds.example', options, (error, address, family) => done({ error, address, family })),
  );
}

describe('guardedLookup', () => {
  const answer = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('GIVEN public addresses THEN the first is given, or all when asked (autoSelectFamily)', async () => {
    expect(await lookUp(answer('93.184.215.14', '2606:2800::1'), {})).toEqual({ error: null, address: '93.184.215.14', family: 4 });
    expect((await lookUp(answer('93.184.215.14', '2606:2800::1'), { all: true })).address).toHaveLength(2);
    expect(await lookUp(answer('93.184.215.14', '2606:2800::1'), { family: 6 })).toEqual({ error: null, address: '2606:2800::1', family: 6 });
  });

  it('GIVEN one private address among them THEN the name is refused, whatever family was asked for', async () => {
    const { error } = await lookUp(answer('93.184.215.14', 'fd00::5'), { family: 4 });
    expect(error).toBeInstanceOf(PrivateAddressError);
    expect(error).toMatchObject({ hostname: 'feeds.example', address: 'fd00::5' });
  });

  it('GIVEN a resolver failure THEN its error is passed on', async () => {
    const failing = async () => {
      throw Object.assign(new Error('nope'), { code: 'EAI_AGAIN' });
    };
    expect((await lookUp(failing, {})).error?.code).toBe('EAI_AGAIN');
  });
});
