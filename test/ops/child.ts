// The server as production runs it: `src/index.ts` in a process of its own (under ts-node), so a
// test sees its exit code and everything it writes to stdout and stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

export interface Child {
  proc: ChildProcess;
  url: string;
  exit: Promise<number | null>;
  /** Everything the process wrote to stdout (its log lines) and to stderr so far. */
  stdout: () => string;
  stderr: () => string;
}

/**
 * Runs `src/index.ts` as production does (its own process), on a free port; resolves once it
 * listens. `nodeArgs` replace how it is run (e.g. a compiled `dist/src/index.js`).
 */
export function startChild(
  env: Record<string, string>,
  nodeArgs = ['-r', 'ts-node/register/transpile-only', 'src/index.ts'],
): Promise<Child> {
  const proc = spawn(process.execPath, nodeArgs, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
      GUIDE_DATE: '2021-03-15',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let logs = '';
    let errors = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      logs += chunk.toString();
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve({ proc, url: m[1], exit, stdout: () => logs, stderr: () => errors });
    });
    proc.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      errors += chunk.toString();
    });
    void exit.then((code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}
