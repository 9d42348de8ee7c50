// GIVEN a text option given megabytes of text (a pasted file, an import's oversized cell) WHEN it
// is checked THEN the refusal says how long it may be, as for any text too long, and control
// characters are still refused in text of any length.
import { describe, expect, it } from 'vitest';
import type { OptionSpec } from '../../src/core/command-spec.js';
import { convertOption } from '../../src/core/option-values.js';
import { UserError } from '../../src/core/errors.js';

const summary: OptionSpec = { name: 'summary', description: 'What happened', type: 'text', maxLength: 4000 };

function refusal(raw: string): string {
  try {
    convertOption(summary, raw, 'entry add');
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('GIVEN ten million characters for a 4,000-character option', () => {
  it('THEN the refusal names the limit (no stack overflow)', () => {
    expect(refusal('B'.repeat(10_000_000))).toContain('must be at most 4000 characters');
  });
});

describe('GIVEN control characters', () => {
  it('THEN a NUL, an ESC or a lone CR is refused, and CRLF, LF and tabs are text', () => {
    for (const bad of ['a\u0000b', 'a\u001b[2Jb', 'line\rover', 'a\u0085b']) expect(refusal(bad)).toContain('text without control characters');
    expect(convertOption(summary, 'one\r\ntwo\nthree\tfour', 'entry add')).toBe('one\r\ntwo\nthree\tfour');
  });
});
