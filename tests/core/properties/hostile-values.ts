// Generators of the values a user can type or a platform can deliver: plausible ones from the
// seed dossier mixed with hostile ones (quotes of every kind, colons, control characters, RTL
// text, combining marks, impossible dates, numbers out of range, oversized text).
import fc from 'fast-check';
import type { OptionSpec, RawOptionValue } from '../../../src/core/command-spec.js';

/**
 * Pieces that have broken parsers before: quotes, separators, escapes, invisible and RTL text.
 * (Not `undefined`: the promise check looks for it in replies, as the sign of a missing value.)
 */
const TRICKY_PIECES = [
  '"', "'", '“', '”', '‘', '’', '«', '»', '`', ':', '::', '\\', '\\"', ',', ', ', '#', '*', '-', '/', '<#C1|x>', '<@U1>',
  '\u0000', '\u0007', '\u001b[31m', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\u200b', '\ufeff', '\u202e', '\ud800',
  'e\u0301', 'ñ', 'שלום', 'سوريا', 'الشيباني', 'Ελλάδα', 'Москва', '👍🏽', '👨‍👩‍👧', '🇸🇾',
  '${x}', '%s', '<b>', '*bold*', '_it_', '~s~', '&amp;', '&lt;', 'OR', 'NOT', 'site:', 'none',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'null', 'NaN',
];

/** Words and values the seed dossier knows, so generated commands also reach past validation. */
const SEED_PIECES = [
  'Dermer', 'Ron Dermer', 'Barrack', 'Tom Barrack', 'Syria', 'Israel', 'sharaa', 'syria-israel', 'Paris', 'Baku',
  'talks', 'person', 'state', 'confirmed', 'reported', 'participant', 'Syria:participant', 'Israel:initiator',
  'https://example.org/story', 'AFP', 'daily 08:00', 'weekly mon 09:00', '0 8 * * 1-5', '*/5 * * * *', 'Europe/Paris',
  'EST', '+02:00', 'timeline', 'entry show', 'end, tags', 'summary', 'golan', 'Shaib*', 'a*',
];

/** Search syntax the full-text engine would read as operators if it ever reached it raw. */
const SEARCH_PIECES = ['NEAR(', 'NEAR/2', '^', '(', ')', '+', '{', '}', 'AND', 'a*b', '*a', '**', '"a" "b"', '.', 'title:', 'U.S.', 'us', 'أ', 'ى', 'ـ'];

/** Schedules and zones at the edges: never-firing dates, leap days, bad fields, odd zone names. */
const SCHEDULE_PIECES = [
  '* * * * *', '*/15 * * * *', '*/14 * * * *', '0 0 30 2 *', '0 0 31 4 *', '0 0 29 2 *', '60 * * * *', '0 24 * * *', '0 8 * * 7',
  '0 8 * * sun-sat', '0 8 * * fri-mon', '5/15 * * * *', '0 8 L * *', '@daily', '0 8 * * 1#2', '0 8 * *', '0 8 * * * *',
  'daily 24:00', 'daily 23:60', 'daily 8:00', 'daily 08:00 ', 'weekly xyz 09:00', 'weekly sun 00:00', 'monthly 1 08:00',
  'UTC', 'Etc/GMT+5', 'Etc/GMT-14', 'europe/PARIS', 'America/Argentina/Buenos_Aires', 'Mars/Olympus', 'GMT', 'Z', 'utc+1', 'Antarctica/Troll', 'Asia/Kathmandu',
];

const NUMBER_TEXTS = [
  '0', '1', '3', '#3', ' 3 ', '-1', '-0', '25', '26', '100000', '100001', '3.5', '1e3', '0x10', '١٢', '9007199254740991',
  '9007199254740992', '99999999999999999999999', 'NaN', 'Infinity', '-Infinity', '', ' ', '#', '--1',
];

const DATE_TEXTS = [
  '2025', '2025-07', '2025-07-12', '2024-02-29', '2025-02-29', '2025-02-30', '2025-13', '2025-00', '2025-07-00', '2025-7-5',
  '0000', '0001', '0001-01-01', '9999-12-31', '99999-01', '10000', '-2025', '2025-07-12T10:00', 'Jul 2025', '12 Jul 2025',
  '31 Sept 2025', '30 Feb 2025', 'sept 2025', '0 Jul 2025', '99 Jul 2025', 'Foo 2025', '12 jul. 2025', '2025/07/12',
];

export const trickyPiece = fc.constantFrom(...TRICKY_PIECES);
export const seedPiece = fc.constantFrom(...SEED_PIECES, ...SEARCH_PIECES, ...SCHEDULE_PIECES);

/** Text glued from tricky pieces, seed words and arbitrary characters of any script. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(trickyPiece, seedPiece, fc.string({ unit: 'grapheme', maxLength: 3 })), maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: seedPiece },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBER_TEXTS, ...DATE_TEXTS) },
  // Oversized: past every option's length limit, and long enough to be echoed badly.
  { weight: 1, arbitrary: fc.tuple(fc.oneof(trickyPiece, seedPiece, fc.constant('x')), fc.integer({ min: 20, max: 2500 })).map(([piece, n]) => piece.repeat(n)) },
);

/** Numbers a forged or buggy request could carry, including the non-finite ones. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 30 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1.5, 1e21, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER),
);

/** Any raw value a platform could deliver for an option, whatever the option's type. */
export const anyRawValue: fc.Arbitrary<RawOptionValue> = fc.oneof(hostileText, hostileNumber, fc.boolean());

/** A value of the option's own kind, as typed: often valid, sometimes just out of range. */
export function plausibleValueFor(option: OptionSpec): fc.Arbitrary<string> {
  switch (option.type) {
    case 'integer':
      return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom(...NUMBER_TEXTS) });
    case 'date':
      return fc.oneof(
        fc.constantFrom(...DATE_TEXTS),
        fc.tuple(fc.integer({ min: 0, max: 12000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 32 })).map(([y, m, d]) => `${y}-${m}-${d}`),
      );
    case 'boolean':
      return fc.constantFrom('true', 'false', 'yes', 'no', 'TRUE', ' yes ', '1', '0', 'on');
    case 'choice':
      return fc.constantFrom(...(option.choices ?? []).flatMap((c) => [c.value, c.label, c.label.toUpperCase()]), 'unknown');
    default:
      return option.example ? fc.oneof(seedPiece, fc.constant(option.example.replace(/^"|"$/g, ''))) : seedPiece;
  }
}

/** Text a user could type for this option: mostly its own kind of value, sometimes anything. */
export function typedValueFor(option: OptionSpec): fc.Arbitrary<string> {
  return fc.oneof({ weight: 2, arbitrary: plausibleValueFor(option) }, { weight: 1, arbitrary: hostileText });
}

/** What a platform could deliver for this option: its own kind of value, or any type at all. */
export function deliveredValueFor(option: OptionSpec): fc.Arbitrary<RawOptionValue> {
  const ownKind: fc.Arbitrary<RawOptionValue> =
    option.type === 'integer'
      ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: hostileNumber })
      : option.type === 'boolean'
        ? fc.boolean()
        : typedValueFor(option);
  return fc.oneof({ weight: 2, arbitrary: ownKind }, { weight: 1, arbitrary: anyRawValue });
}
