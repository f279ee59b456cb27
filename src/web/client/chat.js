/* The chat on the page (/) and in the widget's frame (/embed): a small client of our own on
 * Direct Line 3.0 (botframework-directlinejs: WebSocket or polling, reconnect, token refresh; the
 * same in local and Azure Direct Line mode). It shows the bot's messages in the page's transcript
 * (a live region), its suggested answers as buttons, and the answer's Adaptive Card, whose
 * renderer loads in a chunk of its own once the bot has spoken. The page's HTML already holds the
 * transcript and the send box (src/web/pages.ts), and this file's words come with the page. */
// First: it asks for the token while the browser still evaluates Direct Line's code below.
import { config, params, opened, token } from './start.js';
import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { phoneLinker } from './phoneLinks.js';
import { openLink } from './links.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const texts = config.texts;
const withPhoneLinks = phoneLinker(config.phoneLinks);
/**
 * An element the page's HTML always holds (src/web/pages.ts).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function element(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no #${id}`);
  return el;
}
const statusText = element('chat-status-text', HTMLElement);
const reopen = element('chat-reopen', HTMLAnchorElement);
const log = element('chat-log', HTMLDivElement);
const actions = element('chat-actions', HTMLDivElement);
const form = element('chat-form', HTMLFormElement);
const input = element('chat-input', HTMLInputElement);
const sendButton = /** @type {HTMLButtonElement} */ (form.querySelector('button'));

// The status line stays in the page (empty when there is nothing to say), so a screen reader
// announces each new text in it.
/** @param {string} text */
function say(text) {
  statusText.textContent = text;
}

let failed = false;
/**
 * The chat cannot go on: says why, stops the send box, and shows the page's link that opens the
 * chat afresh (in the widget's frame too: the widget opens the reloaded frame at once).
 */
function fail(why = texts.failed) {
  // The first reason stands (an ended conversation also ends its stream, with an error).
  if (failed) return;
  failed = true;
  const hadFocus = document.activeElement === input || document.activeElement === sendButton;
  say(why);
  reopen.hidden = false;
  input.disabled = true;
  sendButton.disabled = true;
  if (hadFocus) reopen.focus();
}

/** Direct Line, once the server has given a token (Azure Direct Line's or our local channel's). */
const connection = token.then((dl) => ({
  userId: dl.userId,
  directLine: new DirectLine({
    token: dl.token,
    domain: dl.domain,
    // ?transport=polling: plain HTTP polling (for networks that block WebSockets, and for tests).
    webSocket: params.get('transport') !== 'polling',
    // Azure Direct Line passes it on in the bot's conversationUpdate, so the greeting is in the
    // page's language (our own channel has it from the token route).
    conversationStartProperties: { locale: config.locale },
  }),
}));

// ---- The transcript ----

/**
 * Keeps the newest message in view: its start when it is taller than the transcript, else the end.
 * @param {HTMLElement} el
 */
function reveal(el) {
  log.scrollTop = Math.min(el.offsetTop - 8, log.scrollHeight - log.clientHeight);
}

/**
 * A message in the transcript; screen readers hear who said it first.
 * @param {boolean} fromBot
 */
function message(fromBot) {
  const el = document.createElement('div');
  el.className = `chat-msg chat-msg--${fromBot ? 'bot' : 'user'}`;
  const who = document.createElement('span');
  who.className = 'visually-hidden';
  who.textContent = `${fromBot ? texts.botSaid : texts.youSaid} `;
  el.append(who);
  return el;
}

/**
 * @param {string} text
 * @param {boolean} fromBot
 */
function textOf(text, fromBot) {
  const p = document.createElement('p');
  p.className = 'chat-msg__text';
  p.append(fromBot ? withPhoneLinks(text) : text);
  return p;
}

/**
 * The user's message, added to the transcript.
 * @param {string} text
 */
function showUserMessage(text) {
  const el = message(false);
  el.append(textOf(text, false));
  log.append(el);
  reveal(el);
  return el;
}

/** @type {Promise<typeof import('./cards.js')> | undefined} */
let cards;
/** @param {() => void} f */
const later = (f) => (window.requestIdleCallback ? window.requestIdleCallback(() => f()) : setTimeout(f, 200));
/** The Adaptive Cards chunk, fetched once; a failed fetch (a network blip) is tried again next time. */
const loadCards = () =>
  (cards ??= import('./cards.js').catch((e) => {
    cards = undefined;
    throw e;
  }));

/**
 * A card: a short "loading" line until the renderer is here (it usually is by then).
 * @param {unknown} content
 * @param {HTMLElement} into
 */
function card(content, into) {
  const slot = document.createElement('div');
  slot.className = 'chat-msg__card';
  slot.textContent = texts.cardLoading;
  into.append(slot);
  loadCards()
    .then(({ renderCard }) => {
      const rendered = renderCard(content, { submit: (data) => send({ value: data }), open: openLink });
      slot.replaceChildren(...(rendered ? [rendered] : []));
      reveal(into);
    })
    .catch(() => {
      slot.textContent = texts.cardFailed;
    });
}

/** @param {import('./types').ChatActivity} a */
function showBotMessage(a) {
  const el = message(true);
  // The bot answers in the user's language: screen readers read it with that language's voice.
  if (typeof a.locale === 'string') el.lang = a.locale;
  if (typeof a.text === 'string' && a.text) el.append(textOf(a.text, true));
  for (const attachment of a.attachments || []) {
    if (attachment.contentType === ADAPTIVE_CARD && attachment.content) card(attachment.content, el);
  }
  if (el.childNodes.length === 1) return;
  // The buttons first: they take room from the transcript, which then scrolls the message into view.
  showActions((a.suggestedActions && a.suggestedActions.actions) || []);
  log.append(el);
  reveal(el);
}

// ---- Suggested answers ----

/** @param {import('./types').SuggestedAction[]} list */
function showActions(list) {
  const buttons = list
    .filter((action) => ['imBack', 'postBack', 'messageBack', 'openUrl'].includes(action.type))
    .map((action) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'chat-actions__button';
      b.textContent = action.title || action.displayText || String(action.value ?? '');
      b.addEventListener('click', (e) => act(action, e));
      return b;
    });
  actions.replaceChildren(...buttons);
  actions.hidden = buttons.length === 0;
}

/**
 * @param {import('./types').SuggestedAction} action
 * @param {MouseEvent} event
 */
function act(action, event) {
  if (action.type === 'openUrl') return openLink(action.value);
  const value = action.value;
  if (action.type === 'imBack') send({ text: String(value) }, String(value));
  else if (action.type === 'postBack') send(typeof value === 'string' ? { text: value } : { value });
  else send({ text: action.text, value }, action.displayText);
  // The buttons are gone: a keyboard user's focus goes to the send box, so it is not left nowhere.
  // (A tap leaves it alone: on a phone the focus would open the keyboard over the transcript.)
  if (event.detail === 0) input.focus();
}

// ---- Sending ----

/** Ids of the messages sent from this page: their echoes from Direct Line are already shown. */
const sent = new Set();
/** Messages shown as the user's whose delivery is not yet confirmed, by id. @type {Map<string, HTMLElement>} */
const waiting = new Map();
let count = 0;

/**
 * Sends a message; `shown` is the text shown in the transcript as the user's (none for a hidden value).
 * @param {import('./types').Outgoing} fields
 * @param {string} [shown]
 */
function send(fields, shown) {
  const clientActivityID = `${Date.now().toString(36)}-${(count += 1)}`;
  sent.add(clientActivityID);
  showActions([]);
  let el;
  if (shown) {
    el = showUserMessage(shown);
    el.classList.add('chat-msg--sending');
    waiting.set(clientActivityID, el);
  }
  connection.then(
    ({ userId, directLine }) => {
      /** @type {import('./types').OutgoingActivity} */
      const activity = {
        type: 'message',
        from: { id: userId, role: 'user' },
        locale: config.locale,
        channelData: { clientActivityID },
        ...fields,
      };
      post(directLine, activity);
    },
    () => fail(),
  );
}

/**
 * The message reached the channel (its answer or its echo says so): no longer "sending" or "not sent".
 * @param {string | undefined} id
 */
function delivered(id) {
  const el = id === undefined ? undefined : waiting.get(id);
  if (!el || id === undefined) return;
  waiting.delete(id);
  el.classList.remove('chat-msg--sending');
  el.querySelector('.chat-msg__failed')?.remove();
}

/**
 * @param {DirectLine} directLine
 * @param {import('./types').OutgoingActivity} activity
 */
function post(directLine, activity) {
  const id = activity.channelData.clientActivityID;
  const notSent = () => {
    const el = waiting.get(id);
    // Its echo may have come already: the channel had it, only the answer to the send was lost.
    if (!el || el.querySelector('.chat-msg__failed')) return;
    el.classList.remove('chat-msg--sending');
    const note = document.createElement('p');
    note.className = 'chat-msg__failed';
    note.append(`${texts.notSent} `);
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = texts.retry;
    retry.addEventListener('click', () => {
      note.remove();
      el.classList.add('chat-msg--sending');
      post(directLine, activity);
    });
    note.append(retry);
    el.append(note);
  };
  // Direct Line carries any JSON as a value; the library's Message type narrows it to an object.
  directLine.postActivity(/** @type {import('botframework-directlinejs').Message} */ (activity)).subscribe({
    next: (result) => (result === 'retry' ? notSent() : delivered(id)),
    error: notSent,
  });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  send({ text }, text);
});

// ---- Start ----

connection.then(
  ({ userId, directLine }) => {
    directLine.connectionStatus$.subscribe((s) => {
      if (s === ConnectionStatus.Online && !failed) say('');
      else if (s === ConnectionStatus.FailedToConnect) fail();
      // Ended (a conversation idle too long is dropped) or a token past its time: a new chat is needed.
      else if (s === ConnectionStatus.Ended || s === ConnectionStatus.ExpiredToken) fail(texts.ended);
    });
    /** @param {import('./types').ChatActivity} a */
    const show = (a) => {
      if (a.type !== 'message' || !a.from) return;
      const fromUser = a.from.role === 'user' || a.from.id === userId;
      const id = a.channelData && a.channelData.clientActivityID;
      if (!fromUser) {
        showBotMessage(a);
        // The card renderer loads while the user reads and answers: the answer card then shows at once.
        later(() => loadCards().catch(() => undefined));
      } else if (sent.has(id)) delivered(id);
      else if (typeof a.text === 'string') {
        // Sent from elsewhere (another tab of this conversation): shown as the user's.
        showUserMessage(a.text);
      }
    };
    directLine.activity$.subscribe({
      next: (a) => {
        // One odd activity must not end the subscription, and with it every later message.
        try {
          show(a);
        } catch {
          // Nothing to show for it.
        }
      },
      error: () => fail(),
    });
  },
  () => fail(),
);

input.disabled = false;
sendButton.disabled = false;
opened.then(() => {
  if (config.embedded) input.focus();
});

if (config.embedded) {
  // Inside the widget's frame, Escape closes the widget (the host page owns the frame).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && window.parent !== window) {
      window.parent.postMessage({ type: 'etela-savo-chat:close' }, '*');
    }
  });
}
