// Retry-After and charset decoding, as servers send them.
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/sources/decode-body.js';
import { retryAfterMs } from '../../src/sources/retry-after.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2025-10-01T12:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 01 Oct 2025 12:01:30 GMT', 90_000],
    ['Wed, 01 Oct 2025 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('GIVEN %j THEN %s ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });
});

describe('decodeBody', () => {
  it('GIVEN UTF-8 with bad bytes THEN they become U+FFFD', () => {
    expect(decodeBody(Buffer.from([0x61, 0xff, 0x62, 0xc3]), 'text/xml; charset=utf-8')).toBe('a\uFFFDb\uFFFD');
  });
  it('GIVEN a charset in Content-Type THEN it is used', () => {
    expect(decodeBody(Buffer.from('caf\xe9', 'latin1'), 'application/xml; charset="ISO-8859-1"')).toBe('café');
  });
  it('GIVEN an encoding in the XML declaration only THEN it is used', () => {
    expect(decodeBody(Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a>\x93q\x94</a>', 'latin1'), 'application/xml')).toContain('“q”');
  });
  it('GIVEN a byte-order mark THEN it wins and is dropped', () => {
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e]), 'text/xml; charset=iso-8859-1')).toBe('<a>');
    expect(decodeBody(Buffer.from('\ufeff<a>', 'utf16le'), undefined)).toBe('<a>');
  });
  it('GIVEN a charset the runtime does not know THEN UTF-8 is used', () => {
    expect(decodeBody(Buffer.from('é'), 'text/xml; charset=x-made-up')).toBe('é');
  });
});

describe('decodeBody for windows-1252 and the labels that mean it', () => {
  it.each(['windows-1252', 'iso-8859-1', 'latin1'])('GIVEN %s THEN 0x80–0x9F are the Encoding Standard characters', (label) => {
    expect(decodeBody(Buffer.from([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9f, 0xe9]), `text/xml; charset=${label}`)).toBe('€‘’“”–—Ÿé');
  });
});
