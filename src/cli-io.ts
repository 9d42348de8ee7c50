// What a command-line program reads and writes, handed to it rather than taken from `process`, so
// the same program runs as a process (npm run import) and in-process (tests, other tools).
import type { Writable } from 'node:stream';

export interface CliIo {
  /** Configuration variables; when left out, the process's own, with .env read as loadConfig does. */
  env?: NodeJS.ProcessEnv;
  stdout: Writable;
  stderr: Writable;
}

/** A program: its arguments (without node and the script) in, its exit code out. */
export type CliProgram = (argv: string[], io: CliIo) => Promise<number>;

export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}

/** Runs a program as the process: its arguments, streams and environment, and its exit code. */
export async function runAsProcess(program: CliProgram): Promise<void> {
  process.exitCode = await program(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
