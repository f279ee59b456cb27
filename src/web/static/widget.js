/* Etelä-Savo jobseeker guide: the chat widget. Embed with one line:
 *   <script src="https://OUR-HOST/widget.js" async></script>
 * Adds a launcher button. The chat (in a frame from our server) starts loading, hidden, when someone
 * shows intent to chat (hover, touch or focus on the launcher or a chat link), and starts its
 * conversation only when opened.
 * Any element with `data-chat-widget` (e.g. a "chat instead of calling" link) opens it too.
 * Optional: data-lang="fi|sv|en" on the script tag (default: the page's language). */
(function () {
  'use strict';
  if (window.EtelaSavoChat) return;
  var TEXTS = /*TEXTS*/{}/*END*/;
  var script = document.currentScript;
  var origin = new URL(script ? script.src : '/', location.href).origin;
  function known(tag) {
    tag = String(tag || '').toLowerCase().slice(0, 2);
    return TEXTS[tag] ? tag : '';
  }
  var attr = function (name) { return script ? script.getAttribute(name) : null; };
  var lang = known(attr('data-lang')) || known(document.documentElement.lang) || known(navigator.language) || 'fi';
  var t = TEXTS[lang];
  var P = 'esg-chat';
  var css =
    '.' + P + '-launcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;display:flex;align-items:center;gap:.5rem;' +
    'min-height:3rem;padding:.5rem 1.1rem;border:2px solid #fff;border-radius:1.5rem;background:#00566b;color:#fff;' +
    'font:600 1rem/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.35)}' +
    '.' + P + '-launcher:hover{background:#003a48}' +
    '.' + P + '-launcher:focus-visible,.' + P + '-close:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}' +
    '.' + P + '-launcher svg{width:1.25rem;height:1.25rem;fill:currentColor}' +
    '.' + P + '-panel{position:fixed;right:1rem;bottom:4.75rem;z-index:2147483001;display:flex;flex-direction:column;' +
    'width:min(26rem,calc(100vw - 2rem));height:min(42rem,calc(100vh - 6rem));background:#fff;border:1px solid #00566b;' +
    'border-radius:.75rem;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.35)}' +
    '.' + P + '-panel[hidden]{display:none}' +
    '.' + P + '-bar{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.25rem .25rem .25rem .75rem;' +
    'background:#00566b;color:#fff;font:600 1rem/1.3 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}' +
    '.' + P + '-close{min-width:2.75rem;min-height:2.75rem;border:0;border-radius:.5rem;background:transparent;color:#fff;font-size:1.5rem;cursor:pointer}' +
    '.' + P + '-close:hover{background:#003a48}' +
    '.' + P + '-panel iframe{flex:1 1 auto;width:100%;border:0}' +
    '@media (max-width:30rem),(max-height:30rem){.' + P + '-panel{inset:0;width:auto;height:auto;border-radius:0;border:0}}';

  var launcher, panel, opener;

  function build() {
    var style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);

    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = P + '-launcher';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', P + '-panel');
    launcher.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg><span></span>';
    launcher.lastChild.textContent = t.open;
    launcher.addEventListener('click', function () {
      if (panel.hidden) open(launcher);
      else close();
    });

    panel = document.createElement('div');
    panel.id = P + '-panel';
    panel.className = P + '-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', P + '-title');
    panel.setAttribute('lang', lang);
    panel.hidden = true;
    panel.innerHTML = '<div class="' + P + '-bar"><span id="' + P + '-title"></span><button type="button" class="' + P + '-close">\u00d7</button></div>';
    panel.querySelector('span').textContent = t.title;
    var closer = panel.querySelector('button');
    closer.setAttribute('aria-label', t.close);
    closer.addEventListener('click', close);
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') close();
    });

    document.body.appendChild(panel);
    document.body.appendChild(launcher);
  }

  var frame, frameReady = false, wantOpen = false;

  /** The chat's frame. `standby`: it loads the chat's files but starts no conversation until opened. */
  function ensureFrame(standby) {
    if (!panel) build();
    if (frame) return;
    frame = document.createElement('iframe');
    frame.title = t.title;
    var transport = attr('data-transport');
    frame.src = origin + '/embed?lang=' + lang + (transport ? '&transport=' + encodeURIComponent(transport) : '') + (standby ? '&standby=1' : '');
    frameReady = !standby;
    panel.appendChild(frame);
  }

  function open(from) {
    ensureFrame(false);
    opener = from || launcher;
    wantOpen = true;
    if (frameReady) frame.contentWindow.postMessage({ type: 'etela-savo-chat:open' }, origin);
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  // Intent to chat (a pointer over, a finger on, or the focus on the launcher or a chat link): the
  // frame starts loading, hidden, so the chat opens sooner on the click that follows. No
  // conversation starts before the click.
  function intent(e) {
    if (frame || !e.target || !e.target.closest) return;
    if (e.target.closest('[data-chat-widget], .' + P + '-launcher')) ensureFrame(true);
  }
  ['pointerover', 'pointerdown', 'touchstart', 'focusin'].forEach(function (type) {
    document.addEventListener(type, intent, { passive: true, capture: true });
  });

  function close() {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    (opener && document.contains(opener) ? opener : launcher).focus();
  }

  // The frame asks to close on Escape (key presses inside a frame do not reach this page); a frame
  // loaded on standby says when it can take the "open".
  window.addEventListener('message', function (e) {
    if (e.origin !== origin || !e.data || !frame || e.source !== frame.contentWindow) return;
    if (e.data.type === 'etela-savo-chat:close') close();
    else if (e.data.type === 'etela-savo-chat:ready') {
      frameReady = true;
      if (wantOpen) frame.contentWindow.postMessage({ type: 'etela-savo-chat:open' }, origin);
    }
  });
  document.addEventListener('click', function (e) {
    var link = e.target && e.target.closest ? e.target.closest('[data-chat-widget]') : null;
    if (link) {
      e.preventDefault();
      open(link);
    }
  });

  if (document.body) build();
  else document.addEventListener('DOMContentLoaded', build);
  window.EtelaSavoChat = { open: open, close: close };
})();
