import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { leaves } from '../../src/core/help.js';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';
import { ADMIN_COMMANDS, prepareForAdminCommands } from '../support/admin-commands.js';

const callers: Record<string, { caller: Caller; admin: boolean }> = {
  'discord admin by user id': { caller: { platform: 'discord', userId: '111', roleIds: [], workspaceId: 'g' }, admin: true },
  'discord admin by role': { caller: { platform: 'discord', userId: '999', roleIds: ['555', '222'], workspaceId: 'g' }, admin: true },
  'discord non-admin': { caller: { platform: 'discord', userId: '999', roleIds: ['555'], workspaceId: 'g' }, admin: false },
  'slack admin by user id': { caller: { platform: 'slack', userId: 'U1', workspaceId: 'T' }, admin: true },
  'slack non-admin': { caller: { platform: 'slack', userId: 'U2', workspaceId: 'T' }, admin: false },
  'slack user with a Discord admin id': { caller: { platform: 'slack', userId: '111', workspaceId: 'T' }, admin: false },
  'console operator': { caller: { platform: 'console', userId: 'operator', localOperator: true }, admin: true },
};

let app: TestApp;
beforeEach(() => {
  app = createTestApp('discord:111,discord-role:222,slack:U1');
  prepareForAdminCommands(app.services);
});
afterEach(() => app.dispose());

describe.each(Object.entries(callers))('GIVEN %s', (_label, { caller, admin }) => {
  it.each(ADMIN_COMMANDS)(`WHEN running %s THEN it is ${admin ? 'done' : 'refused and the store is unchanged'}`, async (command) => {
    const before = storeFingerprint(app.db);
    const view = await app.dispatcher.runText(command, caller);
    if (admin) {
      expect(view.tone, viewText(view)).toBe('success');
      expect(storeFingerprint(app.db)).not.toBe(before);
    } else {
      expect(view.tone).toBe('error');
      expect(view.private).toBe(true);
      expect(viewText(view)).toMatch(/is for Sitrep admins only/);
      expect(storeFingerprint(app.db)).toBe(before);
      const refusal = app.logger.lines.find((l) => l.message === 'refused: not an admin');
      expect(refusal?.context).toMatchObject({ caller: `${caller.platform}:${caller.userId}` });
    }
  });

  it('THEN reading commands work for everyone', async () => {
    for (const command of ['/timeline', '/entry show 3', '/entry history 3', '/actors list', '/actor Dermer']) {
      expect((await app.dispatcher.runText(command, caller)).tone).toBe('normal');
    }
  });
});

describe('GIVEN the rights matrix', () => {
  it('THEN it covers every admin-only /entry and /actors command', () => {
    const adminOnly = allCommands
      .filter((command) => command.name === 'entry' || command.name === 'actors')
      .flatMap((command) => leaves(command).filter(({ leaf }) => leaf.adminOnly).map(({ path }) => `/${path} `));
    expect(adminOnly.length).toBeGreaterThan(0);
    for (const path of adminOnly) expect(ADMIN_COMMANDS.some((line) => line.startsWith(path)), path).toBe(true);
  });
});
