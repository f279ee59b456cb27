// Finnish personal identity codes (henkilötunnus): DDMMYY, a century sign (+ for the 1800s,
// - Y X W V U for the 1900s, A B C D E F for the 2000s), a three-digit individual number and a
// check character. The bot must never store or log one, so a message is checked and the code
// removed before anything else reads it.
//
// Detection deliberately does not require a correct check character: a code with a typo in it is
// still somebody's personal data. `isValidIdentityCode` tells the two apart where that matters.

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const SHAPE =
  /(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})\s?([-+ABCDEFYXWVUabcdefyxwvu])\s?(\d{3})([0-9A-Ya-y])(?![0-9A-Za-z])/g;

function plausibleDate(day: string, month: string): boolean {
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/** True when the code's check character matches its digits (the code as a whole, e.g. "131052-308T"). */
export function isValidIdentityCode(code: string): boolean {
  const m = /^(\d{6})[-+ABCDEFYXWVU](\d{3})([0-9A-Y])$/i.exec(code.trim());
  if (!m || !plausibleDate(m[1].slice(0, 2), m[1].slice(2, 4))) return false;
  return CHECK_CHARS[Number(m[1] + m[2]) % 31] === m[3].toUpperCase();
}

/** True when the text holds something shaped like an identity code with a possible date. */
export function containsIdentityCode(text: string): boolean {
  SHAPE.lastIndex = 0;
  for (let m = SHAPE.exec(text); m; m = SHAPE.exec(text)) if (plausibleDate(m[1], m[2])) return true;
  return false;
}

/** What a redacted code reads as. */
export const IDENTITY_CODE_PLACEHOLDER = '[henkilötunnus]';

/** The text with every identity code replaced by the placeholder. */
export function redactIdentityCodes(text: string): string {
  return text.replace(SHAPE, (whole, day: string, month: string) =>
    plausibleDate(day, month) ? IDENTITY_CODE_PLACEHOLDER : whole,
  );
}
