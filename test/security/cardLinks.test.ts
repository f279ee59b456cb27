// Every link a card renders passes one allow-list (https, tel, mailto; nothing else), whether the
// card's Markdown or Adaptive Cards itself built it: a TextRun's link, an image, a container or a
// button with an OpenUrl action. The chat's real cards chunk renders a hostile card in Chromium.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { startHost, type Host } from '../ops/host';
import { loadChat } from '../../src/web/chatBundle';

jest.setTimeout(120_000);

const ALLOWED = /^(https:|tel:|mailto:)/i;
const BAD = [
  'javascript:window.pwned=1',
  ' JaVaScRiPt:window.pwned=1',
  'java\tscript:window.pwned=1',
  'vbscript:msgbox(1)',
  'data:text/html,<script>window.pwned=1</script>',
  'blob:https://example.com/x',
  'http://example.com/plain-http',
  '/relative/path',
  '//example.com/protocol-relative',
  'file:///etc/passwd',
];
const GOOD = ['https://example.com/map', 'tel:+358401234567', 'mailto:info@example.com'];

const openUrl = (url: string) => ({ type: 'Action.OpenUrl', title: url.slice(0, 20), url });
const hostileCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', wrap: true, text: [...BAD, ...GOOD].map((u, i) => `[link ${i}](${u})`).join(' ') },
    {
      type: 'RichTextBlock',
      inlines: [...BAD, ...GOOD].map((u, i) => ({ type: 'TextRun', text: `run ${i} `, selectAction: openUrl(u) })),
    },
    ...BAD.map((u) => ({
      type: 'Image',
      url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      altText: 'image',
      selectAction: openUrl(u),
    })),
    { type: 'Container', items: [{ type: 'TextBlock', text: 'container' }], selectAction: openUrl(BAD[0]) },
  ],
  actions: [...BAD, ...GOOD].map(openUrl),
};

let host: Host;
let browser: Browser;
let chunk = '';
beforeAll(async () => {
  host = await startHost();
  // The chunk that exports renderCard, as the page loads it.
  const bundle = await loadChat();
  chunk = bundle.files.find((f) => /\brenderCard\b/.test(f.body.toString()) && f.name !== bundle.entry)!.name;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/** The chat page with the real cards chunk loaded: `window.renderCard` is its export. */
async function pageWithCards(): Promise<Page> {
  const page = await browser.newPage();
  page.on('popup', (p) => void p.close());
  await page.goto(`${host.url}/`);
  // A string, so the dynamic import is the browser's own (the test's compiler would rewrite it).
  await page.evaluate(`import('/chat/${chunk}').then((m) => { window.renderCard = m.renderCard; })`);
  return page;
}

type Rendered = { hrefs: string[]; opened: string[]; pwned: number; html: string };

/** Renders `card` in the page; returns every href, what `open` was asked to follow, and the text's HTML. */
function render(page: Page, card: object): Promise<Rendered> {
  return page.evaluate((card) => {
    const opened: string[] = [];
    const w = window as unknown as {
      renderCard: (c: object, o: object) => HTMLElement;
      pwned?: number;
    };
    const el = w.renderCard(card, { submit: () => undefined, open: (u: string) => opened.push(u) });
    document.body.append(el);
    const hrefs = Array.from(el.querySelectorAll('[href]')).map((a) => a.getAttribute('href') ?? '');
    // Click everything that can be clicked: links, the images, the container, the buttons.
    for (const target of Array.from(el.querySelectorAll<HTMLElement>('a, [role="link"], button, .ac-selectable')))
      target.click();
    return { hrefs, opened, pwned: w.pwned ?? 0, html: el.querySelector('.ac-textBlock')?.innerHTML ?? '' };
  }, card);
}

test('no link outside https, tel and mailto survives in a rendered card, nor is one followed when clicked', async () => {
  const page = await pageWithCards();
  try {
    const { hrefs, opened, pwned } = await render(page, hostileCard);
    expect(hrefs.filter((h) => !ALLOWED.test(h))).toEqual([]);
    // The allowed ones are still links (Markdown and TextRun each).
    for (const url of GOOD) expect(hrefs.filter((h) => h === url).length).toBeGreaterThanOrEqual(2);
    expect(opened.filter((u) => !ALLOWED.test(u))).toEqual([]);
    expect(opened).toEqual(expect.arrayContaining(GOOD));
    expect(pwned).toBe(0);
  } finally {
    await page.close();
  }
});

test('the Markdown is cleaned by DOMPurify to the card allow-list: no script, handler, style or image', async () => {
  const page = await pageWithCards();
  try {
    const { html, pwned } = await render(page, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'TextBlock',
          text: '**bold** <img src=x onerror="window.pwned=1"> <script>1</script> [x](tel:+358401234567)',
        },
      ],
    });
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="tel:+358401234567"');
    // Raw HTML in the Markdown stays text: no element is made of it.
    expect(html).not.toMatch(/<img|<script/i);
    expect(pwned).toBe(0);
  } finally {
    await page.close();
  }
});
