/* Stands in for the sanitize-html package in the chat's card chunk (it would bring an HTML parser
 * and PostCSS): the same allow-list contract, for the options cards.js passes (allowedTags,
 * allowedAttributes, allowedSchemes), done with the browser's own parser. The HTML is parsed in a
 * <template>, which neither runs scripts nor loads anything. A tag that is not allowed is dropped
 * and its text kept, as sanitize-html does, except for tags whose content is not text (scripts,
 * styles …), which go whole. */

const DROP_WHOLE = new Set([
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'cite', 'formaction', 'srcset', 'xlink:href']);

/** True when `value` is relative or uses one of `schemes` (whitespace and controls ignored, as browsers do). */
function allowedUrl(value, schemes) {
  const cleaned = Array.from(value)
    .filter((c) => c > ' ' && (c < '\u007f' || c > '\u009f'))
    .join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return !scheme || schemes.includes(scheme[1].toLowerCase());
}

function clean(parent, options) {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) continue;
    if (node.nodeType !== 1) {
      node.remove();
      continue;
    }
    const tag = node.localName;
    if (DROP_WHOLE.has(tag)) {
      node.remove();
      continue;
    }
    clean(node, options);
    if (!options.allowedTags.includes(tag)) {
      node.replaceWith(...Array.from(node.childNodes));
      continue;
    }
    const allowed = options.allowedAttributes[tag] || [];
    for (const { name, value } of Array.from(node.attributes)) {
      if (!allowed.includes(name) || (URL_ATTRIBUTES.has(name) && !allowedUrl(value, options.allowedSchemes))) {
        node.removeAttribute(name);
      }
    }
  }
}

export default function sanitizeHtml(html, options) {
  const template = document.createElement('template');
  template.innerHTML = html;
  clean(template.content, options);
  return template.innerHTML;
}
