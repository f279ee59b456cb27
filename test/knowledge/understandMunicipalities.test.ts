// Every municipality of the data, in every name form the data gives (Finnish, Swedish, other
// names), alone, without diacritics and inside a sentence, is understood as that municipality and
// no other. The cases are generated from the data. That the Finnish inflected forms are right is
// checked against forms written by hand (understandPlaceForms.test.ts); here only that the forms
// the generator makes for all 309 names lead back to their own municipality.
import { understand } from '../../knowledge';
import {
  formerMunicipalitiesById,
  formerNamesOf,
  municipalityNames,
  namesOf,
  regionChangesById,
  type FormerMunicipality,
} from '../../knowledge/municipalities';
import { wordForms } from '../../knowledge/understand/finnishForms';
import { foldName } from '../../knowledge/municipalities';

const stripDiacritics = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const nameCases = municipalityNames.flatMap((m) => namesOf(m).map((name) => [m.id, name] as const));

describe('every municipality by every name in the data', () => {
  it('covers the 309 municipalities of 2021', () => {
    expect(municipalityNames).toHaveLength(309);
  });

  it.each(nameCases)('%s: "%s" alone, as the answer and in running text', (id, name) => {
    expect(understand(name, 'municipality').municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(name).municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(stripDiacritics(name), 'municipality').municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(`asun nykyään ${name}`).municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(`I live in ${name}, I'm 27`).municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(`jag bor i ${name}`).municipality).toEqual({ kind: 'match', id, fuzzy: false });
  });
});

describe('former municipalities lead to the municipality they were merged into, and say which one they were', () => {
  const cases = [...formerMunicipalitiesById].flatMap(([id, list]) =>
    list.flatMap((f) => formerNamesOf(f).map((name) => [id, name, f] as const)),
  );
  const expected = (id: string, f: FormerMunicipality) => ({
    kind: 'match',
    id,
    fuzzy: false,
    former: { fi: f.fi, ...(f.sv ? { sv: f.sv } : {}), ...(f.year !== undefined ? { year: f.year } : {}) },
  });

  it('lists the merged municipalities of Mikkeli, Savonlinna and Pieksämäki, each with its year', () => {
    for (const id of ['mikkeli', 'savonlinna', 'pieksamaki']) {
      const list = formerMunicipalitiesById.get(id) ?? [];
      expect(list.length).toBeGreaterThan(0);
      for (const f of list) expect(f.year).toBeGreaterThan(1900);
    }
  });

  it.each(cases)('%s: "%s"', (id, name, f) => {
    expect(understand(name, 'municipality').municipality).toEqual(expected(id, f));
    expect(understand(`asun ${name}`).municipality).toEqual(expected(id, f));
    expect(understand(`jag bor i ${name}`).municipality).toEqual(expected(id, f));
    expect(understand(`I live in ${stripDiacritics(name).toLowerCase()}, I'm 27`).municipality).toEqual(
      expected(id, f),
    );
    // A Swedish name in the Swedish genitive; a Finnish one's generated cases lead back to it with its
    // note (whether they are right: understandPlaceForms.test.ts).
    const word = foldName(name).split(/[ -]/).pop()!;
    const prefix = foldName(name).slice(0, foldName(name).length - word.length);
    if (name === f.sv) expect(understand(`${name}s kommun`).municipality).toEqual(expected(id, f));
    else
      for (const c of ['ine', 'ade', 'ela'] as const)
        expect(understand(`asun ${prefix}${wordForms(word)[c]![0]}`).municipality).toEqual(expected(id, f));
  });
});

describe('the regions left in 2021', () => {
  it.each(['joroinen', 'heinavesi'])('%s is its own municipality, outside Etelä-Savo since 2021', (id) => {
    expect(understand(municipalityNames.find((m) => m.id === id)!.fi).municipality).toEqual({
      kind: 'match',
      id,
      fuzzy: false,
    });
    expect(regionChangesById.get(id)?.year).toBe(2021);
    expect(regionChangesById.get(id)?.from.fi).toBe('Etelä-Savo');
  });
});

describe('the generated forms of every Finnish name lead back to it', () => {
  // The generator's "in / from / to X" for every name leads back to its own municipality only (no
  // two names share a form). Whether a form is right is checked in understandPlaceForms.test.ts.
  const cases = municipalityNames.flatMap((m) => {
    const word = foldName(m.fi).split(/[ -]/).pop()!;
    const prefix = foldName(m.fi).slice(0, foldName(m.fi).length - word.length);
    const forms = wordForms(word);
    return (['ine', 'ela', 'ade', 'abl', 'all', 'ill', 'gen'] as const).map(
      (c) => [m.id, c, prefix + (forms[c]?.[0] ?? '')] as const,
    );
  });

  it.each(cases)('%s %s: "%s"', (id, _case, form) => {
    expect(form.trim()).not.toBe('');
    expect(understand(form, 'municipality').municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(`asun ${form}`).municipality).toEqual({ kind: 'match', id, fuzzy: false });
  });
});
