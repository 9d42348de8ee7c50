// Says where a JSON text stops being JSON, as "line L, column C". V8's message gives a character
// position for some errors only ("Unexpected token" has none), so the text is scanned to find it.

/** The offset of the first character that cannot continue a JSON value (the text's length at its end). */
export function syntaxErrorOffset(text: string): number {
  const literal = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  let i = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const expect = (char: string) => (text[i] === char ? (i += 1) : fail());
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[i];
      if (char === undefined || char < ' ') fail();
      i += 1;
      if (char === '"') return;
      if (char !== '\\') continue;
      if (text[i] === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)) : !'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      i += text[i] === 'u' ? 5 : 1;
    }
  };
  const members = (close: string, member: () => void) => {
    i += 1;
    space();
    if (text[i] === close) return void (i += 1);
    for (;;) {
      member();
      space();
      if (text[i] !== ',') return void expect(close);
      i += 1;
    }
  };
  const member = () => {
    space();
    string();
    space();
    expect(':');
    value();
  };
  const value = (): void => {
    space();
    if (text[i] === '{') return members('}', member);
    if (text[i] === '[') return members(']', value);
    if (text[i] === '"') return string();
    literal.lastIndex = i;
    if (!literal.exec(text)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset;
    throw error;
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** 1-based line and column of an offset; past the end means at the last character. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const at = Math.min(offset, text.trimEnd().length);
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: at - lineStart + 1 };
}

/** V8's reason without its position or its quote of the text: `Unexpected token ']'`. */
function reasonOf(error: unknown): string {
  return String((error as Error).message)
    .replace(/ (in JSON )?at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
}

/** "line 3, column 7: not valid JSON (Expected ':' after property name)". */
export function jsonSyntaxProblem(text: string, error: unknown): { line: number; column: number; message: string } {
  const { line, column } = lineAndColumn(text, syntaxErrorOffset(text));
  return { line, column, message: `line ${line}, column ${column}: not valid JSON (${reasonOf(error)})` };
}
