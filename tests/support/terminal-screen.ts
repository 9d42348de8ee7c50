// A small terminal for tests: applies what the console writes (text, line breaks, and the cursor
// and erase sequences readline uses) to a grid, so a test can assert what a person would see on
// screen rather than the bytes that drew it.

/** ANSI/DEC control sequences, for reading the output as text. */
export const CONTROL_SEQUENCE = /\x1b(?:\[[0-9;?]*[A-Za-z]|[78])/g;

export class TerminalScreen {
  private rows: string[][] = [[]];
  private row = 0;
  private col = 0;
  private saved = { row: 0, col: 0 };

  constructor(private readonly columns: number) {}

  write(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      if (ch === '\x1b') {
        i = this.escape(text, i);
      } else if (ch === '\r') {
        this.col = 0;
      } else if (ch === '\n') {
        // A terminal's line discipline turns \n into \r\n (ONLCR).
        this.moveTo(this.row + 1, 0);
      } else {
        if (this.col >= this.columns) this.moveTo(this.row + 1, 0);
        const line = this.line(this.row);
        while (line.length < this.col) line.push(' ');
        line[this.col] = ch;
        this.col += 1;
      }
    }
  }

  /** Every row, trailing blanks trimmed, without the empty rows at the bottom. */
  lines(): string[] {
    const lines = this.rows.map((r) => r.join('').trimEnd());
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  /** The row the cursor is on. */
  cursorLine(): string {
    return (this.rows[this.row] ?? []).join('').trimEnd();
  }

  /** The cursor's column, from 0. */
  cursorColumn(): number {
    return this.col;
  }

  private line(row: number): string[] {
    while (this.rows.length <= row) this.rows.push([]);
    return this.rows[row]!;
  }

  private moveTo(row: number, col: number): void {
    this.row = Math.max(0, row);
    this.col = Math.max(0, col);
    this.line(this.row);
  }

  /** Applies the sequence starting at `start`; returns the index of its last character. */
  private escape(text: string, start: number): number {
    const next = text[start + 1];
    if (next === '7') {
      this.saved = { row: this.row, col: this.col };
      return start + 1;
    }
    if (next === '8') {
      this.moveTo(this.saved.row, this.saved.col);
      return start + 1;
    }
    const match = /^\[([0-9;?]*)([A-Za-z])/.exec(text.slice(start + 1));
    if (!match) return start;
    const n = Number(match[1] || 0);
    switch (match[2]) {
      case 'G':
        this.col = Math.max(0, (n || 1) - 1);
        break;
      case 'A':
        this.moveTo(this.row - (n || 1), this.col);
        break;
      case 'B':
        this.moveTo(this.row + (n || 1), this.col);
        break;
      case 'C':
        this.col += n || 1;
        break;
      case 'D':
        this.col = Math.max(0, this.col - (n || 1));
        break;
      case 'J': // from the cursor to the end of the screen
        this.rows[this.row] = this.line(this.row).slice(0, this.col);
        this.rows.length = this.row + 1;
        break;
      case 'K':
        if (n === 0) this.rows[this.row] = this.line(this.row).slice(0, this.col);
        else if (n === 1) this.rows[this.row] = [...' '.repeat(this.col), ...this.line(this.row).slice(this.col)];
        else if (n === 2) this.rows[this.row] = [];
        break;
      default: // colours and modes change nothing on the grid
    }
    return start + match[0].length;
  }
}
