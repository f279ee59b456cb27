/* Bot Framework Web Chat, built at `npm run build` from Web Chat's own packages with only what this
 * bot uses: the transcript, the send box, suggested actions, Markdown text with links, and Adaptive
 * Cards. Adaptive Cards (the biggest part) load in a chunk of their own, fetched once the first
 * question is on screen or when the first card arrives. Speech, file upload and the other rich
 * card types stay out. Exposes the same three calls as Web Chat's full bundle (window.WebChat). */
import ReactWebChat from 'botframework-webchat-component';
import { createStore } from 'botframework-webchat-core';
import { DirectLine } from 'botframework-directlinejs';
import React from 'react';
import { createRoot } from 'react-dom/client';
import createAdaptiveCardsStyleSet from 'botframework-webchat/src/adaptiveCards/Styles/createAdaptiveCardsStyleSet';
import renderMarkdown from 'botframework-webchat/src/markdown/renderMarkdown';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

let cards;
/** The Adaptive Cards chunk, fetched once. */
export const loadCards = () => (cards ??= import('./cards.js'));

/** Renders `render(module)` once the cards chunk is here; nothing until then. */
function WithCards({ render }) {
  const [mod, setMod] = React.useState(null);
  React.useEffect(() => {
    let live = true;
    loadCards().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, []);
  return mod ? render(mod) : null;
}

const attachmentMiddleware =
  () =>
  (next) =>
  (...args) =>
    args[0].attachment.contentType === ADAPTIVE_CARD
      ? React.createElement(WithCards, {
          render: (m) => React.createElement(m.CardAttachment, { attachment: args[0].attachment }),
        })
      : next(...args);

// What a screen reader hears for a card (the live region reads it when it arrives).
const attachmentForScreenReaderMiddleware =
  () =>
  (next) =>
  (...args) => {
    const { content, contentType } = args[0].attachment;
    return content && contentType === ADAPTIVE_CARD
      ? () => React.createElement(WithCards, { render: (m) => React.createElement(m.CardForScreenReader, { content }) })
      : next(...args);
  };

function createDirectLine(options) {
  const directLine = new DirectLine({ ...options, botAgent: 'WebChat/4.18 (light)' });
  // For a conversation the page has already started (token, conversationId and streamUrl given),
  // DirectLineJS skips its own start, and with it the start of its token refresh loop: start the
  // loop here, so a long conversation keeps a valid token.
  if (options.token && options.conversationId && options.streamUrl && !options.secret) directLine.refreshTokenLoop();
  return directLine;
}

function renderWebChat(props, element) {
  const root = createRoot(element);
  root.render(
    React.createElement(ReactWebChat, {
      ...props,
      attachmentMiddleware: [attachmentMiddleware],
      attachmentForScreenReaderMiddleware: [attachmentForScreenReaderMiddleware],
      extraStyleSet: createAdaptiveCardsStyleSet(props.styleOptions || {}),
      renderMarkdown,
    }),
  );
  return root;
}

window.WebChat = { createDirectLine, createStore, renderWebChat, loadCards };
