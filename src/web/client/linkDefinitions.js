/* Stands in for mdast-util-from-markdown (a whole Markdown parser) in the light Web
 * Chat bundle. Web Chat parses a message with it only to list the message's link reference
 * definitions ("[1]: https://… "title""), which it shows as citations; this finds the same
 * top-level definitions with one pattern and returns them as the mdast nodes Web Chat reads. */

const DEFINITION =
  /^ {0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*(?:\r?\n[ \t]*)?(<[^>\n]*>|\S+)(?:[ \t]*(?:\r?\n[ \t]*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/gm;

export function fromMarkdown(markdown) {
  const children = [];
  for (const [, label, rawUrl, rawTitle] of String(markdown).matchAll(DEFINITION)) {
    const url = rawUrl.startsWith('<') ? rawUrl.slice(1, -1) : rawUrl;
    children.push({
      type: 'definition',
      // mdast's identifier: the label with whitespace collapsed, case-folded as micromark does.
      identifier: label.replace(/\s+/g, ' ').trim().toLowerCase().toUpperCase(),
      label,
      url,
      title: rawTitle ? rawTitle.slice(1, -1) : null,
    });
  }
  return { type: 'root', children };
}
