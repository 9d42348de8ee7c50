// npm run restore -- FILE
// Puts the backup FILE in place of the store (SITREP_DB), refusing while a bot runs on it: FILE is
// checked first, and the store it replaces is kept aside. Exits 0 when restored, 2 otherwise (the
// store is then as it was).
import { existsSync, statSync } from 'node:fs';
import { readOneFile } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { loadConfig } from '../config.js';
import { restoreStore } from '../store/restore.js';
import { emptyFileArgument } from './backup-command.js';
import { storeFileOf } from './out-file.js';
import { removeLeftovers } from './leftovers.js';

const USAGE = 'Usage: npm run restore -- FILE';

export async function runRestore(argv: string[], io: CliIo): Promise<number> {
  if (emptyFileArgument(argv, USAGE, io, 'the backup to restore')) return 2;
  const read = readOneFile(argv, USAGE, io.stderr);
  if ('exit' in read) return read.exit;
  const { file } = read;
  const { dbPath } = loadConfig(io.env);
  if (!existsSync(file)) {
    writeLine(io.stderr, `Cannot restore ${file}: there is no such file. The store is unchanged.`);
    return 2;
  }
  if (statSync(file).isDirectory()) {
    writeLine(io.stderr, `Cannot restore ${file}: it is a directory: give the backup file in it. The store is unchanged.`);
    return 2;
  }
  const storeFile = storeFileOf(dbPath, file);
  if (storeFile !== undefined) {
    writeLine(io.stderr, `Cannot restore ${file}: it is ${storeFile === '' ? 'the store itself' : `the store's ${storeFile.slice(1)} file`}: give a backup of it. The store is unchanged.`);
    return 2;
  }
  removeLeftovers([`${dbPath}.restoring-`], 'a killed restore', io.stderr);
  try {
    const { keptAside } = await restoreStore(file, dbPath);
    const aside = keptAside ? ` The store it replaced is kept at ${keptAside}: delete it once the restored store is as it should be.` : '';
    writeLine(io.stdout, `Restored ${file} (integrity checked) as the store at ${dbPath}.${aside}`);
    return 0;
  } catch (error) {
    writeLine(io.stderr, `Cannot restore ${file}: ${(error as Error).message.replace(/\.?$/, '.')} The store is unchanged.`);
    return 2;
  }
}
