// The utterance table (test/knowledge/utterances.yaml): each message, in fi/sv/en, with the slots
// it must fill, and nothing else: a slot the table does not list must stay empty. Every row says
// the message's language (the reply's language follows it), or `none` where none can be told.
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

/** The understanding as the table writes it. */
function comparable(u: Understanding): Record<string, unknown> {
  const out: Record<string, unknown> = { ...u };
  if (u.municipality?.kind === 'ambiguous')
    out.municipality = { ...u.municipality, ids: [...u.municipality.ids].sort() };
  return out;
}

/** The row's slots as the understanding gives them: `language: none` is no language. */
function expected(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row.expect };
  if (typeof out.municipality === 'string') out.municipality = municipalityFrom(out.municipality);
  if (out.language === 'none') delete out.language;
  return out;
}

describe('the utterance table', () => {
  it('has at least 800 rows across Finnish, Swedish and English, each saying its language', () => {
    expect(rows.length).toBeGreaterThanOrEqual(800);
    expect(rows.filter((r) => !['fi', 'sv', 'en', 'none'].includes(r.expect.language as string))).toEqual([]);
    const languages = new Set(rows.map((r) => r.expect.language));
    expect([...languages].sort()).toEqual(['en', 'fi', 'none', 'sv']);
  });

  it('holds each message once for each slot asked', () => {
    const keys = rows.map((r) => `${r.text}  (expecting ${r.expecting ?? 'nothing'})`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it.each(rows.map((r) => [r.expecting ? `${r.text}  (expecting ${r.expecting})` : r.text, r] as const))(
    '%s',
    (_label, row) => {
      expect(comparable(understand(row.text, row.expecting))).toEqual(expected(row));
    },
  );
});
