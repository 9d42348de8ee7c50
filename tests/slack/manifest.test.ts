// GIVEN the command specs, WHEN the Slack app manifest is generated, THEN Slack gets exactly one
// slash command per top-level command, the scopes the adapter needs and the right transport.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { runManifest } from '../../src/adapters/slack/manifest-command.js';
import { buildManifest, type SlackManifest } from '../../src/adapters/slack/manifest.js';
import type { CommandSpec } from '../../src/core/command-spec.js';
import { usageHint } from '../../src/core/help.js';
import { runProgram } from '../support/cli.js';
import { runCompiled } from '../support/compiled.js';

describe('generated from the specs', () => {
  const manifest = buildManifest(allCommands, { socketMode: false });

  it('has one slash command per top-level command, with its description and usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(allCommands.map((c) => `/${c.name}`));
    for (const [i, spec] of allCommands.entries()) {
      const command = manifest.features.slash_commands[i]!;
      expect(command.description).toBe(spec.description);
      expect(command.usage_hint).toBe(`${usageHint(spec)} [--public]`.trim());
      expect(command.should_escape).toBe(false);
    }
  });

  it('asks for commands, chat:write, the history of channels and files:write, plus chat:write.public unless left out', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'channels:history', 'groups:history', 'files:write', 'im:write', 'im:history', 'chat:write.public']);
    expect(buildManifest(allCommands, { socketMode: false, postToPublicChannels: false }).oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'channels:history', 'groups:history', 'files:write', 'im:write', 'im:history']);
  });

  it('with request URLs: every command and interactivity post to /slack/events', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    for (const command of manifest.features.slash_commands) expect(command.url).toBe('https://YOUR-HOST/slack/events');
    const own = buildManifest(allCommands, { socketMode: false, publicUrl: 'https://sitrep.example.org/' });
    expect(own.settings.interactivity.request_url).toBe('https://sitrep.example.org/slack/events');
  });

  it('with Socket Mode: no URLs anywhere, interactivity still on', () => {
    const socket = buildManifest(allCommands, { socketMode: true });
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(JSON.stringify(socket)).not.toContain('https://');
  });

  it('can prefix the commands (/sitrep-timeline) where the short names are taken', () => {
    const prefixed = buildManifest(allCommands, { socketMode: true, prefixCommands: true });
    expect(prefixed.features.slash_commands.map((c) => c.command)).toEqual(allCommands.map((c) => `/sitrep-${c.name}`));
  });

  it('keeps Slack’s limits: description ≤ 2,000 characters, names ≤ 32', () => {
    const wordy: CommandSpec = { name: 'wordy', description: 'w'.repeat(2500), run: () => ({ title: '', tone: 'normal', sections: [] }) };
    expect(buildManifest([wordy], { socketMode: true }).features.slash_commands[0]!.description).toHaveLength(2000);
    const long: CommandSpec = { ...wordy, name: 'n'.repeat(40) };
    expect(() => buildManifest([long], { socketMode: true })).toThrow(/at most 32/);
  });
});

describe('npm run slack:manifest', () => {
  it('writes the manifest JSON to the file given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-manifest-'));
    try {
      const out = join(dir, 'manifest.json');
      const result = await runProgram(runManifest, [out, '--url', 'https://sitrep.example.org']);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe(`Wrote the Slack app manifest (request URLs) to ${out}\n`);
      const written = JSON.parse(readFileSync(out, 'utf8')) as SlackManifest;
      expect(written).toEqual(buildManifest(allCommands, { socketMode: false, publicUrl: 'https://sitrep.example.org' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes to stdout without a file, in Socket Mode when SLACK_APP_TOKEN is set', async () => {
    const result = await runProgram(runManifest, ['--prefix'], { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(buildManifest(allCommands, { socketMode: true, prefixCommands: true }));
  });

  it.each([['--socket'], ['--url'], ['--http', '--socket-mode'], ['a.json', 'b.json']])('prints the usage on a mistyped call (%s), writing nothing', async (...args) => {
    const result = await runProgram(runManifest, args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^(?:(Unknown option|Option) '[^']+'.*\.\n)?Usage: npm run slack:manifest -- \[file\] \[options\]\n/);
  });

  it('compiled, as npm run slack:manifest runs it: a mistyped option prints the usage, no stack trace, and exits 2', () => {
    const result = runCompiled('src/adapters/slack/manifest-cli.ts', ['--socket'], {});
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Unknown option '--socket'\.\nUsage: npm run slack:manifest -- \[file\] \[options\]\n/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
