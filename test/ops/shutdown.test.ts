// SIGTERM, as App Service or Kubernetes sends it: stop accepting, finish the turn in flight, exit 0.
import { startAzurite, type Azurite } from './azurite';
import { request, user } from './host';
import { startChild, type Child } from './child';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** The child's first log line with this message, once it is written. */
async function lineOf(child: Child, msg: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 500; i++) {
    const found = child
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => typeof l.msg === 'string' && l.msg.startsWith(msg));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no "${msg}" line:\n${child.stdout()}`);
}

test('SIGTERM while a turn is in flight: the turn is answered, new connections are refused, exit code 0', async () => {
  const child = await startChild({
    // The shutdown's own line (info) says how many requests it waits for.
    LOG_LEVEL: 'info',
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: 'shutdown',
  });
  try {
    const erkki = user('sigterm');
    expect((await erkki.say(child.url, 'hei')).status).toBe(200);

    // Hold the next turn in flight: the storage stops answering until we let it go on.
    process.kill(azurite.pid, 'SIGSTOP');
    const inFlight = erkki.say(child.url, 'asun Juvalla');
    await new Promise((r) => setTimeout(r, 500));
    child.proc.kill('SIGTERM');
    // The server says it is shutting down with the turn in flight (the listener is closed by then).
    const shuttingDown = await lineOf(child, 'shutting down');
    expect(shuttingDown).toMatchObject({ inFlight: 1 });

    const refused = await fetch(`${child.url}/healthz`).then(
      () => 'answered',
      (e: Error) => e.cause ?? e,
    );
    expect(String((refused as { code?: string }).code ?? refused)).toMatch(/ECONNREFUSED|ECONNRESET/);
    expect(child.proc.exitCode).toBeNull(); // still finishing the turn

    process.kill(azurite.pid, 'SIGCONT');
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.replies).not.toBe('');
    expect(await child.exit).toBe(0);
  } finally {
    process.kill(azurite.pid, 'SIGCONT');
    if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
  }
}, 60_000);

test('SIGTERM when idle: exits 0 at once', async () => {
  const child = await startChild({});
  expect((await request(`${child.url}/healthz`)).status).toBe(200);
  child.proc.kill('SIGTERM');
  expect(await child.exit).toBe(0);
}, 60_000);
