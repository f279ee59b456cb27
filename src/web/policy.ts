// The pages' Content-Security-Policy.

export interface PolicyOptions {
  /** Azure Direct Line's base URL; none with the built-in channel. */
  directLineDomain?: string;
  /** Who may frame the page: `'none'`, or `*` for the widget's frame. */
  frameAncestors: string;
  /** The demo page: the widget loader adds its one <style> element, as on any page that embeds it. */
  inlineStyles?: boolean;
  /**
   * The page's own WebSocket origin (ws:// or wss://, for the built-in channel's stream): Safari
   * before 15.4 does not count it under 'self'.
   */
  ownWebSocket?: string;
  /** A CSP source (a hash) for the one inline script the page may run. */
  inlineScript?: string;
}

/**
 * Scripts and styles only from us (the Adaptive Cards renderer styles what it draws through the
 * DOM, which CSP allows), besides one inline script known by its hash; connections to us or to
 * Direct Line.
 */
export function chatPagePolicy({
  directLineDomain,
  frameAncestors,
  inlineStyles,
  ownWebSocket,
  inlineScript,
}: PolicyOptions): string {
  const connect = ["'self'"];
  if (directLineDomain) {
    const origin = new URL(directLineDomain).origin;
    connect.push(origin, origin.replace(/^http/, 'ws'));
  } else if (ownWebSocket) connect.push(ownWebSocket);
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScript ? ` ${inlineScript}` : ''}`,
    `style-src 'self'${inlineStyles ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}
