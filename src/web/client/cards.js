/* The chat's Adaptive Cards renderer, in a chunk of its own: the answer card is the only card the
 * bot sends, and it comes after a few questions, so the first question never waits for this code.
 * Card text is Markdown (bold, links): markdown-it turns it into HTML without raw HTML, and
 * DOMPurify keeps only what a card needs (paragraphs, bold, lists, links). Every link, whether the
 * Markdown or Adaptive Cards built it, passes the one allow-list of links.js. */
import { AdaptiveCard, HostConfig, OpenUrlAction, SubmitAction } from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';
import { allowedLink, keepAllowedLinks } from './links.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
const PURIFY = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li'],
  ALLOWED_ATTR: ['href'],
  // DOMPurify's own URL check, narrowed to the allow-list's schemes; links.js decides each link.
  ALLOWED_URI_REGEXP: /^(?:https|tel|mailto):/i,
};
DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'href' && !allowedLink(data.attrValue)) data.keepAttr = false;
});

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = DOMPurify.sanitize(markdown.render(text), PURIFY);
  result.didProcess = true;
};

// The page's look (chat.css); colours keep at least 4.5:1 contrast on their background.
const hostConfig = new HostConfig({
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  supportsInteractivity: true,
  // A card's headings sit under the page's h1 and h2.
  textBlock: { headingLevel: 3 },
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
  containerStyles: {
    default: {
      backgroundColor: '#ffffff',
      foregroundColors: {
        default: { default: '#1a1a1a', subtle: '#595959' },
        accent: { default: '#00566b', subtle: '#00566b' },
        attention: { default: '#a4262c', subtle: '#a4262c' },
        good: { default: '#0b6a0b', subtle: '#0b6a0b' },
        warning: { default: '#7a4d00', subtle: '#7a4d00' },
      },
    },
    emphasis: {
      backgroundColor: '#eef3f5',
      foregroundColors: {
        default: { default: '#1a1a1a', subtle: '#595959' },
        accent: { default: '#00566b', subtle: '#00566b' },
      },
    },
  },
  actions: {
    actionsOrientation: 'vertical',
    actionAlignment: 'stretch',
    buttonSpacing: 8,
    // A long title ("Map: <the office's name>") wraps rather than being cut off.
    allowTitleToWrap: true,
    showCard: { actionMode: 'inline' },
  },
});

/**
 * The card's element, or undefined when the content is not a card this renderer can show.
 * `submit(data)` sends an Action.Submit's data back to the bot; `open(url)` follows an
 * Action.OpenUrl (the chat decides which links it opens, and how).
 * @param {unknown} content
 * @param {import('./types').CardHandlers} handlers
 * @returns {HTMLElement | undefined}
 */
export function renderCard(content, { submit, open }) {
  const card = new AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action) => {
    if (action instanceof OpenUrlAction) {
      if (allowedLink(action.url)) open(action.url);
    } else if (action instanceof SubmitAction) submit(action.data);
  };
  try {
    card.parse(content);
    const rendered = card.render();
    return rendered ? keepAllowedLinks(rendered) : undefined;
  } catch {
    return undefined;
  }
}
