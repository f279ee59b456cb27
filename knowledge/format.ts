// Turning data into words: dates, numbers, addresses, lists and {placeholder} templates.
// Pure functions; the words themselves (floor, "and") come from knowledge/data/words.yaml.
import type { Address, Lang, Localized } from './types';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2020-01-31" → fi/sv "31.1.2020", en "31 January 2020". */
export function formatIsoDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? `${d} ${EN_MONTHS[m - 1]} ${y}` : `${d}.${m}.${y}`;
}

/** "09:00" → fi/sv "9.00" (the Finnish and Finland-Swedish way, after "klo"/"kl."), en "9:00". */
export function formatTime(hhmm: string, lang: Lang): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)}${lang === 'en' ? ':' : '.'}${m}`;
}

/** 3700 → fi/sv "3 700" (no-break space), en "3,700". */
export function formatNumber(n: number, lang: Lang): string {
  return lang === 'en' ? n.toLocaleString('en-GB') : n.toLocaleString('en-GB').replace(/,/g, '\u00a0');
}

/** ["a","b","c"] → "a, b ja c". */
export function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The placeholders a template uses: "Hi {name}" → ["name"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]);
}

/** Fills {placeholders}; a placeholder without a value is a programming error and throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`text template needs a value for {${key}}: ${template}`);
    return String(value);
  });
}

/** Fills one template in every language, with per-language values. */
export function fillLocalized(template: Localized, values: (lang: Lang) => Record<string, string | number>): Localized {
  return {
    fi: fill(template.fi, values('fi')),
    sv: fill(template.sv, values('sv')),
    en: fill(template.en, values('en')),
  };
}

/** "Street 1, 4. kerros, 00100 Town"; parts the source does not give are left out. */
export function formatAddressWith(address: Address, floorTemplate: string): string {
  const parts = [address.street];
  if (address.floor !== undefined) parts.push(fill(floorTemplate, { floor: address.floor }));
  parts.push(address.postalCode ? `${address.postalCode} ${address.town}` : address.town);
  return parts.join(', ');
}
