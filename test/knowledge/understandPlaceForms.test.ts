// Every Etelä-Savo municipality, former municipality, Joroinen and Heinävesi in the cases the guide
// reads (where, from where, to where, of), as a dictionary writes them: the forms are written by hand
// in placeNameForms.yaml, not made by the generator the lookup is built from, so a wrong form in the
// generator fails here.
import { facts, understand } from '../../knowledge';
import { formerMunicipalitiesById } from '../../knowledge/municipalities';
import { CASES, expectedMatch, placeForms, type Case } from './placeNameForms';

/** A sentence a person writes with the form: "asun Juvalla", "olen kotoisin Juvalta", "muutin Juvalle". */
const SENTENCES: Record<Case, (form: string) => string> = {
  missa: (form) => `asun ${form}`,
  mista: (form) => `olen kotoisin ${form}`,
  mihin: (form) => `muutin ${form}`,
  genitive: (form) => `asun ${form} alueella`,
};

describe('the hand-written table', () => {
  it('holds every Etelä-Savo municipality, their former municipalities, Joroinen and Heinävesi', () => {
    const etelaSavo = Object.values(facts.providers).flatMap((p) => p.municipalityIds);
    const ids = [...etelaSavo, 'joroinen', 'heinavesi'];
    const names = [
      ...ids.map((id) => facts.municipalities[id].fi),
      ...ids.flatMap((id) => (formerMunicipalitiesById.get(id) ?? []).map((f) => f.fi)),
    ];
    expect(etelaSavo).toHaveLength(12);
    expect(names.filter((n) => !placeForms.some((p) => p.name === n))).toEqual([]);
  });

  it('gives each place every case', () => {
    for (const place of placeForms)
      for (const c of CASES) expect([place.name, c, place[c].length > 0]).toEqual([place.name, c, true]);
  });
});

const rows = placeForms.flatMap((place) =>
  CASES.flatMap((c) => place[c].map((form) => [place.name, c, form, place] as const)),
);

describe.each(rows)('%s, %s: "%s"', (_name, c, form, place) => {
  it('is understood as the answer to "where do you live?"', () => {
    expect(understand(form, 'municipality').municipality).toEqual(expectedMatch(place));
  });
  it('is understood in a sentence', () => {
    expect(understand(SENTENCES[c](form)).municipality).toEqual(expectedMatch(place));
  });
});
