// GIVEN /help for /sources add WHEN it describes url THEN it says what is accepted: an https:// or
// an http:// address, as /sources add takes both.
import { afterAll, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());

it('WHEN /help sources add is read THEN url is said to start with https:// or http://', async () => {
  const help = viewText(await app.dispatcher.runText('/help sources add', { platform: 'memory', userId: 'reader' }));
  expect(help).toContain('starting with https:// or http://');
});
