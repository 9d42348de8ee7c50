// GIVEN the compiled `npm run slack:manifest` THEN a manifest with request-URL placeholders says
// so on stderr with how to give --url; and an option npm took for itself (typed before `--`)
// is refused rather than silently left out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLACEHOLDER_URL } from '../../src/adapters/slack/manifest.js';
import { runCompiled } from '../support/compiled.js';

const MANIFEST_CLI = 'src/adapters/slack/manifest-cli.ts';
const PLACEHOLDER_NOTE =
  "The manifest's request URLs are placeholders (https://YOUR-HOST/slack/events): make it again with --url https://your.host (where Slack reaches this bot), edit them by hand, or use --socket-mode for no public URL.\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-manifest-flags-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN npm run slack:manifest without --url', () => {
  it('WHEN it prints request URLs THEN stderr says they are placeholders and how to give --url', () => {
    const result = runCompiled(MANIFEST_CLI, [], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${PLACEHOLDER_URL}/slack/events`);
    expect(result.stderr).toBe(PLACEHOLDER_NOTE);
  });

  it('WHEN it writes them to a file THEN it says so after naming the file', () => {
    const file = join(dir, 'manifest.json');
    const result = runCompiled(MANIFEST_CLI, [file], {});
    expect(result.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(PLACEHOLDER_URL);
    expect(result.stderr).toBe(`Wrote the Slack app manifest (request URLs) to ${file}\n${PLACEHOLDER_NOTE}`);
  });

  it.each([[['--url', 'https://sitrep.example.org']], [['--socket-mode']]])('WHEN given %j THEN there is no placeholder and nothing is said', (args) => {
    const result = runCompiled(MANIFEST_CLI, args, {});
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(PLACEHOLDER_URL);
    expect(result.stderr).toBe('');
  });
});

describe('GIVEN npm run slack:manifest with an option before `--`', () => {
  it('WHEN npm took --socket-mode THEN it refuses, writing no manifest, and says what to run', () => {
    const result = runCompiled(MANIFEST_CLI, [], { npm_config_socket_mode: 'true', npm_lifecycle_event: 'slack:manifest' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'npm took --socket-mode for itself (it came before `--`), so this manifest generation would have run without it. Nothing was done.\nRun: npm run slack:manifest -- --socket-mode\n',
    );
  });

  it('WHEN npm took --url, leaving the address THEN the address is not taken for the file', () => {
    const file = join(dir, 'manifest.json');
    const result = runCompiled(MANIFEST_CLI, [file, 'https://sitrep.example.org'], { npm_config_url: 'true', npm_lifecycle_event: 'slack:manifest' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `npm took --url for itself (it came before \`--\`), leaving \`https://sitrep.example.org\` as a stray argument, so this manifest generation would have run without it. Nothing was done.\nRun: npm run slack:manifest -- ${file} --url https://sitrep.example.org\n`,
    );
  });

  it('WHEN only npm_config_prefix is set, as npm always sets it THEN --prefix is not taken for missing', () => {
    const result = runCompiled(MANIFEST_CLI, ['--socket-mode'], { npm_config_prefix: '/usr', npm_lifecycle_event: 'slack:manifest' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
