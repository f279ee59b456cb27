// Azure Direct Line's token service down (a stand-in on 127.0.0.1 that fails, then one that never
// answers): the page says the chat cannot be opened and offers to open it again, never spins, and
// /healthz names Direct Line. Real Chromium against the server in Azure mode.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { PAGE_TEXTS } from '../../src/web/texts';
import { request, startHost, type Host } from '../ops/host';

jest.setTimeout(120_000);

let mode: 'failing' | 'silent' = 'failing';
let tokenCalls = 0;
let standIn: http.Server;
let host: Host;
let browser: Browser;
beforeAll(async () => {
  standIn = http.createServer((req) => {
    tokenCalls++;
    req.resume();
    // 'silent' never answers at all: the socket stays open until the server gives up.
    if (mode === 'failing')
      req.on('end', () => req.socket.end('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n'));
  });
  await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', r));
  host = await startHost({
    MicrosoftAppId: 'app',
    MicrosoftAppPassword: 'pw',
    DIRECT_LINE_SECRET: 'secret',
    DIRECT_LINE_DOMAIN: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/v3/directline`,
  });
  // Run from the sources, the server builds the chat's script on the first page request.
  await (await fetch(`${host.url}/embed`)).text();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  standIn.closeAllConnections();
  await new Promise((r) => standIn.close(r));
});

test.each(['failing', 'silent'] as const)(
  'token service %s: the page says the chat cannot be opened and offers to try again',
  async (how) => {
    mode = how;
    const context = await browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    try {
      await page.goto(`${host.url}/?lang=fi`);
      const status = page.locator('#chat-status-text');
      await page.waitForFunction(
        (text) => document.getElementById('chat-status-text')?.textContent === text,
        PAGE_TEXTS.fi.failed,
        { timeout: 30_000 },
      );
      expect(await status.textContent()).toBe(PAGE_TEXTS.fi.failed);
      const again = page.getByRole('link', { name: PAGE_TEXTS.fi.reopen });
      expect(await again.isVisible()).toBe(true);
      // Trying again asks the token service again.
      const before = tokenCalls;
      await again.click();
      await page.waitForFunction(
        (text) => document.getElementById('chat-status-text')?.textContent === text,
        PAGE_TEXTS.fi.failed,
        { timeout: 30_000 },
      );
      expect(tokenCalls).toBeGreaterThan(before);
    } finally {
      await context.close();
    }
    const health = await request(`${host.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'degraded', storage: 'ok', directLine: 'error' });
  },
);
