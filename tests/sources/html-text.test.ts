// Feed HTML to plain text, and links kept only when they are http(s).
import { describe, expect, it } from 'vitest';
import { foldWhitespace, htmlToText } from '../../src/sources/html-text.js';
import { httpLink } from '../../src/sources/safe-link.js';

describe('htmlToText', () => {
  it.each([
    ['<p>Talks in <b>Baku</b></p><p>ended.</p>', 'Talks in Baku ended.'],
    ['Line one<br/>line two', 'Line one line two'],
    ['Al-Sharaa &amp; Netanyahu &mdash; &quot;no deal&quot; &#8211; &#x2014;', 'Al-Sharaa & Netanyahu — "no deal" – —'],
    ['<script>alert(1)</script>Text<style>p{}</style> here', 'Text here'],
    ['Before<!-- <p>hidden</p> -->after', 'Beforeafter'],
    ['a < b and c > d', 'a < b and c > d'],
    ['  many\n\n\tspaces  ', 'many spaces'],
    ['one\ttab, one\nbreak, one\u00a0no-break space, one space', 'one tab, one break, one no-break space, one space'],
    ['Plain text & no tags', 'Plain text & no tags'],
    ['&lt;b&gt;escaped&lt;/b&gt;', '<b>escaped</b>'],
    ['<a href="javascript:alert(1)" onclick="x()">link</a>', 'link'],
    ['Ends inside a tag <a href="x', 'Ends inside a tag'],
    ['<p>Unclosed script<script>var x = 1;', 'Unclosed script'],
    ['Bell\u0007 and escape\u001b[31m and \u202eRTL override', 'Bell and escape[31m and RTL override'],
    ['Minister calls report <fabricated>', 'Minister calls report <fabricated>'],
    ['Strikes near <Sweida> and </Daraa>', 'Strikes near <Sweida> and </Daraa>'],
    ['deaths <10, injured >3, x<y', 'deaths <10, injured >3, x<y'],
    ['<B>Bold</B> <img src="x.png" alt="map"/>caption<P CLASS="x">next', 'Bold caption next'],
    ['Word<o:p></o:p> pasted<!DOCTYPE html><?xml version="1.0"?>', 'Word pasted'],
    ['<![CDATA[Strikes near <Sweida>, <b>12</b> dead]]> today', 'Strikes near <Sweida>, 12 dead today'],
    ['Icon<svg><path d="M0 0"/><title>x</title></svg> kept', 'Icon kept'],
    ['Summary cut inside a tag <img', 'Summary cut inside a tag'],
  ])('GIVEN %j THEN %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('GIVEN hostile markup THEN it is read in one pass (no blow-up on unclosed tags)', () => {
    const started = performance.now();
    htmlToText('<script'.repeat(100_000));
    htmlToText('<!--'.repeat(100_000));
    htmlToText('<a '.repeat(100_000));
    htmlToText(`${'<script>'.repeat(50_000)}x`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('GIVEN hostile CDATA openings and bracketed words THEN they are read in one pass too', () => {
    const started = performance.now();
    htmlToText('<![CDATA['.repeat(100_000));
    htmlToText(`${'<![CDATA['.repeat(50_000)}${']]>'.repeat(50_000)}`);
    htmlToText('<Sweida'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('foldWhitespace keeps text, folds spaces and drops controls', () => {
    expect(foldWhitespace(' a\r\n b\u0000 ')).toBe('a b');
  });
});

describe('httpLink', () => {
  it.each([
    ['https://x.example/a', undefined, 'https://x.example/a'],
    ['  http://X.Example/a b  ', undefined, 'http://x.example/a%20b'],
    ['/world/a', 'https://x.example/feed.xml', 'https://x.example/world/a'],
    ['https://user:pass@x.example/a', undefined, 'https://x.example/a'],
    ['javascript:alert(1)', 'https://x.example/', undefined],
    [' \u0001javascript:alert(1)', 'https://x.example/', undefined],
    ['JaVaScRiPt:alert(1)', undefined, undefined],
    ['data:text/html,<script>alert(1)</script>', undefined, undefined],
    ['ftp://x.example/file', undefined, undefined],
    ['mailto:desk@x.example', undefined, undefined],
    ['/relative-without-base', undefined, undefined],
    [`https://x.example/${'a'.repeat(3000)}`, undefined, undefined],
    ['', undefined, undefined],
  ])('GIVEN %j (base %s) THEN %s', (raw, base, link) => {
    expect(httpLink(raw, base)).toBe(link);
  });
});

describe('htmlToText with letters whose lower case is longer', () => {
  it('GIVEN İ before a hidden element THEN the element is still dropped whole', () => {
    expect(htmlToText('İİİİ <SCRIPT>x()</SCRIPT>İstanbul talks')).toBe('İİİİ İstanbul talks');
  });
});
