import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium, driven headless by the browser tests and `npm run web:metrics` alike: no
// browser download (there is no internet), and nothing in the background that would ask another
// host or skew a measurement. Playwright gives each launch a fresh temporary profile of its own.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
