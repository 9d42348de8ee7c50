// Bytes to text in the charset the feed declares (byte-order mark, Content-Type, XML
// declaration), UTF-8 when it declares none or one the runtime does not know. Undecodable bytes
// become U+FFFD: a feed with a bad byte is still read.
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

function decoder(label: string | undefined): TextDecoder {
  try {
    return new TextDecoder(label ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/**
 * Bytes 0x80–0x9F in windows-1252, which the Encoding Standard also uses for the `iso-8859-1`
 * and `latin1` labels feeds declare. Node 20.18.3 and later decode them as Latin-1 C1 controls
 * (nodejs/node#60888), losing curly quotes and dashes; they are mapped back here.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const chosen = decoder(bomCharset(bytes) ?? headerCharset(contentType) ?? xmlCharset(bytes));
  const text = chosen.decode(bytes);
  if (chosen.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
