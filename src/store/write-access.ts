// Whether this user may write a file or create files in a directory, and if not why: the disk is
// read-only, or the permissions say no. Read by start-up's and backup's messages about the store.
import { accessSync, constants } from 'node:fs';

/** Why this user cannot write `path` (a directory: create files in it), or undefined when it can. */
export function cannotWrite(path: string, kind: 'file' | 'directory'): 'read-only disk' | 'not writable' | undefined {
  try {
    accessSync(path, kind === 'directory' ? constants.W_OK | constants.X_OK : constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS' ? 'read-only disk' : 'not writable';
  }
}
