import type { SignalSource } from '../http/lifecycle';

/**
 * Everything a command touches outside the database, passed in so tests run commands in-process
 * (runCli) with their own output, environment, clock, secrets and signals.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
  /**
   * A secret the operator types or pipes in (a PIN): never echoed. null when there is none (an
   * empty pipe, or Ctrl+D at the prompt).
   */
  readSecret: (prompt: string) => Promise<string | null>;
  /** The operator types at a terminal (a PIN is then asked twice), rather than piping stdin. */
  interactive: boolean;
  /** Where SIGINT/SIGTERM come from for `serve`. */
  signals: SignalSource;
}

/** All of stdin when it is piped; a prompt on stderr that echoes nothing when it is a terminal. */
export async function readSecretFromProcess(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
    return text === '' ? null : text;
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003' || ch === '\u0004') return finish(null); // Ctrl+C, Ctrl+D
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    now: () => new Date(),
    readSecret: readSecretFromProcess,
    interactive: Boolean(process.stdin.isTTY),
    signals: process,
  };
}
