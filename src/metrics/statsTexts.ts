import { areaName, facts, type Lang, type ProviderId } from '../../knowledge';

// The /stats page's words (knowledge/data/statsPage.yaml) and the names of the values it shows:
// providers and employment areas by their names in the knowledge, the rest by the page's words.

export function word(key: string, lang: Lang, values: Record<string, string | number> = {}): string {
  const text = facts.texts.statsPage[key];
  if (!text) throw new Error(`knowledge/data/statsPage.yaml: the text "${key}" is missing`);
  return text[lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The name of a closed attribute value, in `lang`. */
export function valueName(attribute: string, value: string, lang: Lang): string {
  if (value === 'other') return word('other', lang);
  if (attribute === 'service') {
    const provider = facts.providers[value as ProviderId];
    if (provider) return provider.name[lang];
    const area = facts.employmentAreas.find((a) => a.id === value);
    if (area) return areaName(area, lang);
    return word(`service${capitalised(value)}`, lang);
  }
  if (attribute === 'period') return word(`period${capitalised(value)}`, lang);
  if (attribute === 'slot') return word(`slot${capitalised(value)}`, lang);
  if (attribute === 'reason') return word(`reason${capitalised(value)}`, lang);
  if (attribute === 'topic') return word(`topic${capitalised(value)}`, lang);
  if (attribute === 'channel') return word(`channel${capitalised(value)}`, lang);
  if (attribute === 'lang') return word(`lang${capitalised(value)}`, lang);
  if (attribute === 'helpful') return word(value === 'yes' ? 'helpfulYes' : 'helpfulNo', lang);
  return value;
}
