// Behind Front Door and App Service the request passes two proxies, each appending the address it
// saw to X-Forwarded-For. TRUST_PROXY is the number of those hops: the client is the entry that
// many places from the end, whatever the client itself wrote in front of it.
import { loadConfig } from '../../src/config';
import { request, startHost, type Host } from '../ops/host';

let host: Host;
beforeAll(async () => {
  host = await startHost({ TRUST_PROXY: '2', RATE_CLIENT_PER_MINUTE: '3' });
});
afterAll(() => host.close());

const token = (chain: string) =>
  request(`${host.url}/api/directline/token`, {
    method: 'POST',
    headers: { 'x-forwarded-for': chain, 'content-type': 'application/json' },
  });

test("two trusted hops: a client cannot dodge its limit by forging entries, and does not use up another client's", async () => {
  const frontDoor = '198.51.100.9';
  const a: number[] = [];
  for (let i = 0; i < 6; i++) a.push((await token(`10.9.9.${i}, 203.0.113.1, ${frontDoor}`)).status);
  expect(a.slice(0, 3)).toEqual([200, 200, 200]);
  expect(a.slice(3)).toEqual([429, 429, 429]);
  expect((await token(`203.0.113.2, ${frontDoor}`)).status).toBe(200);
});

test('TRUST_PROXY is a hop count: true means 1, unset means 0, or 1 on App Service', () => {
  expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
  expect(loadConfig({}).TRUST_PROXY).toBe(0);
  expect(loadConfig({ WEBSITE_SITE_NAME: 'guide-app' }).TRUST_PROXY).toBe(1);
  expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
});
