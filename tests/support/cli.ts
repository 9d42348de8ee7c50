// Runs one of Sitrep's command-line programs in-process, through the function its entry file
// runs as the process, with only the environment given (no .env, no platform tokens).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CliProgram } from '../../src/cli-io.js';

export { REPO } from './repo.js';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function runProgram(program: CliProgram, argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const status = await program(argv, { env, stdout, stderr });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** Writes `text` to a file `name` in `dir` (an input for a program) and returns its path. */
export function fileIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
