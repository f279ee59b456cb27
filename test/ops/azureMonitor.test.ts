import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { facts } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { ATTRIBUTE_VALUES, METRIC } from '../../src/metrics';
import { isLoopbackHost } from '../../src/http/loopback';
import { request, startHost, user, type Host } from './host';
import { readMetrics, total } from './figures';

// With APPLICATIONINSIGHTS_CONNECTION_STRING the figures go to Application Insights through Azure
// Monitor's OpenTelemetry distro, and nothing else does: no request, dependency, exception, log or
// trace telemetry, no live metrics, no usage reports to Microsoft. A stand-in for the ingestion
// endpoint on this machine (HTTPS, as the exporter insists, with a certificate made for the test)
// receives what the distro sends; any connection elsewhere is refused before it opens (and would
// fail the test).

interface Envelope {
  name: string;
  data: { baseType: string; baseData: { metrics?: { name: string }[]; properties?: Record<string, string> } };
}

const received: Envelope[] = [];
/** Resolves when the stand-in ingestion endpoint has received a batch. */
let batchArrived: () => void = () => undefined;
const elsewhere: string[] = [];
let ingestion: https.Server;
let host: Host | undefined;
const connect = net.Socket.prototype.connect;
const tlsConnect = tls.connect;

beforeAll(async () => {
  // Refuse, and note, every connection that would leave this machine.
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const options = args[0] as { host?: string; port?: number } | number;
    const target =
      typeof options === 'object' && options !== null ? (options.host ?? 'localhost') : String(args[1] ?? 'localhost');
    if (!isLoopbackHost(target)) {
      elsewhere.push(target);
      process.nextTick(() => this.destroy(new Error(`connection to ${target} refused by the test`)));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  // On App Service, as deployed: the distro takes the platform from these and asks no metadata service.
  process.env.WEBSITE_SITE_NAME = 'guide-test';
  process.env.WEBSITE_INSTANCE_ID = 'instance-test';

  // A certificate for 127.0.0.1, made for this run; this process trusts it for the test's duration.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingestion-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const pair = { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
  fs.rmSync(dir, { recursive: true, force: true });
  // TLS to 127.0.0.1 trusts that certificate (and only there).
  tls.connect = function (...args: unknown[]) {
    const options = args.find((a) => typeof a === 'object' && a !== null) as tls.ConnectionOptions | undefined;
    if (options && isLoopbackHost(options.host ?? 'localhost')) options.ca = pair.cert;
    return (tlsConnect as (...a: unknown[]) => tls.TLSSocket)(...args);
  } as typeof tls.connect;
  ingestion = https.createServer(pair, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      const items = (
        text.trim().startsWith('[')
          ? JSON.parse(text)
          : text
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l))
      ) as Envelope[];
      received.push(...items);
      batchArrived();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
  const port = (ingestion.address() as net.AddressInfo).port;
  host = await startHost({
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:${port}/;LiveEndpoint=https://127.0.0.1:${port}/`,
  });
});

afterAll(async () => {
  await host?.close();
  await new Promise((resolve) => ingestion.close(resolve));
  net.Socket.prototype.connect = connect;
  delete process.env.WEBSITE_SITE_NAME;
  delete process.env.WEBSITE_INSTANCE_ID;
  tls.connect = tlsConnect;
});

test('the figures reach Application Insights as metrics, and nothing else leaves', async () => {
  const running = host as Host;
  const person = user('azure-1');
  await person.say(running.url, facts.municipalities.pieksamaki.fi);
  await person.say(running.url, t('buttonYes', 'fi'));
  // A refused request and a failed turn's kind of input: neither may become a request or exception record.
  expect(
    (
      await request(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      })
    ).status,
  ).toBe(415);
  // The same instruments are still read at /metrics.
  expect(total(await readMetrics(running.url), 'guide_answers_total', { service: 'teOffice' })).toBe(1);

  const arrived = new Promise<void>((resolve) => (batchArrived = resolve));
  await running.telemetry.flush();
  await arrived;
  // Stopping flushes every exporter the distro has (traces and logs too): still only metrics.
  await running.close();
  host = undefined;
  const metrics = received.filter((e) => e.data?.baseType === 'MetricData');
  expect(metrics.length).toBeGreaterThan(0);
  expect([...new Set(received.map((e) => e.data?.baseType))]).toEqual(['MetricData']);
  const names = new Set(metrics.flatMap((e) => e.data.baseData.metrics ?? []).map((m) => m.name));
  expect(names).toEqual(expect.objectContaining({}));
  for (const name of names) expect(Object.values(METRIC) as string[]).toContain(name);
  expect(names).toContain(METRIC.answers);
  expect(names).toContain(METRIC.feedback);
  // Every dimension is one of the closed values.
  for (const e of metrics)
    for (const [k, v] of Object.entries(e.data.baseData.properties ?? {}))
      expect({ k, v, allowed: ATTRIBUTE_VALUES[k]?.includes(v) ?? false }).toEqual({ k, v, allowed: true });
  expect(elsewhere).toEqual([]);
});
