// Fills the text templates of knowledge/data/texts.yaml with values taken from the facts,
// so that every date, figure, name and phone number in a sentence comes from one place.
import { facts } from './facts';
import { fillLocalized, formatAddressWith, formatIsoDate, formatNumber, joinList } from './format';
import type { Address, Lang, Localized, Municipality } from './types';

export type Values = Record<string, string | number>;

/** The municipality's name as said in that language (the Swedish name where there is one). */
export function municipalityName(m: Omit<Municipality, 'area'>, lang: Lang): string {
  return lang === 'sv' && m.sv ? m.sv : m.fi;
}

export function formatDate(iso: string, lang: Lang): string {
  return formatIsoDate(iso, lang);
}

/** Street, floor (where given), postal code (where given) and town, e.g. "Street 1, 4. kerros, 00100 Town". */
export function formatAddress(address: Address, lang: Lang): string {
  return formatAddressWith(address, facts.texts.floor[lang]);
}

/** Values every template may use: the dates, the figures and the phone lines. */
export function commonValues(lang: Lang): Values {
  return (commonCache[lang] ??= buildCommonValues(lang));
}
const commonCache: Partial<Record<Lang, Values>> = {};

function buildCommonValues(lang: Lang): Values {
  const values: Values = {};
  for (const [id, dated] of Object.entries(facts.dates)) values[id] = formatIsoDate(dated.date, lang);
  for (const [id, figure] of Object.entries(facts.figures)) values[id] = formatNumber(figure.value, lang);
  const names = (ids: readonly string[]) =>
    joinList(
      ids.map((id) => municipalityName(facts.municipalities[id], lang)),
      facts.texts.and[lang],
    );
  values.mikkeliMunicipalities = names(facts.providers.mikkeliPilot.municipalityIds);
  values.savonlinnaMunicipalities = names(facts.providers.savonlinnaPilot.municipalityIds);
  values.teOnlyMunicipalities = names(facts.providers.teOffice.municipalityIds);
  values.tePersonalCustomersPhone = facts.contacts.tePersonalCustomers.phone ?? '';
  values.teEmployersPhone = facts.contacts.teEmployers.phone ?? '';
  return values;
}

/**
 * A template filled with the common values plus the given per-language ones. The few distinct
 * sentences are remembered: the facts never change while the process runs.
 */
export function say(template: Localized, extra: (lang: Lang) => Values = () => ({})): Localized {
  const values = { fi: extra('fi'), sv: extra('sv'), en: extra('en') };
  const key = JSON.stringify(values);
  let byValues = sayCache.get(template);
  if (!byValues) sayCache.set(template, (byValues = new Map()));
  let filled = byValues.get(key);
  if (!filled) {
    filled = Object.freeze(fillLocalized(template, (lang) => ({ ...commonValues(lang), ...values[lang] })));
    byValues.set(key, filled);
  }
  return filled;
}
const sayCache = new WeakMap<Localized, Map<string, Localized>>();
