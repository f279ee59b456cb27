/* A phone number of the guide's contacts in a bot's text message becomes a click-to-call link
 * (cards carry their own tel: links). The numbers and their tel: URLs come with the page, made on
 * the server by the answer card's own rule (telUrl, src/web/pages.ts), so a text and a card link a
 * number alike. Built as DOM nodes, so no text of a message is ever parsed as HTML. */

/** @param {string} s */
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The function that turns a text into a fragment of plain text nodes and an <a href="tel:…"> for
 * each of the given numbers in it (a number stands alone: not inside a longer one).
 * @param {Record<string, string>} links each number as the guide writes it, and its tel: URL
 * @returns {(text: string) => DocumentFragment}
 */
export function phoneLinker(links) {
  const numbers = Object.keys(links)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const pattern = numbers.length > 0 ? new RegExp(`(^|[\\s(])(${numbers.join('|')})(?=$|[\\s.,;:)!?])`, 'g') : null;
  return (text) => {
    const out = document.createDocumentFragment();
    let last = 0;
    for (const m of pattern ? text.matchAll(pattern) : []) {
      const number = m[2];
      const start = (m.index ?? 0) + m[1].length;
      out.append(text.slice(last, start));
      const a = document.createElement('a');
      a.href = links[number];
      a.textContent = number;
      out.append(a);
      last = start + number.length;
    }
    out.append(text.slice(last));
    return out;
  };
}
