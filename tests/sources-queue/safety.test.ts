// GIVEN a feed address on the bot's own machine THEN Sitrep does not read it unless
// SITREP_SOURCES_ALLOW_PRIVATE says so: the source gets a clear error and the server no request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';
import { ADMIN, ADMINS } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { NOW, SWEIDA } from './support/stories.js';

describe('GIVEN SITREP_SOURCES_ALLOW_PRIVATE', () => {
  it('THEN it is off by default, true or false as written, and anything else names the variable', () => {
    expect(loadConfig({}).sourcesAllowPrivate).toBe(false);
    expect(loadConfig({ SITREP_SOURCES_ALLOW_PRIVATE: 'TRUE' }).sourcesAllowPrivate).toBe(true);
    expect(loadConfig({ SITREP_SOURCES_ALLOW_PRIVATE: 'false' }).sourcesAllowPrivate).toBe(false);
    expect(() => loadConfig({ SITREP_SOURCES_ALLOW_PRIVATE: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ SITREP_SOURCES_ALLOW_PRIVATE: 'yes' })).toThrow(/^SITREP_SOURCES_ALLOW_PRIVATE: must be true or false/);
  });
});

describe('GIVEN a feed on 127.0.0.1', () => {
  let feeds: ScriptedFeeds;
  let dir: string;
  const apps: App[] = [];
  beforeEach(async () => {
    feeds = await ScriptedFeeds.start();
    feeds.serve('/local.xml', 'Local Wire', [SWEIDA]);
    dir = mkdtempSync(join(tmpdir(), 'sitrep-private-'));
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) app.close();
    rmSync(dir, { recursive: true, force: true });
    await feeds.close();
  });

  function appWith(allowPrivate: boolean | undefined, name: string): App {
    const dbPath = join(dir, `${name}.db`);
    copySeededStore(dbPath, new Date(NOW));
    const app = createApp({ dbPath, admins: parseAdminRules(ADMINS), logger: recordingLogger(), now: () => new Date(NOW), ...(allowPrivate === undefined ? {} : { sourcesAllowPrivate: allowPrivate }) });
    apps.push(app);
    return app;
  }

  it('WHEN private addresses are not allowed (the default) THEN /sources add refuses one written out, saying how to allow it, and stores nothing', async () => {
    const app = appWith(undefined, 'default');
    for (const url of [feeds.url('/local.xml'), 'http://localhost:8080/feed.xml', 'http://[::1]/feed.xml', 'http://169.254.169.254/latest']) {
      const reply = viewText(await app.dispatcher.runText(`/sources add url:${url} topic:syria-israel`, ADMIN));
      expect(reply).toMatch(/Option `url`: (127\.0\.0\.1|::1|169\.254\.169\.254|localhost resolves to 127\.0\.0\.1,) (is )?a private or local network address/);
      expect(reply).toContain('SITREP_SOURCES_ALLOW_PRIVATE=true');
    }
    expect(viewText(await app.dispatcher.runText('/sources list', ADMIN))).toContain('No feed is watched yet');
    expect(feeds.requests).toHaveLength(0);
  });

  it('WHEN a source on a private address was added where they were allowed THEN a process that does not allow them refuses its check before any request, and pauses it with the reason', async () => {
    const dbPath = join(dir, 'moved.db');
    copySeededStore(dbPath, new Date(NOW));
    const before = createApp({ dbPath, admins: parseAdminRules(ADMINS), logger: recordingLogger(), now: () => new Date(NOW), sourcesAllowPrivate: true });
    await before.dispatcher.runText(`/sources add url:${feeds.url('/local.xml')} topic:syria-israel`, ADMIN);
    before.close();
    const app = createApp({ dbPath, admins: parseAdminRules(ADMINS), logger: recordingLogger(), now: () => new Date(NOW) });
    apps.push(app);
    const reply = viewText(await app.dispatcher.runText('/sources check id:1', ADMIN));
    expect(reply).toContain('127.0.0.1 is a private or local network address, which Sitrep does not read feeds from');
    expect(reply).toMatch(/Source #1 is paused: the feed failed in a way retrying will not fix/);
    expect(feeds.requests).toHaveLength(0);
  });

  it('WHEN SITREP_SOURCES_ALLOW_PRIVATE is set THEN the feed is read', async () => {
    const app = appWith(true, 'allowed');
    await app.dispatcher.runText(`/sources add url:${feeds.url('/local.xml')} topic:syria-israel`, ADMIN);
    expect(viewText(await app.dispatcher.runText('/sources check id:1', ADMIN))).toContain('1 item: 1 new (1 recorded), 0 seen before');
    expect(feeds.requests).toHaveLength(1);
  });
});
