import type { Contact, Lang } from '../../knowledge';
import { facts, LANGS, lineClosedOn, periodOn } from '../../knowledge';
import { telUrl } from '../../dialogs';
import { createHash } from 'crypto';
import { PAGE_TEXTS } from './texts';
import type { ChatConfig } from './client/types';

// The HTML of the chat page (/ and, inside the widget's frame, /embed) and of the demo contact
// page (/demo). Rendered on the server so the page has its language from the first byte (screen
// readers read `lang`), and so the demo's phone numbers come from knowledge at serve time.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** JSON for a <script type="application/json"> block: `<` escaped so no text can close the tag. */
const safeJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

const LANG_NAMES: Record<Lang, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };

function languageLinks(lang: Lang, path: string): string {
  const t = PAGE_TEXTS[lang];
  const items = LANGS.map((l) =>
    l === lang
      ? `<li><a href="${path}?lang=${l}" lang="${l}" hreflang="${l}" aria-current="true">${LANG_NAMES[l]}</a></li>`
      : `<li><a href="${path}?lang=${l}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a></li>`,
  ).join('');
  return `<nav class="languages" aria-label="${escapeHtml(t.languages)}"><ul>${items}</ul></nav>`;
}

/**
 * Runs before the chat's module: when that module (or a chunk it imports) cannot be fetched, or the
 * browser runs no modules, the status line says so and shows the link that opens the chat again,
 * instead of "opening the chat" for ever. Inline, so it costs no request; the page's CSP allows it
 * by its hash (CHAT_FALLBACK_HASH).
 */
const CHAT_FALLBACK = `(function () {
  function fail() {
    document.getElementById('chat-status-text').textContent = JSON.parse(
      document.getElementById('chat-config').textContent
    ).texts.failed;
    document.getElementById('chat-reopen').hidden = false;
  }
  if (!('noModule' in document.createElement('script'))) return fail();
  addEventListener('error', function (e) {
    var n = e.target;
    if (n && (n.tagName === 'SCRIPT' || (n.tagName === 'LINK' && n.rel === 'modulepreload'))) fail();
  }, true);
})();`;

/** The CSP source that lets the chat pages run CHAT_FALLBACK and no other inline script. */
export const CHAT_FALLBACK_HASH = `'sha256-${createHash('sha256').update(CHAT_FALLBACK).digest('base64')}'`;

export interface ChatPageOptions {
  lang: Lang;
  /** Inside the widget's frame: no page header, the chat fills the frame. */
  embedded: boolean;
  /** The chat's script and the chunks it imports (fetched alongside, not after it). */
  client: { entry: string; preload: string[] };
  /** The lead and the privacy note promise what the guide answers on this day. */
  today: Date;
}

/**
 * Every phone number the guide gives, as it writes it, with its tel: URL: the chat links these in
 * the bot's text messages by the same rule as the answer card's links (one telUrl).
 */
const phoneLinks = (): Record<string, string> =>
  Object.fromEntries(
    Object.values(facts.contacts).flatMap((c) => (c.phone ? [[c.phone, telUrl(c.phone)] as const] : [])),
  );

export function chatPage({ lang, embedded, client, today }: ChatPageOptions): string {
  const t = PAGE_TEXTS[lang];
  const now = periodOn(today) === 'afterPilot';
  const config: ChatConfig = {
    lang,
    locale: t.locale,
    embedded,
    phoneLinks: phoneLinks(),
    texts: {
      failed: t.failed,
      botSaid: t.botSaid,
      youSaid: t.youSaid,
      notSent: t.notSent,
      retry: t.retry,
      cardLoading: t.cardLoading,
      ended: t.ended,
      cardFailed: t.cardFailed,
    },
  };
  const header = embedded
    ? ''
    : `<a class="skip-link" href="#chat-input">${escapeHtml(t.skipToChat)}</a>
<header class="page-header">
  <div class="page-header__inner">
    <h1>${escapeHtml(t.title)}</h1>
    ${languageLinks(lang, '/')}
  </div>
</header>`;
  const lead = embedded ? '' : `<p class="lead">${escapeHtml(now ? t.leadToday : t.lead)}</p>`;
  // The transcript and the send box are in the HTML, so they show with the page's first paint;
  // the send box takes typing once the chat's script runs (a message typed before the
  // conversation is connected waits for it).
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(embedded ? t.chatLabel : t.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/chat.css">
${[client.entry, ...client.preload].map((src) => `<link rel="modulepreload" href="${escapeHtml(src)}">`).join('\n')}
</head>
<body class="${embedded ? 'embedded' : 'full'}">
${header}
<main class="chat-main">
  ${lead}
  <section class="privacy" aria-labelledby="privacy-heading">
    <h2 id="privacy-heading">${escapeHtml(t.privacyHeading)}</h2>
    <p>${escapeHtml(now ? t.privacyToday : t.privacy)}</p>
  </section>
  <section class="chat" aria-label="${escapeHtml(t.chatLabel)}">
    <p id="chat-status" class="chat-status" role="status"><span id="chat-status-text">${escapeHtml(t.loading)}</span> <a id="chat-reopen" class="chat-status__button" href="" hidden>${escapeHtml(t.reopen)}</a></p>
    <div id="chat-log" class="chat-log" role="log" aria-label="${escapeHtml(t.transcriptLabel)}" tabindex="0"></div>
    <div id="chat-actions" class="chat-actions" role="group" aria-label="${escapeHtml(t.suggestedLabel)}" hidden></div>
    <form id="chat-form" class="chat-send" action="#" autocomplete="off">
      <label class="visually-hidden" for="chat-input">${escapeHtml(t.sendBoxLabel)}</label>
      <input id="chat-input" class="chat-send__input" type="text" name="message" placeholder="${escapeHtml(t.sendBoxLabel)}" enterkeyhint="send" disabled>
      <button class="chat-send__button" type="submit" disabled>${escapeHtml(t.send)}</button>
    </form>
    <noscript><p>${escapeHtml(t.noScript)}</p></noscript>
  </section>
</main>
<script type="application/json" id="chat-config">${safeJson(config)}</script>
<script>${CHAT_FALLBACK}</script>
<script type="module" src="${escapeHtml(client.entry)}"></script>
</body>
</html>
`;
}

/**
 * The demo contact page. `today` decides what it offers beside the chat: the TE office's lines as
 * click-to-call links while they answered; from the day they closed, registering in the national
 * online service instead (a tap must not call a line that no longer answers, and a closed line is
 * nothing to offer). `transport: 'polling'` is passed on to the widget (the browser tests use it).
 */
export function demoPage(lang: Lang, phoneLines: Contact[], today: Date, transport?: 'polling'): string {
  const t = PAGE_TEXTS[lang];
  const office = facts.providers.teOffice.name[lang];
  const closed = phoneLines.some((c) => lineClosedOn(c, today));
  const chatLink = `<a class="phone-line__chat" href="#" data-chat-widget>${escapeHtml(t.demoChatInstead)}</a>`;
  const jobMarket = facts.jobMarket;
  const rows = closed
    ? `<li class="phone-line">
      <a class="phone-line__number" href="${escapeHtml(jobMarket.url[lang])}">${escapeHtml(t.demoRegister(jobMarket.name[lang]))}</a>
      ${chatLink}
    </li>`
    : phoneLines
        .filter((c) => c.phone)
        .map(
          (c) => `<li class="phone-line">
      <span class="phone-line__role">${escapeHtml(c.role[lang])}</span>
      <a class="phone-line__number" href="${telUrl(c.phone!)}">${escapeHtml(c.phone!)}</a>
      ${chatLink}
    </li>`,
        )
        .join('\n');
  const heading = closed ? t.demoTodayHeading : t.demoPhoneHeading(office);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.demoTitle)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/demo.css">
</head>
<body>
<header class="demo-header">${languageLinks(lang, '/demo')}</header>
<main class="demo-main">
  <h1>${escapeHtml(t.demoTitle)}</h1>
  <p>${escapeHtml(t.demoLead)}</p>
  <h2>${escapeHtml(heading)}</h2>
  <ul class="phone-lines">
${rows}
  </ul>
  <p>${escapeHtml(t.demoNote)}</p>
</main>
<script src="/widget.js" data-lang="${lang}"${transport ? ` data-transport="${transport}"` : ''} async></script>
</body>
</html>
`;
}
