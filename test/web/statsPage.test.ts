import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { facts, LANGS, type Lang } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { word } from '../../src/metrics/statsTexts';
import { launchChromium } from '../../scripts/chromium';
import { startHost, user, type Host } from '../ops/host';
import { ARTIFACTS, axe } from './browser/harness';

// The /stats page in Debian's Chromium, as a manager opens it: its charts drawn under the page's
// CSP from our own server, the same numbers in tables, cells under 5 shown as "under 5", no
// accessibility violation (axe-core, WCAG 2.1 A and AA) in Finnish, Swedish or English, and a
// screenshot at a phone's and a desktop's width (test-artifacts/stats-*.png) to look at.

jest.setTimeout(120_000);

let host: Host;
let browser: Browser;

beforeAll(async () => {
  host = await startHost({ GUIDE_DATE: '2022-06-15', LOG_LEVEL: 'silent' });
  browser = await launchChromium();
  const say = (conversation: string, text: string) => user(conversation).say(host.url, text);
  // Six answers from the TE office (5 found it helpful, 1 not), two from outside Etelä-Savo, five
  // people asked their age who start again, two answers to the age that told nothing.
  for (let i = 0; i < 6; i++) {
    await say(`te-${i}`, facts.municipalities.pieksamaki.fi);
    await say(`te-${i}`, t(i < 5 ? 'buttonYes' : 'buttonNo', 'fi'));
  }
  for (let i = 0; i < 2; i++) await say(`out-${i}`, facts.municipalities.helsinki.fi);
  for (let i = 0; i < 5; i++) {
    await say(`age-${i}`, facts.municipalities.juva.fi);
    if (i < 2) await say(`age-${i}`, 'qwerty');
    await say(`age-${i}`, t('buttonStartAgain', 'fi'));
  }
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe.each(LANGS)('in %s', (lang: Lang) => {
  test('the charts are drawn from our own server, small cells say "under 5", and axe finds nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const hosts = new Set<string>();
    page.on('request', (r) => hosts.add(new URL(r.url()).host));
    await page.goto(`${host.url}/stats?lang=${lang}`);
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length > 0);
    const drawn = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas[data-chart]')).map((c) => {
        const chart = (Reflect.get(window, 'Chart') as { getChart(c: Element): unknown }).getChart(c);
        return {
          chart: c.getAttribute('data-chart'),
          drawn: chart !== undefined && (c as HTMLCanvasElement).width > 0,
        };
      }),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(5);
    expect(drawn.filter((d) => !d.drawn)).toEqual([]);
    expect(problems).toEqual([]);
    expect([...hosts]).toEqual([new URL(host.url).host]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    // The tables: the TE office's 6 answers shown, the 2 from outside shown as "under 5".
    const cells = await page.evaluate(() =>
      Array.from(document.querySelectorAll('tbody tr')).map((tr) =>
        Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim()),
      ),
    );
    const teOffice = cells.find((row) => row[0].startsWith(facts.providers.teOffice.name[lang]));
    expect(teOffice).toContain('6');
    const counts = cells.flatMap((row) => row.slice(1));
    expect(counts).toContain(word('suppressed', lang));
    expect(counts.filter((c) => ['1', '2', '3', '4'].includes(c))).toEqual([]);
    expect(await axe(page)).toEqual([]);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      // Open every table too, so the picture shows them.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.screenshot({ path: path.join(ARTIFACTS, `stats-${lang}-${width}.png`), fullPage: true });
    }
    await context.close();
  });
});
