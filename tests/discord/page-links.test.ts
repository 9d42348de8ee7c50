// GIVEN a page to name in a button, THEN the custom_id says it in at most 100 characters and
// reads back the same; what does not fit is refused (the session takes over), and ids that
// were not written by pageLinkId never parse into something to run.
import { describe, expect, it } from 'vitest';
import { pageLinkId, parsePageLinkId, type PageLink } from '../../src/adapters/discord/page-links.js';
import { isReadOnlyInvocation } from '../../src/core/registry.js';
import type { CommandSpec } from '../../src/core/command-spec.js';
import { CommandRegistry } from '../../src/core/registry.js';

const owner = '123456789012345678';
const link = (args: PageLink['invocation']['args'], part: PageLink['part'] = 0, subcommand?: string): PageLink => ({
  ownerId: owner,
  part,
  invocation: { command: 'search', ...(subcommand ? { subcommand } : {}), args },
});

describe('page links', () => {
  it('round-trip text in any script, numbers, booleans, subcommands and the last part', () => {
    for (const page of [
      link({ query: 'Barrack & Dermer: 100% "talks"', page: 2 }),
      link({ query: 'الشرع دمشق', strict: false }, 'last'),
      link({ kind: 'person', page: 3 }, 4, 'list'),
      link({}),
    ]) {
      const id = pageLinkId(page)!;
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parsePageLinkId(id)).toEqual({ kind: 'link', link: page });
    }
  });

  it('refuse what does not fit in 100 characters', () => {
    expect(pageLinkId(link({ query: 'x'.repeat(55), page: 2 }))).toHaveLength(100);
    expect(pageLinkId(link({ query: 'x'.repeat(56), page: 2 }))).toBeUndefined();
  });

  it('read ids that were not written by us as malformed, and other ids as not ours', () => {
    for (const forged of [
      `pg1:${owner}:0:search:page#1e3`,
      `pg1:${owner}:0:search:page#2&page#3`,
      `pg1:${owner}:0:search:query=%41`,
      `pg1:${owner}:0:search:flag!yes`,
      `pg1:${owner}:0:Search:`,
      `pg1:${owner}:9999:search:`,
      `pg1:me:0:search:`,
      `pg1:${owner}:0:search:${'q=x&'.repeat(30)}`,
      'pg2:anything',
    ]) {
      expect(parsePageLinkId(forged), forged).toEqual({ kind: 'malformed' });
    }
    expect(parsePageLinkId('sitrep:pg:abc:1:n')).toBeUndefined();
    expect(parsePageLinkId('sitrep:form:abc')).toBeUndefined();
  });

  it('keep a __proto__ name as a plain option rather than changing the object', () => {
    const parsed = parsePageLinkId(`pg1:${owner}:0:search:__proto__=x`);
    expect(parsed?.kind).toBe('link');
    const args = parsed?.kind === 'link' ? parsed.link.invocation.args : {};
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.keys(args)).toEqual(['__proto__']);
  });
});

describe('the invocations a page link may run again', () => {
  const run = () => ({ title: 'x', tone: 'normal' as const, sections: [] });
  const registry = new CommandRegistry([
    { name: 'reports', description: 'Reads', readOnly: true, run },
    { name: 'stamp', description: 'Writes, and is not admin-only: nothing says it reads', run },
    { name: 'vault', description: 'Admin', subcommands: [{ name: 'open', description: 'Admin, marked read-only by mistake', adminOnly: true, readOnly: true, run }] },
  ] satisfies CommandSpec[]);

  it('are the commands marked read-only, never one that merely is not admin-only, never an admin one', () => {
    expect(isReadOnlyInvocation(registry, { command: 'reports' })).toBe(true);
    expect(isReadOnlyInvocation(registry, { command: 'stamp' })).toBe(false);
    expect(isReadOnlyInvocation(registry, { command: 'vault', subcommand: 'open' })).toBe(false);
    expect(isReadOnlyInvocation(registry, { command: 'missing' })).toBe(false);
  });
});
