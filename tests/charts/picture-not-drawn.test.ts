// GIVEN a chart whose picture cannot be drawn WHEN a platform draws it THEN the reply says so and
// gives the picture's alt text in its place, as the reply's text does not describe the picture.
import { describe, expect, it } from 'vitest';
import { drawPicture } from '../../src/core/charts/picture.js';
import { silentLogger } from '../../src/core/logger.js';
import { lineToPlainText, plainLine, type View } from '../../src/core/view.js';

const ALT = 'Bar chart of 3 entries per week in the week starting 7 Jul 2025, stacked by event type (Talks/negotiation 3).';

describe('a picture that cannot be drawn', () => {
  it('is described in words under the reply’s own lines', async () => {
    const view: View = {
      title: 'Entries per week',
      tone: 'normal',
      intro: [plainLine('The week starting 7 Jul 2025 is not over.')],
      sections: [],
      image: { filename: 'timeline.png', width: 1200, height: 600, alt: ALT, table: [], png: () => Promise.reject(new Error('the renderer stopped')) },
    };
    const drawn = await drawPicture(view, silentLogger);
    expect(drawn.png).toBeUndefined();
    expect(drawn.view.image).toBeUndefined();
    expect((drawn.view.intro ?? []).map(lineToPlainText)).toEqual(['The week starting 7 Jul 2025 is not over.', 'The picture could not be drawn: the renderer stopped', ALT]);
  });
});
