// Fills the text templates of knowledge/data/texts.yaml with values taken from the facts,
// so that every date, figure, name and phone number in a sentence comes from one place.
import { facts } from './facts';
import { formatAddressWith, formatIsoDate, formatNumber, formatTime, joinList } from './format';
import type { Address, Lang, Localized, Municipality } from './types';

export type Values = Record<string, string | number>;

/** The municipality's name as said in that language (the Swedish name where there is one). */
export function municipalityName(m: Omit<Municipality, 'area'>, lang: Lang): string {
  return lang === 'sv' && m.sv ? m.sv : m.fi;
}

/** An employment area's name: the official Swedish one where it exists, otherwise the Finnish one. */
export function areaName(area: { name: { fi: string; sv?: string } }, lang: Lang): string {
  return lang === 'sv' && area.name.sv ? area.name.sv : area.name.fi;
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
  // Every contact by its id: {patamaName}, {patamaRole}, {patamaEmail}, {tolvanenPhone} …
  for (const c of Object.values(facts.contacts)) {
    values[`${c.id}Name`] = c.name ?? c.role[lang];
    values[`${c.id}Role`] = c.role[lang];
    if (c.phone) values[`${c.id}Phone`] = c.phone;
    if (c.email) values[`${c.id}Email`] = c.email;
  }
  values.jobMarket = facts.jobMarket.name[lang];
  values.jobMarketUrl = facts.jobMarket.url[lang];
  // The areas that serve Etelä-Savo's municipalities now, in the order of the data.
  const served = new Set(
    Object.values(facts.providers)
      .flatMap((p) => p.municipalityIds)
      .flatMap((id) => facts.areaMembership[id]?.areaIds ?? []),
  );
  values.etelaSavoAreas = joinList(
    facts.employmentAreas.filter((a) => served.has(a.id)).map((a) => areaName(a, lang)),
    facts.texts.and[lang],
  );
  // The info session (its date is {infoSession} above).
  const session = facts.infoSession;
  const inviter = facts.contacts[session.invitationContactId];
  values.infoStart = formatTime(session.startTime, lang);
  values.infoEnd = formatTime(session.endTime, lang);
  values.infoPlace = session.place;
  values.inviterName = inviter.name ?? inviter.role[lang];
  values.inviterEmail = inviter.email ?? inviter.phone ?? '';
  return values;
}

/** A template cut at load into literal text and placeholder names, so that filling it is a join. */
type Compiled = { literals: string[]; keys: string[] };

function compile(template: string): Compiled {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    const literals: string[] = [];
    const keys: string[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{([a-zA-Z]+)\}/g)) {
      literals.push(template.slice(last, m.index));
      keys.push(m[1]);
      last = m.index! + m[0].length;
    }
    literals.push(template.slice(last));
    compiledTemplates.set(template, (compiled = { literals, keys }));
  }
  return compiled;
}
const compiledTemplates = new Map<string, Compiled>();

/** Fills a compiled template: the per-call values first, then the common ones. Same result as format.fill. */
function fillCompiled(template: string, lang: Lang, values: Values): string {
  const { literals, keys } = compile(template);
  if (!keys.length) return literals[0];
  const common = commonValues(lang);
  let out = literals[0];
  for (let i = 0; i < keys.length; i++) {
    const value = values[keys[i]] ?? common[keys[i]];
    if (value === undefined) throw new Error(`text template needs a value for {${keys[i]}}: ${template}`);
    out += String(value) + literals[i + 1];
  }
  return out;
}

/**
 * A template filled with the common values plus the given per-language ones. The few distinct
 * sentences are remembered (the facts never change while the process runs): `key` must name
 * everything `extra` depends on (e.g. the municipality and provider ids) — then a sentence said
 * before costs two map lookups, and `extra` is not even called.
 */
export function say(template: Localized, extra?: (lang: Lang) => Values, key = ''): Localized {
  let byKey = sayCache.get(template);
  if (!byKey) sayCache.set(template, (byKey = new Map()));
  let filled = byKey.get(key);
  if (!filled) {
    const values = (lang: Lang) => extra?.(lang) ?? {};
    filled = Object.freeze({
      fi: fillCompiled(template.fi, 'fi', values('fi')),
      sv: fillCompiled(template.sv, 'sv', values('sv')),
      en: fillCompiled(template.en, 'en', values('en')),
    });
    byKey.set(key, filled);
  }
  return filled;
}
const sayCache = new WeakMap<Localized, Map<string, Localized>>();
