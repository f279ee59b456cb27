// Browser-side protections: every HTML page carries a Content-Security-Policy with frame-ancestors
// (no page of ours can be framed to trick a click, except the widget's own frame), and HSTS is
// sent when the page is served over HTTPS.
import { request, startHost, type Host } from '../ops/host';

let host: Host;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

test.each(['/', '/demo'])('%s carries a CSP that forbids framing it', async (path) => {
  const res = await request(`${host.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
  expect(res.headers['x-frame-options']).toBe('DENY');
});

test('over HTTPS (as the proxy reports it) every answer carries HSTS; over plain HTTP none', async () => {
  for (const path of ['/', '/healthz', '/api/directline/token']) {
    const secure = await request(`${host.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
    expect([path, secure.headers['strict-transport-security']]).toEqual([path, 'max-age=31536000; includeSubDomains']);
  }
  expect((await request(`${host.url}/`)).headers['strict-transport-security']).toBeUndefined();
});
