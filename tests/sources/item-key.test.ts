// Which feed items are the same item seen again.
import { describe, expect, it } from 'vitest';
import { canonicalLink, itemKey } from '../../src/core/sources/item-key.js';

describe('canonicalLink', () => {
  it.each([
    ['https://WWW.LevantWire.example/syria/baku-talks/', 'www.levantwire.example/syria/baku-talks'],
    ['http://www.levantwire.example/syria/baku-talks', 'www.levantwire.example/syria/baku-talks'],
    ['https://x.example/a/?utm_source=rss&utm_medium=feed&id=7#comments', 'x.example/a?id=7'],
    ['https://x.example/a?UTM_Campaign=x', 'x.example/a'],
    ['https://x.example/', 'x.example'],
    ['https://x.example', 'x.example'],
    ['https://x.example:443/a//', 'x.example/a'],
    ['https://x.example:8443/a', 'x.example:8443/a'],
    ['https://x.example/A/B', 'x.example/A/B'],
  ])('GIVEN %s THEN %s', (link, canonical) => {
    expect(canonicalLink(link)).toBe(canonical);
  });

  it.each(['javascript:alert(1)', 'not a link', 'ftp://x.example/a'])('GIVEN %s THEN none', (link) => {
    expect(canonicalLink(link)).toBeUndefined();
  });
});

describe('itemKey', () => {
  const published = new Date('2025-07-12T14:05:00Z');

  it('GIVEN a guid THEN the guid, whatever the link says', () => {
    expect(itemKey({ guid: 'levantwire-48213', link: 'https://x.example/a', title: 'T' })).toBe('guid:levantwire-48213');
  });

  it('GIVEN no guid THEN the canonical link: the same article with tracking and a fragment is the same item', () => {
    const a = itemKey({ link: 'https://x.example/a/?utm_source=rss#top', title: 'Talks in Baku' });
    const b = itemKey({ link: 'http://X.example/a', title: 'Talks held in Baku (updated)' });
    expect(a).toBe('link:x.example/a');
    expect(b).toBe(a);
  });

  it('GIVEN neither guid nor link THEN a hash of the folded title and date', () => {
    const key = itemKey({ title: 'Talks in Baku', published });
    expect(key).toMatch(/^title:[0-9a-f]{32}$/);
    expect(itemKey({ title: '  TALKS in Bakú! ', published })).toBe(key);
    expect(itemKey({ title: 'Talks in Baku', published: new Date('2025-07-13T14:05:00Z') })).not.toBe(key);
    expect(itemKey({ title: 'Talks in Paris', published })).not.toBe(key);
    expect(itemKey({ title: 'Talks in Baku' })).not.toBe(key);
  });

  it('GIVEN a blank guid or a link that is not http(s) THEN the next rule applies', () => {
    expect(itemKey({ guid: '  ', link: 'https://x.example/a', title: 'T' })).toBe('link:x.example/a');
    expect(itemKey({ link: 'javascript:void(0)', title: 'T' })).toMatch(/^title:/);
  });
});
