import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { decide, facts, type Lang, type Person, type Slot } from '../../../knowledge';
import { loadConfig } from '../../../src/config';
import { start } from '../../../src/index';
import type { RunningServer } from '../../../src/server';
import { benefitLabel } from '../../../dialogs/replies/buttons';
import { question } from '../../../dialogs/replies/messages';
import { t } from '../../../dialogs/replies/texts';
import { formatAddress } from '../../../knowledge';
import { telUrl } from '../../../dialogs/replies/answerCard';
import { launchChromium } from '../../../scripts/chromium';

// What the browser tests share: the real server (src/index.ts, local Direct Line mode) on a free
// port, Debian's Chromium driven by playwright-core, and one guidance conversation typed like a
// keyboard user would. Expected values come from knowledge (decide), never typed here.

export const ARTIFACTS = path.join(__dirname, '..', '..', '..', 'test-artifacts');

/** A day inside the pilot period, from the knowledge. */
export const PILOT_DAY = facts.dates.pilotStart.date;

/** This test file's server and browser (set by {@link startServerAndBrowser}'s beforeAll). */
export let app: RunningServer;
export let browser: Browser;

/** Starts the real server and Chromium before this file's tests, and stops both after them. */
export function startServerAndBrowser(): void {
  jest.setTimeout(120_000);
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
}

async function startApp(): Promise<RunningServer> {
  const app = await start(loadConfig({ PORT: '0', HOST: '127.0.0.1', GUIDE_DATE: PILOT_DAY, LOG_LEVEL: 'silent' }));
  // Run from the sources, the server builds the chat's script on the first page request: done
  // here, so no test's page load waits for the build.
  await (await fetch(`${app.url}/embed`)).text();
  return app;
}

export async function newContext(
  browser: Browser,
  lang: Lang,
  viewport = { width: 1024, height: 800 },
): Promise<BrowserContext> {
  const locale = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-US' }[lang];
  return browser.newContext({ locale, viewport });
}

/** The person of the scripted conversation, and the answers a user gives for each question. */
export const PERSON: Required<Pick<Person, 'municipalityId' | 'age' | 'benefit' | 'immigrant'>> = {
  municipalityId: 'savonlinna',
  age: 40,
  benefit: 'labourMarketSubsidy',
  immigrant: false,
};

export function expectedAnswer() {
  const guidance = decide(PERSON, new Date(`${PILOT_DAY}T12:00:00Z`));
  if (guidance.outcome !== 'provider') throw new Error(`the scripted person gets no provider: ${guidance.outcome}`);
  const point = guidance.servicePoints[0];
  const phoneContact = guidance.contacts.find((c) => c.phone);
  if (!phoneContact) throw new Error('the scripted person gets no phone contact');
  return { guidance, point, phoneContact, tel: telUrl(phoneContact.phone!) };
}

type Surface = Page | Frame;

/** What the tests find on the chat page: the send box, messages, the suggested answers. */
export const CHAT = {
  sendBox: '#chat-input',
  botMessage: '.chat-msg--bot',
  userMessage: '.chat-msg--user',
  suggestedAnswer: '.chat-actions button',
} as const;

const sendBox = (s: Surface) => s.locator(CHAT.sendBox);
/** The newest bot message with this text. */
const botText = (s: Surface, text: string) => s.locator(CHAT.botMessage, { hasText: text }).last();

/** Types into the send box and presses Enter (keyboard only). */
async function type(s: Surface, text: string) {
  const box = sendBox(s);
  await box.focus();
  await box.fill('');
  await box.pressSequentially(text);
  await box.press('Enter');
}

/** Presses a suggested-action button with the keyboard (focus + Enter). */
async function press(s: Surface, label: string) {
  const button = s.locator(CHAT.suggestedAnswer, { hasText: label }).last();
  await button.focus();
  await button.press('Enter');
}

/**
 * The whole guidance conversation: waits for the greeting, then answers each question the bot
 * asks (decide() says which one comes next, as it does for the bot), and waits for the answer
 * card. Returns the card's locator.
 */
export async function converse(s: Surface, lang: Lang) {
  await botText(s, t('greeting', lang).slice(0, 30)).waitFor({ timeout: 45_000 });
  const person: Person = {};
  const day = new Date(`${PILOT_DAY}T12:00:00Z`);
  for (let turn = 0; turn < 6; turn += 1) {
    const next = decide(person, day);
    if (next.outcome !== 'needMore') break;
    const slot: Slot = next.missing[0];
    if (turn > 0) await botText(s, question(slot, lang).text!).waitFor({ timeout: 30_000 });
    if (slot === 'municipality') {
      const m = facts.municipalities[PERSON.municipalityId];
      await type(s, (lang === 'sv' && m.sv) || m.fi);
      person.municipalityId = PERSON.municipalityId;
    } else if (slot === 'age') {
      await type(s, String(PERSON.age));
      person.age = PERSON.age;
    } else if (slot === 'benefit') {
      await press(s, benefitLabel(PERSON.benefit, lang));
      person.benefit = PERSON.benefit;
    } else {
      await press(s, t(PERSON.immigrant ? 'buttonYes' : 'buttonNo', lang));
      person.immigrant = PERSON.immigrant;
    }
  }
  const { point } = expectedAnswer();
  const card = s.locator('.ac-adaptiveCard', { hasText: point.address.street }).last();
  await card.waitFor({ timeout: 30_000 });
  return card;
}

/** The address line as the card shows it, from the knowledge. */
export function addressLine(lang: Lang): string {
  return formatAddress(expectedAnswer().point.address, lang);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
/** The part of axe-core's page API the check calls. */
interface AxeInPage {
  run(context: Document, options: object): Promise<{ violations: AxeViolation[] }>;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in a page or a frame; returns the violations. */
export async function axe(s: Surface): Promise<AxeViolation[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses
  // an injected <script>.
  await s.evaluate(`${source}\n;true`);
  return s.evaluate(async () => {
    const result = await (Reflect.get(window, 'axe') as AxeInPage).run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      iframes: false,
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Which Direct Line transport the page really used, what it loaded, and any console error. */
export function watch(page: Page) {
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
export const TRANSPORTS = [
  ['websocket', ''],
  ['polling', '?transport=polling'],
] as const;

/** Polling: no socket was opened, and the activities were fetched more than once. */
export function expectPolled(seen: ReturnType<typeof watch>): void {
  expect(seen.sockets).toHaveLength(0);
  expect(seen.polls).toBeGreaterThan(1);
}

/** Waits until `check()` holds, or fails after `ms`. */
export async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
