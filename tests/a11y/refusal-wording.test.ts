// GIVEN a refused command, WHEN the console prints the answer THEN it opens with the refusal's
// words alone, "Cannot do that", as Slack and Discord show it: no "heavy multiplication x" first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const reader: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app?.dispose());

describe('GIVEN a refused command on the console', () => {
  it('WHEN its answer is printed THEN the first line is the refusal title alone', async () => {
    const said = viewText(await app.dispatcher.runText('/timeline since:notadate', reader));
    expect(said.split('\n')[0]).toBe('Cannot do that');
  });
});
