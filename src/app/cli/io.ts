// Where a command's output goes. In the CLI process: the console (stdout for results, stderr for messages) and the
// file system. On the server, for a command the CLI sent to a running bot (`src/app/http/local-api.ts`): buffers,
// sent back whole, so the CLI prints exactly what it would have printed running the command itself.
import { writeFileSync } from 'node:fs';
import type { Asker } from '../../core/question.js';

export interface CliIo {
  /** One result line (stdout). */
  out(text: string): void;
  /** One message for the person (stderr). */
  err(text: string): void;
  /** A file the command produces (`ask --chart FILE.png`): written by the CLI process, never by the server. */
  writeFile(path: string, bytes: Uint8Array): void;
  /** The process's exit status (the CLI sets it when the command ends). */
  setExitCode(code: number): void;
}

/** The console and the disk of this process. console.* is looked up at each call (tests spy on it). */
export function consoleIo(): CliIo {
  return {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

export interface BufferedOutput {
  stdout: string;
  stderr: string;
  files: { path: string; base64: string }[];
  exitCode: number;
}

/** Everything a command wrote, kept to be sent to the CLI that asked for it. */
export function bufferIo(): CliIo & { result(): BufferedOutput } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const files: { path: string; base64: string }[] = [];
  let exitCode = 0;
  return {
    out: (text) => void stdout.push(`${text}\n`),
    err: (text) => void stderr.push(`${text}\n`),
    writeFile: (path, bytes) => void files.push({ path, base64: Buffer.from(bytes).toString('base64') }),
    setExitCode: (code) => {
      exitCode = code;
    },
    result: () => ({ stdout: stdout.join(''), stderr: stderr.join(''), files, exitCode }),
  };
}

/** What a command needs besides the app and its arguments: where to write, and who asks (audit, rate limit). */
export interface CommandContext {
  io: CliIo;
  /** `cli:<os user>` of the CLI process: on the server, the account of the person who typed the command. */
  asker: Asker;
}
