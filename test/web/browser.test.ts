import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { decide, facts } from '../../knowledge';
import { question } from '../../dialogs/replies/messages';
import { t } from '../../dialogs/replies/texts';
import type { RunningServer } from '../../src/server';
import { PAGE_TEXTS } from '../../src/web/texts';
import {
  addressLine,
  axe,
  CHAT,
  converse,
  expectedAnswer,
  launch,
  newContext,
  PERSON,
  PILOT_DAY,
  screenshot,
  startApp,
} from './browser/harness';

// Real headless Chromium (Debian's) against the real server in local Direct Line mode: a whole
// guidance conversation on the page and in the widget, over the WebSocket stream and over
// polling; the answer card with its address and click-to-call link; axe-core's WCAG 2.1 A/AA
// rules; small screens and zoom. Screenshots go to test-artifacts/.

jest.setTimeout(120_000);

let app: RunningServer;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Which Direct Line transport the page really used, what it loaded, and any console error. */
function watch(page: Page) {
  const seen = { sockets: [] as string[], polls: 0, requests: [] as string[], errors: [] as string[] };
  page.on('websocket', (ws) => seen.sockets.push(ws.url()));
  page.on('request', (req) => {
    seen.requests.push(new URL(req.url()).pathname);
    if (req.method() === 'GET' && /\/v3\/directline\/conversations\/[^/]+\/activities/.test(req.url())) seen.polls += 1;
  });
  // A CSP refusal or a script error shows up here.
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

/** Both ways the chat talks to the local Direct Line channel, and the query that picks each. */
const TRANSPORTS = [
  ['websocket', ''],
  ['polling', '?transport=polling'],
] as const;

/** Polling: no socket was opened, and the activities were fetched more than once. */
function expectPolled(seen: ReturnType<typeof watch>): void {
  expect(seen.sockets).toHaveLength(0);
  expect(seen.polls).toBeGreaterThan(1);
}

describe.each(TRANSPORTS)('full page over %s', (transport, query) => {
  test('a whole guidance conversation ends in the answer card with the address and a tel: link', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${app.url}/${query}`);
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    expect(await page.getByText(PAGE_TEXTS.fi.privacy).isVisible()).toBe(true);

    const card = await converse(page, 'fi');
    // A screen reader hears new messages (the transcript is a live log) and who said each.
    expect(await page.locator('#chat-log').getAttribute('role')).toBe('log');
    expect(await page.locator(CHAT.botMessage).first().innerText()).toMatch(new RegExp(`^${PAGE_TEXTS.fi.botSaid}`));
    const { tel, phoneContact, guidance } = expectedAnswer();
    await card.getByText(guidance.provider!.name.fi).first().waitFor();
    expect(await card.innerText()).toContain(addressLine('fi'));
    const link = card.locator(`a[href="${tel}"]`);
    expect(await link.count()).toBeGreaterThan(0);
    expect(await link.first().innerText()).toContain(phoneContact.phone);
    // The answer's short text names the same number: a click-to-call link there too.
    expect(await page.locator(`.chat-msg__text a[href="${tel}"]`).count()).toBeGreaterThan(0);

    if (transport === 'websocket')
      expect(seen.sockets.some((u) => u.includes('/v3/directline/conversations/'))).toBe(true);
    else expectPolled(seen);
    // Each message the user sent shows once: the channel's echo matched it (clientActivityID).
    const municipality = facts.municipalities[PERSON.municipalityId].fi;
    expect(await page.locator(CHAT.userMessage, { hasText: municipality }).count()).toBe(1);
    expect(seen.errors).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, `page-${transport}`);
    await context.close();
  });
});

describe.each(TRANSPORTS)('widget over %s', (transport, query) => {
  test('opens from the "chat instead of calling" link and runs the same conversation', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${app.url}/demo${query}`);
    // The chat is not loaded before it is opened: no frame, no chat script, no token.
    await page.locator('.esg-chat-launcher').waitFor();
    expect(page.frames()).toHaveLength(1);
    expect(seen.requests.filter((p) => /^\/chat\/|directline|embed/.test(p))).toEqual([]);

    const chatLink = page.locator('[data-chat-widget]').first();
    await chatLink.focus();
    await chatLink.press('Enter');
    const launcher = page.locator('.esg-chat-launcher');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const frameElement = page.locator('.esg-chat-panel iframe');
    await frameElement.waitFor();
    const frame = (await frameElement.elementHandle())!.contentFrame();
    const chat = (await frame)!;

    const card = await converse(chat, 'fi');
    const { tel } = expectedAnswer();
    expect(await card.innerText()).toContain(addressLine('fi'));
    expect(await card.locator(`a[href="${tel}"]`).count()).toBeGreaterThan(0);
    if (transport === 'websocket') expect(seen.sockets.length).toBeGreaterThan(0);
    else expectPolled(seen);
    expect(seen.errors).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, `widget-${transport}`);

    // Escape closes the widget and gives the focus back to the link that opened it.
    await chat.locator(CHAT.sendBox).press('Escape');
    await page.locator('.esg-chat-panel').waitFor({ state: 'hidden' });
    expect(await chatLink.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });
});

test('intent to chat loads the chat hidden; the conversation starts only on the click', async () => {
  const context = await newContext(browser, 'fi');
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${app.url}/demo`);
  await page.locator('.esg-chat-launcher').waitFor();
  expect(seen.requests.filter((p) => /^\/chat\/|directline|embed/.test(p))).toEqual([]);
  // A pointer over the chat link: the frame loads the chat's script, on standby.
  await page.locator('[data-chat-widget]').first().hover();
  const frame = page.frameLocator('.esg-chat-panel iframe');
  await until(() => seen.requests.some((p) => /^\/chat\/chat-/.test(p)), 30_000);
  expect(await page.locator('.esg-chat-panel').isHidden()).toBe(true);
  await page.waitForTimeout(500);
  expect(seen.requests.filter((p) => /directline/.test(p))).toEqual([]);
  // The click opens it and starts the conversation.
  await page.locator('[data-chat-widget]').first().click();
  await frame
    .locator(CHAT.botMessage, { hasText: t('greeting', 'fi').slice(0, 30) })
    .first()
    .waitFor({ timeout: 45_000 });
  expect(seen.requests.filter((p) => p === '/api/directline/token')).toHaveLength(1);
  expect(seen.errors).toEqual([]);
  await context.close();
});

test('the demo page shows the TE office phone lines from knowledge as tel: links', async () => {
  const context = await newContext(browser, 'en');
  const page = await context.newPage();
  await page.goto(`${app.url}/demo`);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  for (const c of [facts.contacts.tePersonalCustomers, facts.contacts.teEmployers]) {
    const link = page.locator(`a[href="tel:${c.phone!.replace(/\s/g, '')}"]`);
    expect(await link.innerText()).toBe(c.phone);
  }
  await context.close();
});

test('the browser language picks Swedish, and the chat speaks it too', async () => {
  const context = await newContext(browser, 'sv');
  const page = await context.newPage();
  await page.goto(app.url);
  expect(await page.getAttribute('html', 'lang')).toBe('sv');
  await page.getByText(PAGE_TEXTS.sv.privacyHeading, { exact: true }).waitFor();
  await page.locator(CHAT.sendBox).waitFor();
  expect(await page.locator(CHAT.sendBox).getAttribute('placeholder')).toMatch(/meddelande/i);
  // The page's language reaches the bot: it greets in Swedish.
  await page
    .locator(CHAT.botMessage, { hasText: t('greeting', 'sv').slice(0, 40) })
    .first()
    .waitFor({ timeout: 45_000 });
  await context.close();
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  test('the chat page, with a conversation and its answer card', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    await page.goto(app.url);
    await converse(page, 'fi');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  test('the demo page, closed and with the widget open (host page and the chat frame)', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    await page.locator('.esg-chat-launcher').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.locator('.esg-chat-launcher').press('Enter');
    const frame = (await (await page.locator('.esg-chat-panel iframe').elementHandle())!.contentFrame())!;
    await frame.locator(CHAT.sendBox).waitFor();
    await frame.locator(CHAT.botMessage).first().waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await axe(frame)).toEqual([]);
    await context.close();
  });
});

describe('small screens and zoom', () => {
  test.each([
    ['320 px wide', { width: 320, height: 640 }, 'narrow-320'],
    // 200 % zoom of a 1280×720 window leaves a 640×360 CSS-pixel viewport.
    ['200 % zoom', { width: 640, height: 360 }, 'zoom-200'],
  ])('at %s nothing scrolls sideways and the send box is reachable', async (_name, viewport, shot) => {
    const context = await newContext(browser, 'fi', viewport);
    const page = await context.newPage();
    await page.goto(app.url);
    const box = page.locator(CHAT.sendBox);
    await box.waitFor();
    await page.locator(CHAT.botMessage).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await box.scrollIntoViewIfNeeded();
    const rect = (await box.boundingBox())!;
    expect(rect.x).toBeGreaterThanOrEqual(0);
    expect(rect.x + rect.width).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `page-${shot}`);
    await context.close();
  });

  test('at 320 px the open widget fills the screen', async () => {
    const context = await newContext(browser, 'fi', { width: 320, height: 640 });
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    await page.locator('.esg-chat-launcher').click();
    const panel = page.locator('.esg-chat-panel');
    await panel.waitFor();
    const rect = (await panel.boundingBox())!;
    expect(rect.width).toBe(320);
    const frame = (await (await page.locator('.esg-chat-panel iframe').elementHandle())!.contentFrame())!;
    await frame.locator(CHAT.botMessage).first().waitFor();
    await screenshot(page, 'widget-narrow-320');
    await context.close();
  });
});

test('the skip link leads a keyboard user to the chat', async () => {
  const context = await newContext(browser, 'fi');
  const page = await context.newPage();
  await page.goto(app.url);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  expect(focused).toBe(PAGE_TEXTS.fi.skipToChat);
  await context.close();
});

test('when the stream drops, the chat reconnects (GET /conversations/{id}?watermark=) and the conversation goes on', async () => {
  const context = await newContext(browser, 'fi');
  const page = await context.newPage();
  const seen = watch(page);
  const reconnects: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'GET' && /\/v3\/directline\/conversations\/[^/?]+\?watermark=/.test(req.url()))
      reconnects.push(req.url());
  });
  // Pass the stream through, keeping a handle on the first one to cut it like a network would.
  let cut: (() => Promise<void>) | undefined;
  await page.routeWebSocket(/\/v3\/directline\/conversations\/[^/]+\/stream/, (ws) => {
    const server = ws.connectToServer();
    cut ??= async () => {
      await server.close();
      await ws.close({ code: 4000, reason: 'network cut' });
    };
  });
  await page.goto(app.url);
  await page.locator(CHAT.botMessage).first().waitFor({ timeout: 45_000 });
  await cut!();
  // Direct Line's client waits 3–15 s before it reconnects; then it asks where to resume.
  await until(() => reconnects.length > 0, 40_000);
  expect(new URL(reconnects[0]).searchParams.get('watermark')).toMatch(/^\d+$/);
  await until(() => seen.sockets.length > 1, 20_000);

  const m = facts.municipalities[PERSON.municipalityId];
  const box = page.locator(CHAT.sendBox);
  await box.focus();
  await box.pressSequentially(m.fi);
  await box.press('Enter');
  const next = decide({ municipalityId: PERSON.municipalityId }, new Date(`${PILOT_DAY}T12:00:00Z`));
  const slot = next.missing[0];
  await page
    .locator(CHAT.botMessage, { hasText: question(slot, 'fi').text! })
    .last()
    .waitFor({ timeout: 30_000 });
  await context.close();
});

test.each(TRANSPORTS)(
  'over %s, a long conversation keeps its token: it is refreshed before it expires',
  async (_name, query) => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    const seen = watch(page);
    // Timers under the test's control, so Direct Line's 15-minute token refresh can come now.
    await page.clock.install();
    const refreshes: number[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/v3/directline/tokens/refresh') refreshes.push(res.status());
    });
    await page.goto(`${app.url}/${query}`);
    await page
      .locator(CHAT.botMessage, { hasText: t('greeting', 'fi').slice(0, 30) })
      .first()
      .waitFor({ timeout: 45_000 });
    expect(seen.requests.filter((p) => p === '/v3/directline/conversations')).toHaveLength(1);

    await page.clock.fastForward('16:00');
    await until(() => refreshes.length > 0, 20_000);
    expect(refreshes[0]).toBe(200);
    if (query) expectPolled(seen);
    else expect(seen.sockets).toHaveLength(1);
    expect(seen.errors).toEqual([]);
    await context.close();
  },
);

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the chat's own client", () => {
  test('the answer card renders from its Adaptive Cards chunk, loaded on its own, with a working tel: link', async () => {
    const context = await newContext(browser, 'en');
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${app.url}/?lang=en`);
    const preloaded = await page
      .locator('link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    const card = await converse(page, 'en');
    // The chat's own files only, and the cards' chunk is one that the page did not preload.
    const chunks = [...new Set(seen.requests.filter((p) => p.startsWith('/chat/')))];
    expect(chunks.filter((p) => !preloaded.includes(p))).toHaveLength(1);

    const { tel, phoneContact } = expectedAnswer();
    const link = card.locator(`a[href="${tel}"]`).first();
    expect(await link.innerText()).toContain(phoneContact.phone);
    expect(await link.isVisible()).toBe(true);
    // A tap calls: the click reaches the page with its default action (the call) intact. The
    // test then cancels it, as there is no phone to call.
    await page.evaluate(() =>
      document.addEventListener(
        'click',
        (e) => {
          const a = (e.target as Element).closest('a');
          document.body.dataset.telClick = JSON.stringify({
            prevented: e.defaultPrevented,
            href: a?.getAttribute('href'),
          });
          e.preventDefault();
        },
        { once: true },
      ),
    );
    await link.click();
    expect(JSON.parse((await page.locator('body').getAttribute('data-tel-click'))!)).toEqual({
      prevented: false,
      href: tel,
    });
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  test('the send box takes typing at once: a message typed before the conversation is connected is sent when it is', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    const seen = watch(page);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/directline/token', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(app.url);
    const box = page.locator(CHAT.sendBox);
    await page.waitForFunction((sel) => !document.querySelector<HTMLInputElement>(sel)!.disabled, CHAT.sendBox);
    const m = facts.municipalities[PERSON.municipalityId].fi;
    await box.fill(m);
    await box.press('Enter');
    expect(await page.locator(CHAT.userMessage, { hasText: m }).count()).toBe(1);
    release();
    const next = decide({ municipalityId: PERSON.municipalityId }, new Date(`${PILOT_DAY}T12:00:00Z`));
    await page
      .locator(CHAT.botMessage, { hasText: question(next.missing[0], 'fi').text! })
      .last()
      .waitFor({ timeout: 30_000 });
    expect(await page.locator(CHAT.userMessage, { hasText: m }).count()).toBe(1);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  test('a message that could not be sent says so, and "send again" sends it', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    let dropNext = true;
    await page.route(/\/v3\/directline\/conversations\/[^/]+\/activities$/, async (route) => {
      if (route.request().method() === 'POST' && dropNext) {
        dropNext = false;
        await route.abort('internetdisconnected');
      } else await route.continue();
    });
    await page.goto(app.url);
    await page.locator(CHAT.botMessage).first().waitFor({ timeout: 45_000 });
    const m = facts.municipalities[PERSON.municipalityId].fi;
    const box = page.locator(CHAT.sendBox);
    await box.fill(m);
    await box.press('Enter');
    const mine = page.locator(CHAT.userMessage, { hasText: m });
    await mine.getByText(PAGE_TEXTS.fi.notSent).waitFor({ timeout: 30_000 });
    await mine.getByRole('button', { name: PAGE_TEXTS.fi.retry }).click();
    const next = decide({ municipalityId: PERSON.municipalityId }, new Date(`${PILOT_DAY}T12:00:00Z`));
    await page
      .locator(CHAT.botMessage, { hasText: question(next.missing[0], 'fi').text! })
      .last()
      .waitFor({ timeout: 30_000 });
    expect(await mine.getByText(PAGE_TEXTS.fi.notSent).count()).toBe(0);
    expect(await mine.count()).toBe(1);
    await context.close();
  });

  test('a conversation the channel has dropped says so, and the send box stops taking messages', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    // Polling: once the greeting is here, the channel answers 404 (a conversation dropped after
    // being idle too long answers so).
    let dropped = false;
    await page.route(/\/v3\/directline\/conversations\/[^/]+\/activities\?watermark=/, async (route) => {
      if (dropped) await route.fulfill({ status: 404, body: '' });
      else await route.continue();
    });
    await page.goto(`${app.url}/?transport=polling`);
    await page.locator(CHAT.botMessage).first().waitFor({ timeout: 45_000 });
    dropped = true;
    await page.getByRole('status').getByText(PAGE_TEXTS.fi.failed).waitFor({ timeout: 30_000 });
    expect(await page.locator(CHAT.sendBox).isDisabled()).toBe(true);
    await context.close();
  });

  test("its HTML sanitizer keeps an allow-list like sanitize-html's: no script, handler or javascript: link survives; tel: links and text do", async () => {
    const page = await browser.newPage();
    const source = fs
      .readFileSync(path.join(__dirname, '..', '..', 'src', 'web', 'client', 'sanitizeHtml.js'), 'utf8')
      .replace('export default function sanitizeHtml', 'window.sanitizeHtml = function sanitizeHtml');
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: source });
    // The kind of options the cards' Markdown passes.
    const options = {
      allowedTags: ['a', 'p', 'strong'],
      allowedAttributes: { a: ['href', 'aria-label'] },
      allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    };
    const clean = (html: string) =>
      page.evaluate(
        ({ html, options }) => {
          const w = window as Window & { sanitizeHtml?: (h: string, o: typeof options) => string };
          return w.sanitizeHtml!(html, options);
        },
        { html, options },
      );
    const { tel } = expectedAnswer();
    expect(await clean(`<p>Call <a href="${tel}" onclick="steal()">us</a></p>`)).toBe(
      `<p>Call <a href="${tel}">us</a></p>`,
    );
    expect(await clean('<img src="x" onerror="alert(1)">text')).toBe('text');
    expect(await clean('<script>alert(1)</script>ok<style>p{}</style>')).toBe('ok');
    expect(await clean('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(await clean('<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(await clean('<a href="data:text/html,<b>x</b>">x</a>')).toBe('<a>x</a>');
    expect(await clean('<div title="t"><strong>bold</strong> <a href="/help" aria-label="help">h</a></div>')).toBe(
      '<strong>bold</strong> <a href="/help" aria-label="help">h</a>',
    );
    await page.close();
  });
});
