// `~` is expanded by a shell only: a path variable starting with it in .env or a systemd unit
// would make a directory literally named `~`. Each is refused with the full path to write.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('GIVEN a path variable written with ~', () => {
  it.each([
    ['SITREP_DB', '~/sitrep.db', join(homedir(), 'sitrep.db')],
    ['SITREP_HISTORY', '~/.hist', join(homedir(), '.hist')],
    ['SITREP_CHARTS_DIR', '~/sitrep-charts', join(homedir(), 'sitrep-charts')],
  ])('WHEN %s is %s THEN startup refuses it and names the full path to write', (variable, path, full) => {
    expect(() => loadConfig({ [variable]: path })).toThrow(`${variable}: "${path}": ~ is not expanded in .env or systemd; write the full path (${full})`);
  });

  it('WHEN SITREP_CHARTS_DIR is ~alice/charts THEN the refusal gives a full path as an example', () => {
    expect(() => loadConfig({ SITREP_CHARTS_DIR: '~alice/charts' })).toThrow('SITREP_CHARTS_DIR: "~alice/charts": ~ is not expanded in .env or systemd; write the full path (/home/USER/sitrep-charts)');
  });

  it('WHEN the paths are full or SITREP_HISTORY is off THEN they are read as written', () => {
    expect(loadConfig({ SITREP_HISTORY: 'off', SITREP_CHARTS_DIR: '/srv/charts' })).toMatchObject({ chartsDir: '/srv/charts' });
    expect(loadConfig({ SITREP_HISTORY: '/srv/hist' })).toMatchObject({ consoleHistoryPath: '/srv/hist' });
  });
});
