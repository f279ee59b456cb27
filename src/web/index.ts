/**
 * The website: pages, widget and the chat's files (`mountWeb`), wired with Direct Line by
 * `mountWebChat`. Its rooms: mountWeb.ts (routes), pages.ts (HTML), policy.ts (CSP), assets.ts
 * and encoding.ts (compressed files and the Accept-Encoding choice), chatFiles.ts, chatBundle.ts
 * and widgetBundle.ts (the chat's build and the widget loader), client/ (the browser's code).
 */
export { mountWeb, STATIC_DIR, type WebOptions } from './mountWeb';
export { chatPagePolicy, type PolicyOptions } from './policy';
