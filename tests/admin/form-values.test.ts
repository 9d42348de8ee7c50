import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1' };
const reader: Caller = { platform: 'slack', userId: 'U2' };
beforeEach(() => {
  app = createTestApp('slack:U1');
});
afterEach(() => app.dispose());

describe('GIVEN a form that edits an entry', () => {
  it('THEN it starts from the entry’s current values, written as options', () => {
    const values = app.dispatcher.formValues({ command: 'entry', subcommand: 'edit', args: { id: '15' }, caller: admin });
    expect(values).toMatchObject({
      title: 'US-mediated Syria–Israel talks in Paris',
      date: '2025-07',
      type: 'talks',
      topic: 'syria-israel',
      places: 'Paris, France',
      outlet: 'Syrian state television',
      attribution: 'Syrian diplomatic source, to state television',
      published: '2025-07-26',
      confidence: 'confirmed',
    });
    expect(values!.actors).toContain('Tom Barrack:mediator');
  });

  it('WHEN submitted unchanged THEN nothing changes: the values are exactly the entry', async () => {
    for (const id of ['1', '7', '12', '15']) {
      const values = app.dispatcher.formValues({ command: 'entry', subcommand: 'edit', args: { id }, caller: admin })!;
      const view = await app.dispatcher.run({ command: 'entry', subcommand: 'edit', args: { id, ...values }, caller: admin });
      expect(viewText(view)).toContain('Nothing to change');
    }
  });

  it('THEN callers without rights, unknown entries and commands without forms get none', () => {
    expect(app.dispatcher.formValues({ command: 'entry', subcommand: 'edit', args: { id: '15' }, caller: reader })).toBeUndefined();
    expect(app.dispatcher.formValues({ command: 'entry', subcommand: 'edit', args: { id: '999' }, caller: admin })).toBeUndefined();
    expect(app.dispatcher.formValues({ command: 'entry', subcommand: 'show', args: { id: '15' }, caller: admin })).toBeUndefined();
  });
});
