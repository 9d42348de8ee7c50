// The text of an import file read as UTF-8, or why it cannot be: a file another program saved
// (a workbook, a PDF, an archive), or text in another encoding, named so the operator can save it
// again as UTF-8.
import { windows1252Char as byteAsWindows1252 } from './mojibake.js';
import { ImportFileError } from './source-row.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Files saved by other programs, known by their first bytes, and what to do instead. */
const OTHER_FILES: readonly { magic: number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive, as an Excel workbook (.xlsx) or an OpenDocument sheet (.ods) is: in the spreadsheet, save it as "CSV UTF-8" and import that file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls): in the spreadsheet, save it as "CSV UTF-8" and import that file' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document: Sitrep imports CSV, JSON, NDJSON and dossier bundles' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive: unpack it first (gunzip FILE), then import what it holds' },
];

/** UTF-16 text of the Latin script has a NUL in every other byte of its start. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 64);
  let nuls = 0;
  for (let i = 0; i < start.length; i++) if (start[i] === 0) nuls += 1;
  return start.length >= 4 && nuls * 2 >= start.length - 2;
}

/** A byte as Windows-1252 reads it, or its number where that is a control character. */
function shownChar(byte: number): string {
  const char = byteAsWindows1252(byte);
  return /[\u0080-\u009f]/.test(char) ? `byte 0x${byte.toString(16)}` : `\`${char}\``;
}

/**
 * Where a file that is not UTF-8 holds its first character of another encoding, when the file reads
 * as Windows-1252 (Latin-1's superset), as Excel's "CSV (Comma delimited)" saves it: no control
 * character but tab and line ends. Undefined when it does not (a binary file).
 */
function windows1252Char(bytes: Buffer): { line: number; char: string } | undefined {
  let line = 1;
  let found: { line: number; char: string } | undefined;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte === 0x0a) line += 1;
    else if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0d) || byte === 0x7f) return undefined;
    else if (byte >= 0x80) {
      // A character UTF-8 reads is passed over: the one named is one it cannot read.
      const length = utf8Length(bytes, i);
      if (length > 0) i += length - 1;
      else found ??= { line, char: shownChar(byte) };
    }
  }
  return found;
}

/** The length of the UTF-8 sequence starting at `i`, or 0 where none does. */
function utf8Length(bytes: Buffer, i: number): number {
  const lead = bytes[i]!;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  for (let k = 1; k < length; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

/** The file's text; throws an ImportFileError for one that is not UTF-8 (UTF-16, as Excel saves "Unicode text", has NUL bytes). */
export function utf8Text(bytes: Buffer): string {
  const other = OTHER_FILES.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte));
  if (other) throw new ImportFileError(`the file is ${other.what}`);
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let text: string | undefined;
  try {
    text = bom16 ? undefined : UTF8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.includes('\u0000')) {
    const legacy = bom16 ? undefined : windows1252Char(bytes);
    if (legacy) {
      throw new ImportFileError(
        `the file is not UTF-8 text (it looks like Windows-1252 or Latin-1, as Excel's "CSV (Comma delimited)" saves it: ${legacy.char} on line ${legacy.line} is in that encoding): save it as UTF-8 (in Excel: "CSV UTF-8"; in LibreOffice: character set "Unicode (UTF-8)"), then import it again`,
      );
    }
    if (!bom16 && !looksLikeUtf16(bytes)) throw new ImportFileError('the file is not text (it holds bytes no text file has): import a CSV, JSON, NDJSON or bundle file');
    throw new ImportFileError('the file is not UTF-8 text (it looks like UTF-16): save it as UTF-8 (in Excel: "CSV UTF-8"), then import it again');
  }
  return text;
}
