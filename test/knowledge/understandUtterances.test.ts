// The utterance table (test/knowledge/utterances.yaml): each message, in fi/sv/en, with the slots
// it must fill, and nothing else: a slot the table does not list must stay empty.
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import { understand } from '../../knowledge';
import { formerMunicipalitiesById } from '../../knowledge/municipalities';
import type { MunicipalityMatch, Slot, Understanding } from '../../knowledge';

interface Row {
  text: string;
  expecting?: Slot;
  expect: Record<string, unknown>;
}

const rows: Row[] = YAML.parse(fs.readFileSync(path.join(__dirname, 'utterances.yaml'), 'utf8')).utterances;

/**
 * "juva" → exact match, "~juva" → typo match, "mikkeli<Ristiina" → named by the former
 * municipality Ristiina (its names and year are read from the knowledge), "unknown:Text",
 * "ambiguous:a,b".
 */
function municipalityFrom(spec: string): MunicipalityMatch {
  if (spec.startsWith('unknown:')) return { kind: 'unknown', text: spec.slice('unknown:'.length) };
  if (spec.startsWith('ambiguous:'))
    return { kind: 'ambiguous', ids: spec.slice('ambiguous:'.length).split(',').sort() };
  const fuzzy = spec.startsWith('~');
  const [id, formerFi] = spec.slice(fuzzy ? 1 : 0).split('<');
  if (formerFi === undefined) return { kind: 'match', id, fuzzy };
  const f = formerMunicipalitiesById.get(id)?.find((x) => x.fi === formerFi);
  if (!f) throw new Error(`the knowledge has no former municipality "${formerFi}" of "${id}"`);
  return {
    kind: 'match',
    id,
    fuzzy,
    former: { fi: f.fi, ...(f.sv ? { sv: f.sv } : {}), ...(f.year !== undefined ? { year: f.year } : {}) },
  };
}

/** The understanding as the table writes it: language only where the row names one. */
function comparable(u: Understanding, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = { ...u };
  if (!('language' in row.expect)) delete out.language;
  if (u.municipality?.kind === 'ambiguous')
    out.municipality = { ...u.municipality, ids: [...u.municipality.ids].sort() };
  return out;
}

function expected(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row.expect };
  if (typeof out.municipality === 'string') out.municipality = municipalityFrom(out.municipality);
  return out;
}

describe('the utterance table', () => {
  it('has at least 800 rows across Finnish, Swedish and English', () => {
    expect(rows.length).toBeGreaterThanOrEqual(800);
    const languages = new Set(rows.map((r) => r.expect.language).filter(Boolean));
    expect([...languages].sort()).toEqual(['en', 'fi', 'sv']);
  });

  it.each(rows.map((r) => [r.expecting ? `${r.text}  (expecting ${r.expecting})` : r.text, r] as const))(
    '%s',
    (_label, row) => {
      expect(comparable(understand(row.text, row.expecting), row)).toEqual(expected(row));
    },
  );
});
