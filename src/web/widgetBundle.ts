import * as fs from 'fs';
import * as path from 'path';
import { LANGS } from '../../knowledge';
import { PAGE_TEXTS } from './texts';
import { RUNS_COMPILED } from './chatBundle';

// The widget loader (/widget.js): src/web/static/widget.js with its three languages' words filled
// in from the knowledge, minified (it rides on every page that embeds the widget) and kept ES5 for
// whatever browser the host page's visitors use. `npm run build` writes it to dist/widget
// (scripts/build-chat.ts), so a compiled server never loads esbuild; a server started from the
// TypeScript sources minifies it in memory.

/** dist/widget/widget.js: next to the compiled src/ folder (this file is dist/src/web/widgetBundle.js). */
export const BUILT_WIDGET = path.join(__dirname, '..', '..', 'widget', 'widget.js');

/** The loader's source with the words filled in. */
function filledSource(): string {
  const texts = Object.fromEntries(
    LANGS.map((l) => [
      l,
      { open: PAGE_TEXTS[l].widgetOpen, close: PAGE_TEXTS[l].widgetClose, title: PAGE_TEXTS[l].title },
    ]),
  );
  return fs
    .readFileSync(path.join(__dirname, 'static', 'widget.js'), 'utf8')
    .replace('/*TEXTS*/{}/*END*/', () => JSON.stringify(texts).replace(/</g, '\\u003c'));
}

/** Minifies the loader with esbuild (loaded only here: a build-time tool). */
export function buildWidget(): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild is a dev dependency: loaded only when building
  const { transformSync } = require('esbuild') as typeof import('esbuild');
  const minified = transformSync(filledSource(), {
    minify: true,
    target: 'es5',
    charset: 'utf8',
    legalComments: 'none',
  });
  return Buffer.from(minified.code);
}

/** Writes the minified loader to dist/widget. */
export function writeWidget(): Buffer {
  const body = buildWidget();
  fs.mkdirSync(path.dirname(BUILT_WIDGET), { recursive: true });
  fs.writeFileSync(BUILT_WIDGET, body);
  return body;
}

/** Compiled: the built loader. From the TypeScript sources: minified now. */
export function loadWidget(): Buffer {
  return RUNS_COMPILED && fs.existsSync(BUILT_WIDGET) ? fs.readFileSync(BUILT_WIDGET) : buildWidget();
}
