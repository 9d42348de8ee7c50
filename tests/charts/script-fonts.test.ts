// Names in every script a dossier holds are drawn with letters, not the empty boxes a font
// without them leaves: the same count of code points no font has (private use) draws those boxes.
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY } from '../../src/charts/fonts.js';
import { loadSvgToPng } from '../../src/charts/svg-png.js';

const svg = (text: string, weight: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="10" y="40" font-family="${FONT_FAMILY}" font-weight="${weight}" font-size="28">${text}</text></svg>`;

const NO_GLYPHS = (count: number) => '\u{E000}'.repeat(count);

describe.each([
  ['Hebrew', 'בנימין'],
  ['Arabic', 'دمشق'],
  ['Latin with accents', 'Soueïda'],
])('GIVEN a name in %s', (_script, name) => {
  it.each([400, 700])('WHEN drawn at weight %i THEN its letters are drawn, not missing-glyph boxes', async (weight) => {
    const { toPng } = await loadSvgToPng();
    const drawn = Buffer.from(toPng(svg(name, weight), 400));
    const boxes = Buffer.from(toPng(svg(NO_GLYPHS([...name].length), weight), 400));
    expect(drawn.equals(boxes)).toBe(false);
  });
});
