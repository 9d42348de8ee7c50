// GIVEN a scheduled digest whose card could not be drawn, posted on Slack with the card's alt
// text in its place WHEN an entry it shows is corrected THEN the updated message shows no picture
// and still says the alt text in its place, and does not claim the picture counts the entries as
// first posted.
import { describe, it, vi } from 'vitest';
import { correctedSlackCard, expectPictureLeftOutKept } from '../support/slack-digest-card.js';
import { cleanupEachTest } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

describe('GIVEN a scheduled digest whose card could not be drawn, on the fake Slack', () => {
  it('WHEN an entry it shows is corrected THEN the update shows no picture and keeps the alt text said in its place', async () => {
    const card = await correctedSlackCard(cleanup, ({ h }) => vi.spyOn(h.app.services.charts.renderer, 'render').mockRejectedValue(new Error('the renderer stopped')));
    expectPictureLeftOutKept(card, 'The picture could not be drawn: the renderer stopped');
  });
});
