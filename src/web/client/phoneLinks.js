/* A Finnish phone number in a bot's text message becomes a click-to-call link (cards carry their
 * own tel: links): at least 7 digits, starting with 0 or +358. Built as DOM nodes, so no text of a
 * message is ever parsed as HTML. */

const PHONE = /(^|[\s(])((?:\+358|0)\d{1,4}(?:[ -]?\d{2,4}){1,4})(?=$|[\s.,;:)!?])/g;

/** The text as a fragment: plain text nodes, and an <a href="tel:…"> for each phone number. */
export function withPhoneLinks(text) {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(PHONE)) {
    const number = m[2];
    if (number.replace(/\D/g, '').length < 7) continue;
    const start = m.index + m[1].length;
    out.append(text.slice(last, start));
    const a = document.createElement('a');
    a.href = `tel:${number.replace(/[^\d+]/g, '')}`;
    a.textContent = number;
    out.append(a);
    last = start + number.length;
  }
  out.append(text.slice(last));
  return out;
}
