// Search matches in plain text (the console without color, Slack's fallback text) are marked ⟦ ⟧:
// « » are quotation marks in French and Arabic, and a quoted match read `««رويترز»»`. With color,
// the console keeps its ANSI highlight.
import { describe, expect, it } from 'vitest';
import { renderView } from '../../src/adapters/slack/render-view.js';
import { renderLine } from '../../src/core/render-text.js';
import { span, type Line, type View } from '../../src/core/view.js';

const quoted: Line = [span.plain('(وفق «'), { text: 'رويترز', style: 'highlight' }, span.plain('»)')];

describe('GIVEN a search match inside « » quotation marks', () => {
  it('THEN the console without color marks it ⟦ ⟧, apart from the quotes', () => {
    expect(renderLine(quoted)).toBe('(وفق «⟦رويترز⟧»)');
  });

  it('THEN the console with color keeps its ANSI highlight', () => {
    expect(renderLine(quoted, { color: true })).toBe('(وفق «\x1b[1;33mرويترز\x1b[0m»)');
  });

  it('THEN Slack’s fallback text marks it ⟦ ⟧ too', () => {
    const view: View = { title: 'Search', tone: 'normal', sections: [{ lines: [quoted] }] };
    expect(renderView(view)[0]!.text).toContain('(وفق «⟦رويترز⟧»)');
  });
});
