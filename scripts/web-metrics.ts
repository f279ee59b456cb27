// Prints the widget loader's size (raw and gzipped, as served) and, in headless Chromium, the time
// from opening the chat widget to the first bot message, over the WebSocket stream and polling.
// Runs the real server (local Direct Line mode) on a free port. Usage: npm run web:metrics [-- runs]
import { chromium } from 'playwright-core';

// Quiet: the server's request log would bury the figures (set before the host is loaded).
process.env.LOG_LEVEL ??= 'silent';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after LOG_LEVEL is set; an import would be hoisted above it
const { loadConfig } = require('../src/config') as typeof import('../src/config');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after LOG_LEVEL is set, as above
const { start } = require('../src/index') as typeof import('../src/index');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Number(process.argv[2] ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const app = await start(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const gz = await fetch(`${app.url}/widget.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    const gzBytes = Number(gz.headers.get('content-length'));
    const raw = await fetch(`${app.url}/widget.js`, { headers: { 'Accept-Encoding': 'identity' } });
    const rawBytes = (await raw.arrayBuffer()).byteLength;
    const bundle = await fetch(`${app.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    const bundleGz = Number(bundle.headers.get('content-length'));
    await bundle.arrayBuffer();
    console.log(`widget loader /widget.js: ${rawBytes} bytes, ${gzBytes} bytes gzipped (limit 5120)`);
    console.log(`Web Chat bundle loaded on open: ${bundleGz} bytes gzipped`);

    /** Opens the widget on the demo page; milliseconds from the click to the first bot message. */
    const openOnce = async (context: import('playwright-core').BrowserContext, transport: string) => {
      const page = await context.newPage();
      await page.goto(`${app.url}/demo${transport === 'polling' ? '?transport=polling' : ''}`);
      await page.locator('.esg-chat-launcher').waitFor();
      const opened = Date.now();
      await page.locator('.esg-chat-launcher').click();
      const frame = (await (await page.locator('.esg-chat-panel iframe').elementHandle())!.contentFrame())!;
      await frame.locator('.webchat__bubble:not(.webchat__bubble--from-user)').first().waitFor({ timeout: 30_000 });
      const ms = Date.now() - opened;
      await page.close();
      return ms;
    };
    const report = (label: string, times: number[]) =>
      console.log(`open widget → first bot message (${label}, ${times.length} runs): median ${median(times)} ms, min ${Math.min(...times)} ms, max ${Math.max(...times)} ms`);

    for (const transport of ['websocket', 'polling']) {
      const cold: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        // A fresh context each time: an empty cache, like a first visit.
        const context = await browser.newContext({ locale: 'fi-FI' });
        cold.push(await openOnce(context, transport));
        await context.close();
      }
      report(`${transport}, first visit`, cold);
      // A returning visitor: Web Chat's bundle comes from the browser's cache.
      const context = await browser.newContext({ locale: 'fi-FI' });
      await openOnce(context, transport);
      const warm: number[] = [];
      for (let i = 0; i < runs; i += 1) warm.push(await openOnce(context, transport));
      await context.close();
      report(`${transport}, bundle cached`, warm);
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
