import { facts } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { PAGE_TEXTS } from '../../src/web/texts';
import {
  addressLine,
  axe,
  CHAT,
  converse,
  expectedAnswer,
  app,
  browser,
  newContext,
  expectPolled,
  PERSON,
  screenshot,
  startServerAndBrowser,
  TRANSPORTS,
  until,
  watch,
} from './browser/harness';

// Real headless Chromium (Debian's) against the real server in local Direct Line mode: a whole
// guidance conversation on the page and in the widget, over the WebSocket stream and over
// polling; the answer card with its address and click-to-call link; axe-core's WCAG 2.1 A/AA
// rules; small screens and zoom. Screenshots go to test-artifacts/. The chat client's behaviour
// when the network or the channel misbehaves: chatClient.test.ts.

startServerAndBrowser();

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
  // Screen readers read the bot's words with a Swedish voice.
  expect(await page.locator(CHAT.botMessage).first().getAttribute('lang')).toBe('sv-FI');
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

  test('at 400 % zoom the open widget still lets a user reach the send box and type', async () => {
    // 400 % zoom of a 1280×720 window leaves a 320×180 CSS-pixel viewport.
    const context = await newContext(browser, 'fi', { width: 320, height: 180 });
    const page = await context.newPage();
    await page.goto(`${app.url}/demo`);
    await page.locator('.esg-chat-launcher').click();
    const frame = (await (await page.locator('.esg-chat-panel iframe').elementHandle())!.contentFrame())!;
    await frame.locator(CHAT.botMessage).first().waitFor({ timeout: 45_000 });
    const box = frame.locator(CHAT.sendBox);
    await box.scrollIntoViewIfNeeded();
    const frameBox = (await page.locator('.esg-chat-panel iframe').boundingBox())!;
    const rect = (await box.boundingBox())!;
    expect(rect.y).toBeGreaterThanOrEqual(frameBox.y);
    expect(rect.y + rect.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
    await box.fill('Mikkeli');
    await box.press('Enter');
    await frame.locator(CHAT.userMessage, { hasText: 'Mikkeli' }).waitFor();
    await screenshot(page, 'widget-zoom-400');
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
