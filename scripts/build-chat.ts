// Builds the chat's script into dist/chat and the minified widget loader into dist/widget (part of
// `npm run build`). Run compiled, after tsc: the server compiled next to it reads the files from
// there, and never needs esbuild (a dev dependency) at run time.
import * as zlib from 'zlib';
import { BUILT_DIR, writeChat } from '../src/web/chatBundle';
import { BUILT_WIDGET, writeWidget } from '../src/web/widgetBundle';

writeChat(BUILT_DIR)
  .then((bundle) => {
    const widget = writeWidget();
    console.log(`widget: ${BUILT_WIDGET} (${zlib.gzipSync(widget).length} bytes gzip)`);
    const size = (names: string[]) =>
      bundle.files
        .filter((f) => names.includes(f.name))
        .reduce((n, f) => n + zlib.brotliCompressSync(f.body).length, 0);
    const first = [bundle.entry, ...bundle.preload];
    const later = bundle.files.map((f) => f.name).filter((n) => !first.includes(n));
    console.log(
      `chat: ${BUILT_DIR}: ${first.join(', ')} (${size(first)} bytes Brotli) before the first question; ${later.join(', ')} (${size(later)} bytes) after`,
    );
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
