import type { IncomingMessage } from 'http';
import Negotiator from 'negotiator';

// Which compressed copy of a file a request gets, read from its Accept-Encoding by negotiator
// (q-values included: `br;q=0` refuses Brotli). At equal quality Brotli goes first: it is the
// smaller; "identity" (the plain bytes) is always there to fall back to.

export type Encoding = 'br' | 'gzip' | undefined;

const OURS = ['br', 'gzip', 'identity'];

/** negotiator 1.x breaks ties by the server's order (`preferred`); its typings (0.6) do not know that option yet. */
type EncodingChoice = (available: string[], options: { preferred: string[] }) => string | undefined;

export function pickEncoding(req: IncomingMessage): Encoding {
  const negotiator = new Negotiator(req);
  const best = (negotiator.encoding.bind(negotiator) as EncodingChoice)(OURS, { preferred: OURS });
  return best === 'br' || best === 'gzip' ? best : undefined;
}
