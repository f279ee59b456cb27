/* The chat page (/ and the widget's frame /embed): opens Bot Framework Web Chat on a Direct Line
 * token from our own server. The same code serves both modes: the server's /api/directline/token
 * answers with either Azure Direct Line's domain and token or our local channel's. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var status = document.getElementById('chat-status');
  var host = document.getElementById('webchat');
  var params = new URLSearchParams(window.location.search);
  // ?transport=polling: plain HTTP polling (for networks that block WebSockets, and for tests).
  var useWebSocket = params.get('transport') !== 'polling';

  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  // A Finnish phone number in a bot's text message becomes a click-to-call link (cards carry
  // their own tel: links). At least 7 digits, starting with 0 or +358.
  var PHONE = /(^|[\s(])((?:\+358|0)\d{1,4}(?:[ -]?\d{2,4}){1,4})(?=$|[\s.,;:)!?])/g;
  function linkPhones(text) {
    if (text.indexOf('](tel:') !== -1) return text;
    return text.replace(PHONE, function (all, before, number) {
      if (number.replace(/\D/g, '').length < 7) return all;
      return before + '[' + number + '](tel:' + number.replace(/[^\d+]/g, '') + ')';
    });
  }

  // The widget loads its frame on standby when someone shows intent to chat: the files load, and
  // the conversation starts only when the widget says the chat was opened.
  var standby = params.get('standby') === '1' && window.parent !== window;
  var opened = new Promise(function (resolve) {
    if (!standby) return resolve();
    window.addEventListener('message', function (e) {
      if (e.source === window.parent && e.data && e.data.type === 'etela-savo-chat:open') resolve();
    });
    window.parent.postMessage({ type: 'etela-savo-chat:ready' }, '*');
  });

  // Asked as soon as the chat is open, while the browser may still be loading Web Chat.
  var tokenPromise = opened
    .then(function () {
      return fetch('/api/directline/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ locale: config.locale }),
        credentials: 'same-origin',
      });
    })
    .then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    });

  // The conversation starts as soon as the token is here, while the browser still loads Web Chat,
  // so the bot's greeting is on its way (and waits in the stream's backlog) by the time Web Chat
  // connects. Given the started conversation's streamUrl, DirectLineJS connects to it without a
  // start of its own. Should this early start fail, DirectLineJS starts the conversation itself.
  var conversationPromise = tokenPromise.then(function (dl) {
    var fallback = { domain: dl.domain, token: dl.token };
    return fetch(dl.domain + '/conversations', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + dl.token, 'Content-Type': 'application/json' },
      body: '{}',
    })
      .then(function (res) {
        if (!res.ok) throw new Error('conversation ' + res.status);
        return res.json();
      })
      .then(function (c) {
        if (typeof c.conversationId !== 'string' || typeof c.token !== 'string' || typeof c.streamUrl !== 'string') {
          return fallback;
        }
        return { domain: dl.domain, token: c.token, conversationId: c.conversationId, streamUrl: c.streamUrl };
      })
      .catch(function () {
        return fallback;
      });
  });

  var bundleLoaded = new Promise(function (resolve) {
    // Deferred scripts run in order (Web Chat's bundle comes after this one), all before
    // DOMContentLoaded; readyState is already "interactive" while they run.
    if (window.WebChat || document.readyState === 'complete') resolve();
    else {
      document.addEventListener('DOMContentLoaded', resolve);
      window.addEventListener('load', resolve);
    }
  });

  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            say('');
            if (config.embedded) focusSendBox();
          } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var a = action.payload.activity;
            if (!cardsRequested && a.from && a.from.role === 'bot') prefetchCards();
            if (
              a.type === 'message' &&
              a.from &&
              a.from.role === 'bot' &&
              typeof a.text === 'string' &&
              a.textFormat !== 'plain'
            ) {
              a = Object.assign({}, a, { text: linkPhones(a.text) });
              action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: a }) });
            }
          }
          return next(action);
        };
      };
    });
  }

  // Adaptive Cards come in a chunk of their own: fetched once the bot has spoken, while the user
  // reads and answers, so the answer card does not wait for it.
  var cardsRequested = false;
  function prefetchCards() {
    cardsRequested = true;
    var later =
      window.requestIdleCallback ||
      function (f) {
        return setTimeout(f, 200);
      };
    later(function () {
      if (window.WebChat.loadCards) window.WebChat.loadCards();
    });
  }

  function focusSendBox() {
    var tries = 0;
    (function attempt() {
      var input = host.querySelector('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input');
      if (input) input.focus();
      else if (tries++ < 50) setTimeout(attempt, 100);
    })();
  }

  // The project's look; colours keep at least 4.5:1 contrast on their background.
  var styleOptions = {
    accent: '#00566b',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    backgroundColor: '#ffffff',
    bubbleBackground: '#eef3f5',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#00566b',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleMaxWidth: 640,
    subtle: '#595959',
    timestampColor: '#595959',
    hideUploadButton: true,
    sendBoxButtonColor: '#00566b',
    sendBoxButtonColorOnHover: '#003a48',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#00566b',
    suggestedActionTextColor: '#00566b',
    suggestedActionBorderRadius: 8,
    cardEmphasisBackgroundColor: '#eef3f5',
    transcriptVisualKeyboardIndicatorColor: '#000000',
    botAvatarInitials: undefined,
    userAvatarInitials: undefined,
  };

  function start() {
    return Promise.all([conversationPromise, bundleLoaded]).then(function (results) {
      var dl = results[0];
      if (!window.WebChat) throw new Error('Web Chat did not load');
      var directLine = window.WebChat.createDirectLine({
        token: dl.token,
        domain: dl.domain,
        conversationId: dl.conversationId,
        streamUrl: dl.streamUrl,
        webSocket: useWebSocket,
      });
      window.WebChat.renderWebChat(
        { directLine: directLine, store: createStore(), locale: config.locale, styleOptions: styleOptions },
        host,
      );
    });
  }

  if (config.embedded) {
    // Inside the widget's frame, Escape closes the widget (the host page owns the frame).
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented && window.parent !== window) {
        window.parent.postMessage({ type: 'etela-savo-chat:close' }, '*');
      }
    });
  }

  start().catch(function () {
    say(config.texts.failed);
  });
})();
