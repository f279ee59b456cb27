// Every municipality of the data, in every name form the data gives (Finnish, Swedish, other
// names), alone, without diacritics, inside a sentence, and in the inflected forms people write,
// is understood as that municipality and no other. The cases are generated from the data.
import { understand } from '../../knowledge';
import { formerMunicipalitiesById, municipalityNames, namesOf } from '../../knowledge/municipalities';
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

describe('former municipalities lead to the municipality they were merged into', () => {
  const cases = [...formerMunicipalitiesById].flatMap(([id, names]) => names.map((name) => [id, name] as const));

  it('lists the merged municipalities of Mikkeli, Savonlinna and Pieksämäki', () => {
    for (const id of ['mikkeli', 'savonlinna', 'pieksamaki']) expect(formerMunicipalitiesById.get(id)?.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: "%s"', (id, name) => {
    expect(understand(name, 'municipality').municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(`asun ${name}`).municipality).toEqual({ kind: 'match', id, fuzzy: false });
    const word = foldName(name).split(/[ -]/).pop()!;
    const prefix = foldName(name).slice(0, foldName(name).length - word.length);
    for (const c of ['ine', 'ade', 'ela'] as const) {
      expect(understand(`asun ${prefix}${wordForms(word)[c]![0]}`).municipality).toEqual({ kind: 'match', id, fuzzy: false });
    }
  });
});

describe('every Finnish name in its locative cases', () => {
  // The forms people write for "in / from / to X": the generator must make them for every name,
  // and each must lead back to its own municipality only.
  const cases = municipalityNames.flatMap((m) => {
    const word = foldName(m.fi).split(/[ -]/).pop()!;
    const prefix = foldName(m.fi).slice(0, foldName(m.fi).length - word.length);
    const forms = wordForms(word);
    return (['ine', 'ela', 'ade', 'abl', 'all', 'ill', 'gen'] as const).map((c) => [m.id, c, prefix + (forms[c]?.[0] ?? '')] as const);
  });

  it.each(cases)('%s %s: "%s"', (id, _case, form) => {
    expect(form.trim()).not.toBe('');
    expect(understand(form, 'municipality').municipality).toEqual({ kind: 'match', id, fuzzy: false });
    expect(understand(`asun ${form}`).municipality).toEqual({ kind: 'match', id, fuzzy: false });
  });
});
