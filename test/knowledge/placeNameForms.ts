// The hand-written name forms of test/knowledge/placeNameForms.yaml, and the match each one must give.
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import type { MunicipalityMatch } from '../../knowledge';
import { formerMunicipalitiesById } from '../../knowledge/municipalities';

export const CASES = ['missa', 'mista', 'mihin', 'genitive'] as const;
export type Case = (typeof CASES)[number];

export interface PlaceForms extends Record<Case, string[]> {
  name: string;
  id: string;
  former?: boolean;
}

export const placeForms: PlaceForms[] = YAML.parse(
  fs.readFileSync(path.join(__dirname, 'placeNameForms.yaml'), 'utf8'),
).places;

/** The match a form of the place must give: today's municipality, and the former one it names. */
export function expectedMatch(place: PlaceForms): MunicipalityMatch {
  if (!place.former) return { kind: 'match', id: place.id, fuzzy: false };
  const f = formerMunicipalitiesById.get(place.id)?.find((x) => x.fi === place.name);
  if (!f) throw new Error(`the knowledge has no former municipality "${place.name}" of "${place.id}"`);
  return {
    kind: 'match',
    id: place.id,
    fuzzy: false,
    former: { fi: f.fi, ...(f.sv ? { sv: f.sv } : {}), ...(f.year !== undefined ? { year: f.year } : {}) },
  };
}
