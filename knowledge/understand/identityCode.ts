// Finnish personal identity codes (henkilötunnus): DDMMYY, a century sign (+ for the 1800s,
// - Y X W V U for the 1900s, A B C D E F for the 2000s), a three-digit individual number and a
// check character. The bot must never read, store or log one, so every string that enters it is
// passed through `redactIdentityCodes`, the one redaction there is. It runs at one point per path:
//   1. src/http/activityGuard.ts `checkActivity`: every activity any channel posts to
//      /api/messages, all its strings, before the adapter, the dialogs, the state or a log see it;
//   2. src/directline/conversations.ts `stamp`: everything the built-in channel keeps in its
//      transcript or pushes to a browser;
//   3. src/logger.ts: every field and message of every log line, before it becomes JSON;
//   4. `understand` (./index.ts): text handed to the understanding directly (the guide CLI,
//      dialog tests), which also tells the dialog to warn.
//
// People type codes in many ways, and all are found: a century sign or any dash (en dash, minus,
// full-width), spaces around it, a space or nothing instead of it, full-width or other compatibility
// digits, zero-width or other invisible characters anywhere inside. With a sign, a plausible date is
// enough (a code with a typo is still somebody's personal data); without one, the check character
// must be right, so ten-digit phone numbers such as 0401234567 are left alone.

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** What a redacted code reads as. */
export const IDENTITY_CODE_PLACEHOLDER = '[henkilötunnus]';

/** Date digits, an optional sign with up to three spaces either side, the number, the check. */
const SHAPE = /(?<![0-9a-z])(\d\d)(\d\d)(\d\d) {0,3}(?:([-+a-fu-y]) {0,3})?(\d{3})([0-9a-y])(?![0-9a-z])/gi;
/** Invisible characters that change nothing a reader sees (zero-width, joiners, selectors, BOM …). */
const FORMAT = /\p{Cf}/u;
const INVISIBLE_RANGES: Array<[number, number]> = [
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // Hangul fillers
  [0x17b4, 0x17b5],
  [0x180b, 0x180f], // Mongolian selectors
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f], // variation selectors
  [0xffa0, 0xffa0],
];
const invisible = (c: string) => {
  const cp = c.codePointAt(0) ?? 0;
  return FORMAT.test(c) || INVISIBLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
};
const DASH = /[\p{Pd}\u2212\u2796\ufe63\uff0d]/u;
/** A text that is plain printable ASCII needs no folding (the common case, and the fast one). */
const PLAIN = /^[\x20-\x7e]*$/;
/** Fewer than nine digits of any kind: no code can be in it. */
const NINE_DIGITS = /(?:\p{N}[^\p{N}]*){9}/u;

const plausibleDate = (day: string, month: string) => {
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
};

/** True when the code's check character matches its digits (the code as a whole, e.g. "131052-308T"). */
export function isValidIdentityCode(code: string): boolean {
  const m = /^(\d{6})[-+ABCDEFYXWVU](\d{3})([0-9A-Y])$/i.exec(code.trim());
  if (!m || !plausibleDate(m[1].slice(0, 2), m[1].slice(2, 4))) return false;
  return CHECK_CHARS[Number(m[1] + m[2]) % 31] === m[3].toUpperCase();
}

/**
 * The text as the pattern reads it: compatibility forms folded (full-width digits and letters),
 * every dash a '-', every space a ' ', invisible characters left out, anything else a letter or a
 * '.'. `from[i]`/`to[i]` are where folded character i lies in the text.
 */
function fold(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const c of text) {
    const at = i;
    i += c.length;
    let f: string;
    if (invisible(c)) continue;
    const k = c.normalize('NFKC');
    if (k.length === 1 && /[0-9A-Za-z+]/.test(k)) f = k;
    else if (DASH.test(c) || k === '-') f = '-';
    else if (/\s/.test(k)) f = ' ';
    else f = /[\p{L}\p{N}]/u.test(c) ? 'x' : '.';
    folded += f;
    from.push(at);
    to.push(i);
  }
  return { folded, from, to };
}

/** The spans [start, end) of the text that hold an identity code. */
function codeSpans(text: string): Array<[number, number]> {
  if (!NINE_DIGITS.test(text)) return [];
  const plain = PLAIN.test(text);
  const { folded, from, to } = plain ? { folded: text, from: undefined, to: undefined } : fold(text);
  const spans: Array<[number, number]> = [];
  SHAPE.lastIndex = 0;
  for (let m = SHAPE.exec(folded); m; m = SHAPE.exec(folded)) {
    const [whole, day, month, year, sign, number, check] = m;
    const found =
      plausibleDate(day, month) &&
      (sign !== undefined || CHECK_CHARS[Number(day + month + year + number) % 31] === check.toUpperCase());
    if (!found) {
      SHAPE.lastIndex = m.index + 1;
      continue;
    }
    const last = m.index + whole.length - 1;
    spans.push(from && to ? [from[m.index], to[last]] : [m.index, last + 1]);
  }
  return spans;
}

function redactText(text: string): string {
  const spans = codeSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + IDENTITY_CODE_PLACEHOLDER;
    at = end;
  }
  return out + text.slice(at);
}

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * `value` with every identity code in it replaced by the placeholder: a string, or every string
 * (keys included) of an array or plain object, however deep. What holds no code comes back as the
 * very same value, so callers can tell by identity whether anything was found.
 */
export function redactIdentityCodes<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (typeof value !== 'object' || value === null || depth > 100) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v: unknown) => {
      const r = redactIdentityCodes(v, depth + 1);
      if (r !== v) changed = true;
      return r;
    });
    return (changed ? out : value) as T;
  }
  if (!isPlainObject(value)) return value;
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const rk = redactText(k);
    const rv = redactIdentityCodes(v, depth + 1);
    if (rk !== k || rv !== v) changed = true;
    return [rk, rv] as const;
  });
  // fromEntries defines each key as an own property: a "__proto__" key stays a plain key.
  return (changed ? Object.fromEntries(entries) : value) as T;
}
