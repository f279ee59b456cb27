/* The one allow-list for every link the chat shows or follows, however it was built (the bot's
 * text, a card's Markdown, a link Adaptive Cards draws itself, an openUrl action): https, tel and
 * mailto, nothing else. No http, no javascript:, data: or blob:, no link relative to this page.
 * The URL is read by the browser's own parser, as a click would read it (tabs, newlines and
 * leading spaces dropped, the scheme lower-cased). */

const SCHEMES = ['https:', 'tel:', 'mailto:'];

/**
 * True when `url` may be shown as a link or followed.
 * @param {unknown} url
 * @returns {url is string}
 */
export function allowedLink(url) {
  if (typeof url !== 'string') return false;
  try {
    return SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Follows an allowed link: a web page in a new tab, a phone number or an address in its app.
 * @param {unknown} url
 */
export function openLink(url) {
  if (!allowedLink(url)) return;
  if (new URL(url).protocol === 'https:') window.open(url, '_blank', 'noopener,noreferrer');
  else window.location.href = url;
}

/**
 * Removes every link `root` holds that is not allowed (the element stays, as plain text), and
 * stops a click on any that slipped in later: an Adaptive Card draws a TextRun's link itself, past
 * the Markdown sanitizer.
 * @template {HTMLElement} T
 * @param {T} root
 * @returns {T}
 */
export function keepAllowedLinks(root) {
  for (const el of root.querySelectorAll('[href]')) {
    if (!allowedLink(el.getAttribute('href'))) el.removeAttribute('href');
  }
  /** @param {Event} event */
  const guard = (event) => {
    const link = event.target instanceof Element ? event.target.closest('[href]') : null;
    if (link && !allowedLink(link.getAttribute('href'))) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  root.addEventListener('click', guard, true);
  root.addEventListener('auxclick', guard, true);
  return root;
}
