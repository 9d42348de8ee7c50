// Finds UTF-8 text that a program read as Windows-1252 and saved again as UTF-8 (Excel opening a
// CSV without a byte order mark, then "CSV UTF-8"): `–` comes back as `â€“`, `’` as `â€™`, `é` as
// `Ã©`, `ا` as `Ø§`. Each such run is the bytes of one UTF-8 character, each byte shown as its
// Windows-1252 character; taken back to those bytes it reads as that one character again. Text
// written so on purpose is next to unknown, so one run is enough to tell; but for two characters
// whose second is a closing quote, a dash or an ellipsis (`ß“` in „Fuß“, `É»`), which real text
// has after a capital or ß, unless the first is `Ã` or `Â`, which garbling makes most and words
// next to never end on.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes 0x80–0x9F as Windows-1252 shows them; 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which it leaves
 * unassigned, as the C1 controls Excel keeps them as. Written out: Node 20's TextDecoder reads
 * windows-1252 as Latin-1, which has C1 controls throughout. From 0xA0 on, both are Latin-1.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** A byte from 0x80 on as Windows-1252 shows it (the C1 control for the five it leaves unassigned). */
export const windows1252Char = (byte: number): string => (byte < 0xa0 ? WINDOWS_1252_80_9F[byte - 0x80]! : String.fromCharCode(byte));

/** Each byte from `from` to `to` as Windows-1252 shows it. */
const charsOf = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => windows1252Char(from + i));

const CONTINUATION = charsOf(0x80, 0xbf);
const byteOf = new Map([...charsOf(0x80, 0xff)].map((char, i) => [char, 0x80 + i] as const));

const escaped = (chars: string[]) => chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const ANY_CONTINUATION = `[${escaped(CONTINUATION)}]`;
/** A lead byte of a two, three or four byte UTF-8 sequence followed by as many continuation bytes, all as Windows-1252 characters. */
const GARBLED_RUN = new RegExp(
  [`[${escaped(charsOf(0xc2, 0xdf))}]${ANY_CONTINUATION}`, `[${escaped(charsOf(0xe0, 0xef))}]${ANY_CONTINUATION}{2}`, `[${escaped(charsOf(0xf0, 0xf4))}]${ANY_CONTINUATION}{3}`].join('|'),
  'g',
);

/** What follows the last letter of a word: a two-character run ending so is a word, unless it starts with `Ã` or `Â`. */
const AFTER_A_WORD = new Set(['‚', '„', '…', '‘', '’', '“', '”', '–', '—', '›', '»', '\u00a0']);
const GARBLING_LEADS = new Set(['Ã', 'Â']);

/** The character a garbled run stands for, or undefined when it is no UTF-8 character, or may be real text. */
function meantChar(run: string): string | undefined {
  const chars = [...run];
  if (chars.length === 2 && AFTER_A_WORD.has(chars[1]!) && !GARBLING_LEADS.has(chars[0]!)) return undefined;
  try {
    return UTF8.decode(Uint8Array.from(chars.map((char) => byteOf.get(char)!)));
  } catch {
    return undefined;
  }
}

export interface Garbling {
  /** The first run shown without control characters (else the first run), as the file has it: `â€“`. */
  garbled: string;
  /** What it stands for: `–`. */
  meant: string;
  line: number;
  /** How many lines hold a garbled run. */
  lines: number;
}

const HAS_CONTROL = /[\u0080-\u009f]/;

/** Where the text shows UTF-8 read as Windows-1252 and saved again, or undefined when it does not. */
export function findGarbling(text: string): Garbling | undefined {
  let shown: Omit<Garbling, 'lines'> | undefined;
  const lines = new Set<number>();
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(GARBLED_RUN)) {
    const meant = meantChar(match[0]);
    if (meant === undefined) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line += 1;
    counted = match.index;
    lines.add(line);
    if (!shown || (HAS_CONTROL.test(shown.garbled) && !HAS_CONTROL.test(match[0]))) shown = { garbled: match[0], meant, line };
  }
  return shown && { ...shown, lines: lines.size };
}
