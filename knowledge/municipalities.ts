// Every Finnish municipality of 2021 and the names people use for it, read from
// knowledge/data/municipalities.yaml and validated once at load. A fault (a missing field, an id
// that is not the ASCII of the Finnish name, a duplicate id, one name form used by two entries)
// stops the start with an Error that names the entry.
// `area` (which Etelä-Savo service) is not here: facts.ts derives it from providers.yaml.
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Municipality } from './types';

export type MunicipalityName = Omit<Municipality, 'area'>;

const name = z.string().trim().min(1);

/**
 * A former municipality merged into this one: its names, and the year it became part of today's
 * municipality (the provenance a reply can cite: "Ristiina kuuluu Mikkeliin (2013)"). A plain
 * string is a name whose merger year the data does not give.
 */
const formerSchema = z.union([
  name,
  z
    .object({
      fi: name,
      sv: name.optional(),
      otherNames: z.array(name).min(1).optional(),
      year: z.number().int().min(1860).max(2100),
      /** An intermediate merger, for the record: Jäppilä went into Pieksänmaa (2004), Pieksänmaa into Pieksämäki (2007). */
      via: z
        .object({ fi: name, year: z.number().int().min(1860).max(2100) })
        .strict()
        .optional(),
    })
    .strict(),
]);

/** A region the municipality has left, with the year: Joroinen and Heinävesi left Etelä-Savo in 2021. */
const regionChangeSchema = z
  .object({
    year: z.number().int().min(1900).max(2100),
    from: z.object({ fi: name, sv: name, en: name }).strict(),
    to: z.object({ fi: name, sv: name, en: name }).strict(),
  })
  .strict();

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z]+$/, 'expected a lower-case ASCII id'),
    fi: name,
    sv: name.optional(),
    otherNames: z.array(name).min(1).optional(),
    formerMunicipalities: z.array(formerSchema).min(1).optional(),
    regionChange: regionChangeSchema.optional(),
  })
  .strict();

/** A former municipality as loaded (a plain name becomes `{ fi }`). */
export interface FormerMunicipality {
  fi: string;
  sv?: string;
  otherNames?: string[];
  /** The year it became part of today's municipality. */
  year?: number;
  via?: { fi: string; year: number };
}

export type RegionChange = z.infer<typeof regionChangeSchema>;

/** Every name of a former municipality: Finnish, Swedish, other names. */
export function formerNamesOf(f: FormerMunicipality): string[] {
  return [f.fi, ...(f.sv ? [f.sv] : []), ...(f.otherNames ?? [])];
}

const asFormer = (f: z.infer<typeof formerSchema>): FormerMunicipality => (typeof f === 'string' ? { fi: f } : f);

const fileSchema = z.object({ municipalities: z.array(entrySchema).min(1) }).passthrough();

// The letters people type most, folded by table; any other non-ASCII letter goes through Unicode
// decomposition once and is remembered. (A per-message NFD of the whole text costs more than all
// the rest of the understanding.)
const FOLDED = new Map<string, string>(
  Object.entries({
    ä: 'a',
    ö: 'o',
    å: 'a',
    é: 'e',
    è: 'e',
    ü: 'u',
    á: 'a',
    à: 'a',
    â: 'a',
    ô: 'o',
    ó: 'o',
    ò: 'o',
    õ: 'o',
    í: 'i',
    ì: 'i',
    î: 'i',
    ï: 'i',
    ú: 'u',
    ù: 'u',
    û: 'u',
    ñ: 'n',
    ç: 'c',
    ë: 'e',
    ê: 'e',
    ý: 'y',
    š: 's',
    ž: 'z',
    č: 'c',
  }),
);
const ASCII = /^\p{ASCII}*$/u;

function foldChar(c: string): string {
  let f = FOLDED.get(c);
  if (f === undefined) {
    f = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (FOLDED.size < 5000) FOLDED.set(c, f);
  }
  return f;
}

/** Lower-case, diacritics folded (ä→a, ö→o, å→a, é→e …): the form names are compared in. */
export function foldName(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  let out = '';
  for (const c of lower) out += c.charCodeAt(0) < 0x80 ? c : foldChar(c);
  return out;
}

/** The agreed id: lower-case ASCII of the Finnish name, anything but a–z dropped. */
export function idOf(finnishName: string): string {
  return foldName(finnishName).replace(/[^a-z]/g, '');
}

/** A name form as it is compared: folded, punctuation between words made one space. */
export function nameKey(text: string): string {
  return foldName(text)
    .replace(/[.'’]/g, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** Every name of an entry: Finnish, Swedish, other names. */
export function namesOf(m: MunicipalityName): string[] {
  return [m.fi, ...(m.sv ? [m.sv] : []), ...(m.otherNames ?? [])];
}

/**
 * Validates raw data (as parsed from the YAML file) and returns the entries. Pure: tests feed it
 * broken data.
 */
export function loadMunicipalityNames(raw: unknown): LoadedMunicipality[] {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const list = (raw as { municipalities?: unknown[] } | null)?.municipalities;
    const problems = parsed.error.issues.map((issue) => {
      const [, index, ...field] = issue.path;
      const entry =
        typeof index === 'number' && Array.isArray(list) ? (list[index] as { id?: unknown; fi?: unknown }) : undefined;
      const label = entry ? ` (${JSON.stringify(entry?.id ?? entry?.fi ?? '?')})` : '';
      const where =
        typeof index === 'number'
          ? `municipalities[${index}]${label}${field.length ? '.' + field.join('.') : ''}`
          : issue.path.join('.') || 'municipalities.yaml';
      const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is missing' : issue.message;
      return `${where}: ${message}`;
    });
    throw new Error(`municipality data is invalid:\n  ${problems.join('\n  ')}`);
  }
  const problems: string[] = [];
  const ids = new Map<string, number>();
  const forms = new Map<string, string>();
  // Former municipalities' names by the entries that list them: a municipality split between two
  // of today's may be listed under both (the finder then asks which one).
  const formerForms = new Map<string, string>();
  parsed.data.municipalities.forEach((m, i) => {
    const where = `municipalities[${i}] (id "${m.id}")`;
    if (m.id !== idOf(m.fi)) problems.push(`${where}: id must be "${idOf(m.fi)}", the ASCII of "${m.fi}"`);
    if (ids.has(m.id)) problems.push(`${where}: duplicate id (also municipalities[${ids.get(m.id)}])`);
    else ids.set(m.id, i);
    // A name form must say one municipality: within an entry a repeat is harmless (Åland's
    // names are the same in both languages), across entries it is an error.
    for (const form of new Set(namesOf(m).map(nameKey))) {
      const owner = forms.get(form) ?? formerForms.get(form);
      if (owner !== undefined && owner !== m.id) problems.push(`${where}: name "${form}" is also a name of "${owner}"`);
      else forms.set(form, m.id);
    }
    for (const form of new Set((m.formerMunicipalities ?? []).map(asFormer).flatMap(formerNamesOf).map(nameKey))) {
      const owner = forms.get(form);
      if (owner !== undefined && owner !== m.id) problems.push(`${where}: name "${form}" is also a name of "${owner}"`);
      else formerForms.set(form, m.id);
    }
  });
  if (problems.length) throw new Error(`municipality data is invalid:\n  ${problems.join('\n  ')}`);
  return parsed.data.municipalities.map((m) => {
    const out: LoadedMunicipality = { id: m.id, fi: m.fi };
    if (m.sv) out.sv = m.sv;
    if (m.otherNames) out.otherNames = m.otherNames;
    if (m.formerMunicipalities) out.formerMunicipalities = m.formerMunicipalities.map(asFormer);
    if (m.regionChange) out.regionChange = m.regionChange;
    return out;
  });
}

/** An entry as loaded: the contract's names, the former municipalities merged into it, a change of region. */
export interface LoadedMunicipality extends MunicipalityName {
  formerMunicipalities?: FormerMunicipality[];
  regionChange?: RegionChange;
}

/** The data file; the build copies knowledge/data next to the compiled core. */
export const MUNICIPALITIES_FILE = path.join(__dirname, 'data', 'municipalities.yaml');

function readFile(file: string): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`municipality data ${path.basename(file)}: ${(err as Error).message}`, { cause: err });
  }
}

const loaded = loadMunicipalityNames(readFile(MUNICIPALITIES_FILE));

/** Every municipality of 2021, validated, in the file's order (the contract's shape). */
export const municipalityNames: Array<Omit<Municipality, 'area'>> = loaded.map(
  ({ formerMunicipalities: _former, regionChange: _region, ...names }) => names,
);

/** Former municipalities by the id of the municipality they were merged into. */
export const formerMunicipalitiesById: ReadonlyMap<string, readonly FormerMunicipality[]> = new Map(
  loaded.filter((m) => m.formerMunicipalities).map((m) => [m.id, m.formerMunicipalities!]),
);

/** Regions left, by municipality id: Joroinen (to Pohjois-Savo) and Heinävesi (to Pohjois-Karjala) left Etelä-Savo in 2021. */
export const regionChangesById: ReadonlyMap<string, RegionChange> = new Map(
  loaded.filter((m) => m.regionChange).map((m) => [m.id, m.regionChange!]),
);
