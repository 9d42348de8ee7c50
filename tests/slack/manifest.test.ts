// GIVEN the command specs, WHEN the Slack app manifest is generated, THEN Slack gets exactly one
// slash command per top-level command, the scopes the adapter needs and the right transport.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { buildManifest, type SlackManifest } from '../../src/adapters/slack/manifest.js';
import type { CommandSpec } from '../../src/core/command-spec.js';
import { usageHint } from '../../src/core/help.js';

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

  it('asks for commands and chat:write, plus chat:write.public unless left out', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public']);
    expect(buildManifest(allCommands, { socketMode: false, postToPublicChannels: false }).oauth_config.scopes.bot).toEqual(['commands', 'chat:write']);
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
  it('writes the manifest JSON to the file given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-manifest-'));
    try {
      const out = join(dir, 'manifest.json');
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_')));
      execFileSync(process.execPath, ['--import', 'tsx', 'src/adapters/slack/manifest-cli.ts', out, '--url', 'https://sitrep.example.org'], { env, stdio: 'pipe' });
      const written = JSON.parse(readFileSync(out, 'utf8')) as SlackManifest;
      expect(written).toEqual(buildManifest(allCommands, { socketMode: false, publicUrl: 'https://sitrep.example.org' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
