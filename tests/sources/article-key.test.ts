// Which links lead to one article: its AMP copies, mobile hosts, `www.` or not, and links shared
// with click ids or campaign tags are that article; other articles and live blog posts are not.
import { describe, expect, it } from 'vitest';
import { articleAddressForms, articleKey, citedArticleKey } from '../../src/core/sources/article-key.js';

const ARTICLE = 'https://alpha.example/a1';

describe('articleKey', () => {
  it.each([
    'https://alpha.example/a1/',
    'http://alpha.example/a1',
    'https://www.alpha.example/a1',
    'https://alpha.example/a1/amp',
    'https://alpha.example/a1/amp/',
    'https://alpha.example/amp/a1',
    'https://alpha.example/a1.amp',
    'https://alpha.example/a1?amp=1',
    'https://alpha.example/a1?outputType=amp',
    'https://m.alpha.example/a1',
    'https://mobile.alpha.example/a1',
    'https://amp.alpha.example/a1',
    'https://alpha.example/a1?utm_source=twitter&fbclid=abc',
    'https://alpha.example/a1?gclid=1&mc_cid=2&mc_eid=3&igshid=4&ocid=5&at_medium=social&at_campaign=x',
    'https://alpha.example/a1#comments',
  ])('GIVEN %s THEN the article at https://alpha.example/a1', (link) => {
    expect(articleKey(link)).toBe(articleKey(ARTICLE));
  });

  it.each([
    ['another article', 'https://alpha.example/a2'],
    ['an `amp` segment inside the path', 'https://alpha.example/amp-guide/amp/a1'],
    ['a parameter naming the article', 'https://alpha.example/a1?id=4'],
    ['`m` as the site’s whole name', 'https://m.example/a1'],
    ['a country’s shared name after `m.`', 'https://m.co.uk/a1'],
  ])('GIVEN %s THEN another article', (_case, link) => {
    expect(articleKey(link)).not.toBe(articleKey(ARTICLE));
  });

  it('GIVEN a middle `amp` segment, `m` as a whole name or a country’s shared name THEN they are kept', () => {
    expect(articleKey('https://alpha.example/guides/amp/a1/amp')).toBe('alpha.example/guides/amp/a1');
    expect(articleKey('https://m.example/a1')).toBe('m.example/a1');
    expect(articleKey('https://www.m.example/a1')).toBe('m.example/a1');
    expect(articleKey('https://m.bbc.co.uk/news/1')).toBe('bbc.co.uk/news/1');
    expect(articleKey('https://m.co.uk/news/1')).toBe('m.co.uk/news/1');
    expect(articleKey('javascript:alert(1)')).toBeUndefined();
  });
});

describe('citedArticleKey', () => {
  it('GIVEN an entry’s link THEN over http or https, with or without a trailing slash or tracking, it cites the article; a live blog post keeps its fragment', () => {
    const cited = citedArticleKey('https://levant.example/2025/07/18/baku-talks?utm_source=rss');
    for (const link of ['https://levant.example/2025/07/18/baku-talks', 'http://levant.example/2025/07/18/baku-talks/', 'https://m.levant.example/2025/07/18/baku-talks/amp?fbclid=x']) {
      expect(citedArticleKey(link)).toBe(cited);
    }
    expect(citedArticleKey('https://news.example/live/123#post-456')).not.toBe(citedArticleKey('https://news.example/live/123'));
    expect(citedArticleKey('https://news.example/live/123#post-456')).toBe(citedArticleKey('https://www.news.example/live/123/#post-456'));
    expect(citedArticleKey('javascript:alert(1)')).toBeUndefined();
  });
});

describe('articleAddressForms', () => {
  it('GIVEN a link THEN every link of its article begins with one of its forms', () => {
    const forms = articleAddressForms('https://m.alpha.example/a1/amp?fbclid=abc');
    for (const link of ['https://alpha.example/a1', 'http://www.alpha.example/a1/', 'https://alpha.example/amp/a1', 'https://amp.alpha.example/a1.amp', 'https://alpha.example/a1/amp/']) {
      expect(forms).toContain(link);
    }
    expect(articleAddressForms('ftp://alpha.example/a1')).toEqual([]);
  });
});
