// GIVEN docs/discord.md's invite WHEN its permissions integer is read THEN it is the sum of the
// permissions the page names, Send Messages in Threads among them (thread digests need it), and
// the URL asks for that same integer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/repo.js';

const page = readFileSync(join(REPO, 'docs/discord.md'), 'utf8').replace(/\s+/g, ' ');
/** Discord's permission bits, as its documentation numbers them. */
const BITS: Record<string, bigint> = {
  'View Channel': 1n << 10n,
  'Send Messages': 1n << 11n,
  'Embed Links': 1n << 14n,
  'Attach Files': 1n << 15n,
  'Send Messages in Threads': 1n << 38n,
};

describe('GIVEN the invite in docs/discord.md', () => {
  const named = [...page.matchAll(/\*\*([A-Za-z ]+)\*\* \((\d+)[,)]/g)].map(([, name, bit]) => [name!, BigInt(bit!)] as const);
  const together = BigInt(/together `(\d+)`/.exec(page)![1]!);

  it('THEN each permission it names carries Discord’s bit, and Send Messages in Threads is among them', () => {
    expect(named.map(([name]) => name)).toEqual(Object.keys(BITS));
    for (const [name, bit] of named) expect(bit).toBe(BITS[name]);
  });

  it('THEN the integer it gives, and the one in the URL, are their sum', () => {
    const sum = named.reduce((total, [, bit]) => total | bit, 0n);
    expect(together).toBe(sum);
    const urls = [...page.matchAll(/permissions=(\d+)/g)].map(([, n]) => BigInt(n!));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toBe(sum);
  });
});
