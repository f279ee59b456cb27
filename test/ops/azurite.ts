import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Azurite's well-known development account (public, documented; not a secret).
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  port: number;
  /** The Azurite process (tests pause it with SIGSTOP to hold a turn in flight). */
  pid: number;
  /** Explicit devstore connection string: `UseDevelopmentStorage=true` only knows port 10000. */
  connectionString: string;
  /** Ends the process (the storage is unreachable) and starts it again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts Azurite's blob service on `port`, keeping its data in `location` (or in memory). */
async function spawnAzurite(port: number, location: string, persistent: boolean): Promise<ChildProcess> {
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'azurite-blob');
  const child: ChildProcess = spawn(
    bin,
    [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      ...(persistent ? ['--location', location] : ['--inMemoryPersistence']),
      '--skipApiVersionCheck',
      '--disableTelemetry',
    ],
    // In-memory persistence writes no files; run it in a scratch directory all the same.
    { stdio: 'ignore', cwd: location },
  );
  const deadline = Date.now() + 20_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`Azurite did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

/**
 * Starts an Azurite blob service on a free port (in memory, or with `persistent` in a folder of its
 * own, so it keeps its data across `down()` and `up()`); stop() ends exactly that process.
 */
export async function startAzurite(options: { persistent?: boolean } = {}): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const persistent = options.persistent === true;
  let child = await spawnAzurite(port, location, persistent);
  const end = async () => {
    const running = child;
    if (running.exitCode !== null || !running.pid) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    process.kill(running.pid, 'SIGCONT'); // in case a test left it paused
    process.kill(running.pid, 'SIGTERM');
    await exited;
  };
  return {
    port,
    get pid() {
      return child.pid as number;
    },
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};` +
      `BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    down: end,
    async up() {
      child = await spawnAzurite(port, location, persistent);
    },
    async stop() {
      await end();
      rmSync(location, { recursive: true, force: true });
    },
  };
}
