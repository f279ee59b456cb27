/* What the chat does first, before Direct Line's code is evaluated: it reads the page's settings
 * and, once the chat is open, asks our server for a Direct Line token, so the answer is on its way
 * while the phone's CPU is busy with the rest of the script. */

/** @type {import('./types').ChatConfig} */
export const config = JSON.parse(document.getElementById('chat-config')?.textContent ?? '{}');
export const params = new URLSearchParams(window.location.search);

// The widget loads its frame on standby when someone shows intent to chat: the files load, and
// the conversation starts only when the widget says the chat was opened.
const standby = params.get('standby') === '1' && window.parent !== window;
/** @type {Promise<void>} */
export const opened = new Promise((resolve) => {
  if (!standby) return resolve();
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data && e.data.type === 'etela-savo-chat:open') resolve();
  });
  window.parent.postMessage({ type: 'etela-savo-chat:ready' }, '*');
});

/** A token route that has not answered in this time is down: the page says so and offers to try again. */
const TOKEN_WAIT_MS = 15000;

const askForToken = () =>
  Promise.race([
    fetch('/api/directline/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: config.locale }),
      credentials: 'same-origin',
    }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('token: no answer')), TOKEN_WAIT_MS)),
  ]);

/**
 * The token route's answer: Direct Line's domain, a token, and the user id it is bound to. Asked
 * at once when the chat is open (not in a promise callback, which would wait for the whole
 * script to be evaluated).
 */
/** @type {Promise<import('./types').TokenAnswer>} */
export const token = (standby ? opened.then(askForToken) : askForToken()).then((res) => {
  if (!res.ok) throw new Error(`token ${res.status}`);
  return res.json();
});
