import type { Page, Route } from 'playwright-core';
import { decide, facts } from '../../knowledge';
import { benefitLabel } from '../../dialogs/replies/buttons';
import { question } from '../../dialogs/replies/messages';
import { t } from '../../dialogs/replies/texts';
import { PAGE_TEXTS } from '../../src/web/texts';
import {
  CHAT,
  converse,
  expectedAnswer,
  expectPolled,
  app,
  browser,
  newContext,
  PERSON,
  PILOT_DAY,
  screenshot,
  startServerAndBrowser,
  TRANSPORTS,
  until,
  watch,
} from './browser/harness';

// The chat's own client in real headless Chromium (Debian's) against the real server in local
// Direct Line mode, where the network or the channel misbehaves: a stream cut, a long
// conversation's token, a message typed before the connection, a send that fails or whose answer
// is lost, a dropped conversation, a chat that cannot open, the cards chunk failing once; and
// what the keyboard and a tap do. A server of its own: each file's conversations count against
// the channel's per-address limit separately.

startServerAndBrowser();

const MUNICIPALITY = facts.municipalities[PERSON.municipalityId].fi;

/** Resolves when the bot asks what it asks once it knows the home municipality (the knowledge decides which). */
function nextQuestionShown(page: Page): Promise<void> {
  const next = decide({ municipalityId: PERSON.municipalityId }, new Date(`${PILOT_DAY}T12:00:00Z`));
  return page
    .locator(CHAT.botMessage, { hasText: question(next.missing[0], 'fi').text! })
    .last()
    .waitFor({ timeout: 30_000 });
}

/** The page's first message to the channel (POST …/activities) goes through `first`; later ones pass. */
async function onFirstSend(page: Page, first: (route: Route) => Promise<void>): Promise<void> {
  let done = false;
  await page.route(/\/v3\/directline\/conversations\/[^/]+\/activities$/, async (route) => {
    if (route.request().method() === 'POST' && !done) {
      done = true;
      await first(route);
    } else await route.continue();
  });
}

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

  const box = page.locator(CHAT.sendBox);
  await box.focus();
  await box.pressSequentially(MUNICIPALITY);
  await box.press('Enter');
  await nextQuestionShown(page);
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
    await box.fill(MUNICIPALITY);
    await box.press('Enter');
    expect(await page.locator(CHAT.userMessage, { hasText: MUNICIPALITY }).count()).toBe(1);
    release();
    await nextQuestionShown(page);
    expect(await page.locator(CHAT.userMessage, { hasText: MUNICIPALITY }).count()).toBe(1);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  test('a message that could not be sent says so, and "send again" sends it', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    await onFirstSend(page, (route) => route.abort('internetdisconnected'));
    await page.goto(app.url);
    await page.locator(CHAT.botMessage).first().waitFor({ timeout: 45_000 });
    const box = page.locator(CHAT.sendBox);
    await box.fill(MUNICIPALITY);
    await box.press('Enter');
    const mine = page.locator(CHAT.userMessage, { hasText: MUNICIPALITY });
    await mine.getByText(PAGE_TEXTS.fi.notSent).waitFor({ timeout: 30_000 });
    await mine.getByRole('button', { name: PAGE_TEXTS.fi.retry }).click();
    await nextQuestionShown(page);
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
    await page.getByRole('status').getByText(PAGE_TEXTS.fi.ended).waitFor({ timeout: 30_000 });
    expect(await page.locator(CHAT.sendBox).isDisabled()).toBe(true);
    await context.close();
  });

  test('when the chat cannot open, it says so and offers to open it again, which works', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    let refusals = 0;
    await page.route('**/api/directline/token', async (route) => {
      if (refusals++ === 0) await route.fulfill({ status: 503, contentType: 'application/json', body: '{}' });
      else await route.continue();
    });
    await page.goto(app.url);
    const status = page.getByRole('status');
    await status.getByText(PAGE_TEXTS.fi.failed).waitFor({ timeout: 30_000 });
    expect(await page.locator(CHAT.sendBox).isDisabled()).toBe(true);
    await status.getByRole('link', { name: PAGE_TEXTS.fi.reopen }).click();
    await page.locator(CHAT.botMessage, { hasText: t('greeting', 'fi').slice(0, 30) }).waitFor({ timeout: 45_000 });
    expect(await page.locator(CHAT.sendBox).isDisabled()).toBe(false);
    await context.close();
  });

  test("when the chat's script cannot be fetched, the page says so and offers to open the chat again, which works", async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    const seen = watch(page);
    let blocked = true;
    await page.route(/\/chat\/chat-[^/]+\.js$/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(app.url);
    const status = page.getByRole('status');
    await status.getByText(PAGE_TEXTS.fi.failed).waitFor({ timeout: 30_000 });
    // The page's own inline fallback said it: the CSP let it run.
    expect(seen.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await screenshot(page, 'page-script-failed');
    blocked = false;
    await status.getByRole('link', { name: PAGE_TEXTS.fi.reopen }).click();
    await page.locator(CHAT.botMessage, { hasText: t('greeting', 'fi').slice(0, 30) }).waitFor({ timeout: 45_000 });
    await context.close();
  });

  test('a message the channel got, though its answer was lost on the way back, shows as sent, once', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    await onFirstSend(page, async (route) => {
      await route.fetch(); // the channel has it (and echoes it) ...
      await route.abort('connectionreset'); // ... but the page never hears back
    });
    await page.goto(app.url);
    await page.locator(CHAT.botMessage).nth(1).waitFor({ timeout: 45_000 });
    const lost = page.waitForEvent('requestfailed', (r) => r.method() === 'POST' && /\/activities$/.test(r.url()));
    await page.locator(CHAT.sendBox).fill(MUNICIPALITY);
    await page.locator(CHAT.sendBox).press('Enter');
    await nextQuestionShown(page);
    // The page has heard of the failed send, and handled it, before the check below.
    await lost;
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const mine = page.locator(CHAT.userMessage, { hasText: MUNICIPALITY });
    expect(await mine.count()).toBe(1);
    expect(await mine.getByText(PAGE_TEXTS.fi.notSent).count()).toBe(0);
    await context.close();
  });

  test('a suggested answer pressed with the keyboard moves the focus to the send box; a tap does not (no phone keyboard)', async () => {
    const context = await browser.newContext({
      locale: 'fi-FI',
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(app.url);
    const focusedIsSendBox = () =>
      page.evaluate((sel) => document.activeElement === document.querySelector(sel), CHAT.sendBox);
    // The greeting offers the languages: Enter on "Suomi" keeps the conversation as it is.
    const finnish = page.locator(CHAT.suggestedAnswer, { hasText: 'Suomi' });
    await finnish.waitFor({ timeout: 45_000 });
    await finnish.focus();
    await finnish.press('Enter');
    expect(await focusedIsSendBox()).toBe(true);
    // Home municipality and age in one message; the benefit question comes with buttons, tapped.
    await page.locator(CHAT.sendBox).fill(`${MUNICIPALITY}, ${PERSON.age}`);
    await page.locator(CHAT.sendBox).press('Enter');
    const benefit = page.locator(CHAT.suggestedAnswer, { hasText: benefitLabel(PERSON.benefit, 'fi') });
    await benefit.waitFor({ timeout: 30_000 });
    await benefit.tap();
    await page.locator(CHAT.userMessage, { hasText: benefitLabel(PERSON.benefit, 'fi') }).waitFor();
    expect(await focusedIsSendBox()).toBe(false);
    await context.close();
  });

  test('when the cards chunk fails to load once, the answer card still shows (it is fetched again)', async () => {
    const context = await newContext(browser, 'fi');
    const page = await context.newPage();
    // The cards chunk is the one chunk the page does not preload: its first fetch fails.
    let cardsFetches = 0;
    await page.route(/\/chat\/chunk-[^/]+\.js$/, async (route) => {
      const preloaded = await page
        .locator('link[rel="modulepreload"]')
        .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
      if (preloaded.includes(new URL(route.request().url()).pathname)) await route.continue();
      else if (cardsFetches++ === 0) await route.abort();
      else await route.continue();
    });
    await page.goto(app.url);
    const card = await converse(page, 'fi');
    expect(cardsFetches).toBe(2);
    const { tel } = expectedAnswer();
    expect(await card.locator(`a[href="${tel}"]`).count()).toBeGreaterThan(0);
    await context.close();
  });
});
