// Bytes to text in the charset the feed declares (byte-order mark, Content-Type, XML
// declaration), UTF-8 when it declares none or one the runtime does not know. Undecodable bytes
// become U+FFFD: a feed with a bad byte is still read. A server often names a charset of its own
// in Content-Type for a file written in another, which the file's XML declaration names
// (`charset=UTF-8` on windows-1256 bytes, or Apache's default `ISO-8859-1` on UTF-8): when the two
// differ, bytes valid as UTF-8 are read so if either names it; else in the header's charset if
// they are text in it, else in the declaration's, and the feed is refused, naming both, if they are
// text in neither, rather than read as `����`.
import { TextDecoder } from 'node:util';

/** The charset a Content-Type names, e.g. `text/xml; charset=ISO-8859-1`. */
function headerCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
}

/** The encoding an XML declaration names, looked for in the first bytes only. */
function xmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The runtime's decoder for a label, or undefined when it knows none by that name. */
function knownDecoder(label: string, fatal = false): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

const decoder = (label: string | undefined) => (label === undefined ? undefined : knownDecoder(label)) ?? new TextDecoder('utf-8');

/**
 * Bytes 0x80–0x9F in windows-1252, which the Encoding Standard also uses for the `iso-8859-1`
 * and `latin1` labels feeds declare. Node 20.18.3 and later decode them as Latin-1 C1 controls
 * (nodejs/node#60888), losing curly quotes and dashes; they are mapped back here.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The bytes as text in the charset `chosen` decodes, undecodable bytes as U+FFFD. */
function decodeWith(chosen: TextDecoder, bytes: Uint8Array): string {
  const text = chosen.decode(bytes);
  if (chosen.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The bytes as text, or undefined when some are no text in that charset. */
function decodeStrictly(label: string, bytes: Uint8Array): string | undefined {
  const strict = knownDecoder(label, true);
  if (!strict) return undefined;
  try {
    return decodeWith(strict, bytes);
  } catch {
    return undefined;
  }
}

/** The bytes as UTF-8 when they are valid UTF-8 holding more than ASCII; undefined otherwise. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  if (!bytes.some((byte) => byte >= 0x80)) return undefined;
  return decodeStrictly('utf-8', bytes);
}

/** The bytes as text in the charset declared first (byte-order mark, Content-Type, XML declaration), undecodable bytes as U+FFFD. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  return decodeWith(decoder(bomCharset(bytes) ?? headerCharset(contentType) ?? xmlCharset(bytes)), bytes);
}

export type DecodedBody = { kind: 'ok'; text: string } | { kind: 'failed'; error: string };

/** The feed's text, as decodeBody reads it unless its Content-Type and XML declaration name different charsets (see above). */
export function decodeFeedBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  const header = headerCharset(contentType);
  const declared = xmlCharset(bytes);
  const [named, written] = [header, declared].map((label) => (label === undefined ? undefined : knownDecoder(label)?.encoding));
  // A byte-order mark settles it. A header charset the runtime does not know (`unknown-8bit`)
  // names nothing: the declaration's is read.
  if (bomCharset(bytes)) return { kind: 'ok', text: decodeBody(bytes, contentType) };
  if (!named && written) return { kind: 'ok', text: decodeWith(knownDecoder(written)!, bytes) };
  if (!named || !written || named === written) return { kind: 'ok', text: decodeBody(bytes, contentType) };
  // Bytes that are UTF-8 and not ASCII alone are UTF-8 when either names it: a single-byte
  // charset decodes any bytes, so a server's `ISO-8859-1` default would otherwise always win.
  const utf8 = named === 'utf-8' || written === 'utf-8' ? strictUtf8(bytes) : undefined;
  // Else the header's charset if the bytes are text in it, else the declaration's.
  const text = utf8 ?? decodeStrictly(named, bytes) ?? decodeStrictly(written, bytes);
  if (text !== undefined) return { kind: 'ok', text };
  return {
    kind: 'failed',
    error: `The feed's bytes are text neither in ${header}, the charset its server names (Content-Type), nor in ${declared}, the one its XML declaration names, so it was not read: its publisher has to name the charset it is written in.`,
  };
}
