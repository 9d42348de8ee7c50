// A bundle file read a line at a time, never whole: a 40,000-entry bundle is some 70 MB of text,
// which held as one string (twice that in memory) and parsed at once cost several hundred MB. The
// bundle is read through once to check it and again to load it; each line is found again by where
// it lies in the file. The file is held open from the first read to the last, and refused should
// it change in between, so that what is loaded is what was checked.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { ImportFileError } from './source-row.js';
import { utf8Text } from './utf8-text.js';

/** A line of the file: its number, its text, and where its bytes lie. */
export interface FileLine {
  line: number;
  text: string;
  offset: number;
  length: number;
}

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export class BundleLines {
  private fd: number | undefined;
  private stamp = '';

  constructor(readonly path: string) {}

  /** Opens the file, noting its size and time of change; throws as readFileSync does when it cannot be read. */
  open(): void {
    this.fd = openSync(this.path, 'r');
    this.stamp = this.stampNow();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Each line from the first, `\n` ending it (a `\r` before it stays, as JSON reads it). */
  *lines(): Generator<FileLine> {
    const fd = this.opened();
    let carried = Buffer.alloc(0);
    let start = 0;
    let line = 1;
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (let position = 0; ; ) {
      const read = readSync(fd, chunk, 0, CHUNK, position);
      position += read;
      // Bytes of a line not ended yet are carried into the next chunk.
      let bytes = carried.length > 0 ? Buffer.concat([carried, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let from = 0;
      for (let end = bytes.indexOf(NEWLINE, from); end !== -1; end = bytes.indexOf(NEWLINE, from)) {
        yield { line, text: this.decoded(bytes.subarray(from, end), line), offset: start, length: end - from };
        start += end - from + 1;
        from = end + 1;
        line += 1;
      }
      if (read === 0) {
        if (from < bytes.length) yield { line, text: this.decoded(bytes.subarray(from), line), offset: start, length: bytes.length - from };
        return;
      }
      bytes = bytes.subarray(from);
      carried = Buffer.from(bytes);
    }
  }

  /** The text of a line read before, read again from where it lies. */
  textAt({ line, offset, length }: Omit<FileLine, 'text'>): string {
    const bytes = Buffer.allocUnsafe(length);
    const read = readSync(this.opened(), bytes, 0, length, offset);
    if (read !== length) throw this.changed();
    return this.decoded(bytes, line);
  }

  /** Refuses the file if it was written to since it was opened (checked, then changed before it is loaded). */
  assertUnchanged(): void {
    if (this.stampNow() !== this.stamp) throw this.changed();
  }

  private changed(): ImportFileError {
    return new ImportFileError('the file changed while it was imported: import it again once nothing writes to it');
  }

  private opened(): number {
    if (this.fd === undefined) throw new Error(`${this.path} is not open`);
    return this.fd;
  }

  private stampNow(): string {
    const { size, mtimeMs } = fstatSync(this.opened());
    return `${size}@${mtimeMs}`;
  }

  /** A line's text; a byte UTF-8 cannot read is named as a whole file's reading names it (utf8-text). */
  private decoded(bytes: Buffer, line: number): string {
    let text: string | undefined;
    try {
      text = UTF8.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined && !text.includes('\u0000')) return line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
    // Only a file that is not UTF-8 text is read whole, to say what it is instead.
    utf8Text(readFileSync(this.path));
    throw new ImportFileError(`line ${line} is not UTF-8 text: save the file as UTF-8, then import it again`);
  }
}
