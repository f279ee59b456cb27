// Focused tests of the understanding's parts: the municipality list's validation, the Finnish
// form generator, the typo distance, identity codes, and what `expecting` changes.
import { BENEFITS, facts, LANGS, understand, redactIdentityCodes } from '../../knowledge';
import { idOf, loadMunicipalityNames, municipalityNames } from '../../knowledge/municipalities';
import { weakGrade, wordForms } from '../../knowledge/understand/finnishForms';
import { IDENTITY_CODE_PLACEHOLDER, isValidIdentityCode } from '../../knowledge/understand/identityCode';
import { osaDistance } from '../../knowledge/understand/distance';
import { findMunicipality, typoAllowance } from '../../knowledge/understand/municipality';
import { buildIndex, knownForms } from '../../knowledge/understand/municipalityIndex';
import { normalize } from '../../knowledge/understand/normalize';
import { numberWord } from '../../knowledge/understand/numbers';
import { DIRECT_CALLER_MAX_CHARS } from '../../knowledge/understand';
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';

describe('the municipality list', () => {
  it('has unique ids that are the ASCII of the Finnish name, and the agreed Etelä-Savo ids', () => {
    const ids = municipalityNames.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of municipalityNames) expect(m.id).toBe(idOf(m.fi));
    for (const id of [
      'mikkeli',
      'hirvensalmi',
      'juva',
      'kangasniemi',
      'mantyharju',
      'pertunmaa',
      'puumala',
      'savonlinna',
      'pieksamaki',
      'sulkava',
      'enonkoski',
      'rantasalmi',
      'joroinen',
      'heinavesi',
      'helsinki',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('holds Åland’s 16 municipalities with their Swedish names', () => {
    const aland = [
      'brando',
      'eckero',
      'finstrom',
      'foglo',
      'geta',
      'hammarland',
      'jomala',
      'kumlinge',
      'kokar',
      'lemland',
      'lumparland',
      'maarianhamina',
      'saltvik',
      'sottunga',
      'sund',
      'vardo',
    ];
    for (const id of aland) expect(municipalityNames.find((m) => m.id === id)?.sv).toBeTruthy();
  });

  it('gives the bilingual municipalities their Swedish names', () => {
    for (const id of [
      'helsinki',
      'espoo',
      'turku',
      'vaasa',
      'maarianhamina',
      'porvoo',
      'kokkola',
      'savonlinna',
      'mikkeli',
      'joroinen',
    ]) {
      expect(municipalityNames.find((m) => m.id === id)?.sv).toBeTruthy();
    }
  });

  const valid = {
    municipalities: [
      { id: 'juva', fi: 'Juva', otherNames: ['Jockas'] },
      { id: 'mikkeli', fi: 'Mikkeli', sv: 'S:t Michel' },
    ],
  };

  it('loads valid data', () => {
    expect(loadMunicipalityNames(valid).map((m) => m.id)).toEqual(['juva', 'mikkeli']);
  });

  it('refuses a duplicate id, naming the entry', () => {
    const data = { municipalities: [...valid.municipalities, { id: 'juva', fi: 'Juva' }] };
    expect(() => loadMunicipalityNames(data)).toThrow(/municipalities\[2\] \(id "juva"\): duplicate id/);
  });

  it('refuses one name for two municipalities, naming both', () => {
    const data = {
      municipalities: [...valid.municipalities, { id: 'rantasalmi', fi: 'Rantasalmi', otherNames: ['Jockas'] }],
    };
    expect(() => loadMunicipalityNames(data)).toThrow(
      /municipalities\[2\] \(id "rantasalmi"\): name "jockas" is also a name of "juva"/,
    );
  });

  it('refuses a former municipality that is also a name of another one', () => {
    const data = {
      municipalities: [...valid.municipalities, { id: 'savonlinna', fi: 'Savonlinna', formerMunicipalities: ['Juva'] }],
    };
    expect(() => loadMunicipalityNames(data)).toThrow(
      /municipalities\[2\] \(id "savonlinna"\): name "juva" is also a name of "juva"/,
    );
  });

  it('refuses an id that is not the ASCII of the Finnish name', () => {
    const data = { municipalities: [{ id: 'pieksa', fi: 'Pieksämäki' }] };
    expect(() => loadMunicipalityNames(data)).toThrow(/id must be "pieksamaki"/);
  });

  it('refuses a missing Finnish name and an unknown field, naming the entry', () => {
    expect(() => loadMunicipalityNames({ municipalities: [{ id: 'juva' }] })).toThrow(
      /municipalities\[0\] \("juva"\)\.fi: is missing/,
    );
    expect(() => loadMunicipalityNames({ municipalities: [{ id: 'juva', fi: 'Juva', area: 'mikkeliPilot' }] })).toThrow(
      /Unrecognized key/,
    );
  });
});

describe('the index of name forms', () => {
  it('gives every form, written or generated, to one municipality only', () => {
    const shared = [...knownForms()]
      .filter(([, hit]) => hit.ids.length > 1)
      .map(([form, hit]) => `${form}: ${hit.ids.join(', ')}`);
    expect(shared).toEqual([]);
  });
});

describe('Finnish forms', () => {
  it.each([
    ['turku', 'turu'],
    ['hanko', 'hango'],
    ['luoto', 'luodo'],
    ['outokumpu', 'outokummu'],
    ['pomarkku', 'pomarku'],
    ['lappeenranta', 'lappeenranna'],
    ['harjavalta', 'harjavalla'],
    ['kotka', 'kotka'],
    ['juva', 'juva'],
    ['kuopio', 'kuopio'],
  ])('weak grade of %s is %s', (strong, weak) => {
    expect(weakGrade(strong)).toBe(weak);
  });

  it.each([
    ['pieksamaki', 'ade', 'pieksamaella'],
    ['heinavesi', 'ade', 'heinavedella'],
    ['heinavesi', 'ill', 'heinaveteen'],
    ['joroinen', 'ine', 'joroisissa'],
    ['kangasniemi', 'ade', 'kangasniemella'],
    ['rantasalmi', 'abl', 'rantasalmelta'],
    ['helsinki', 'ine', 'helsingissa'],
    ['helsinki', 'ill', 'helsinkiin'],
    ['tampere', 'ade', 'tampereella'],
    ['espoo', 'ill', 'espooseen'],
    ['kirkkonummi', 'ade', 'kirkkonummella'],
    ['pihtipudas', 'ade', 'pihtiputaalla'],
    ['varkaus', 'ine', 'varkaudessa'],
    ['kannus', 'ine', 'kannuksessa'],
    ['virrat', 'ade', 'virroilla'],
    ['uusikaupunki', 'ine', 'uudessakaupungissa'],
    ['punkalaidun', 'ade', 'punkalaitumella'],
    ['korsnas', 'ine', 'korsnasissa'],
  ] as const)('%s %s includes %s', (word, c, form) => {
    expect(wordForms(word)[c]).toContain(form);
  });
});

describe('typo tolerance', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(osaDistance('mikkleli', 'mikkeli', 2)).toBe(1);
    expect(osaDistance('svaonlinna', 'savonlinna', 1)).toBe(1);
  });

  it('never allows an edit in a short word, and more in a long one', () => {
    expect(typoAllowance(3, false)).toBe(0);
    expect(typoAllowance(4, false)).toBe(0);
    expect(typoAllowance(9, false)).toBe(1);
    expect(typoAllowance(14, false)).toBe(2);
    expect(typoAllowance(14, true)).toBeGreaterThanOrEqual(typoAllowance(14, false));
  });

  it('finds a swapped-letter typo', () => {
    expect(understand('Svaonlinna').municipality).toEqual({ kind: 'match', id: 'savonlinna', fuzzy: true });
  });

  it('never matches short everyday words, even when the bot asked for the municipality', () => {
    for (const word of ['ja', 'on', 'ei', 'en', 'no', 'i', 'at', 'joo', 'ok', 'moi', 'hei']) {
      const u = understand(word, 'municipality');
      expect(u.municipality?.kind).not.toBe('match');
    }
  });

  it('matches a lone typo only when the bot asked for the municipality', () => {
    expect(understand('mikkel').municipality).toBeUndefined();
    expect(understand('mikkel', 'municipality').municipality).toEqual({ kind: 'match', id: 'mikkeli', fuzzy: true });
  });
});

describe('numbers', () => {
  it.each([
    ['kaksikymmentaseitseman', 27],
    ['kakskytseitteman', 27],
    ['kolkytkolme', 33],
    ['yhdeksankymmentayhdeksan', 99],
    ['kymmenen', 10],
    ['viisitoista', 15],
    ['tjugosju', 27],
    ['nittionio', 99],
    ['twenty-seven', 27],
    ['ninety', 90],
    ['kissa', undefined],
  ])('%s is %s', (word, value) => {
    expect(numberWord(word)).toBe(value);
  });
});

describe('identity codes', () => {
  const containsIdentityCode = (text: string) => redactIdentityCodes(text) !== text;

  it('checks the check character', () => {
    expect(isValidIdentityCode('131052-308T')).toBe(true);
    expect(isValidIdentityCode('131052-308A')).toBe(false);
    expect(isValidIdentityCode('010101A123N')).toBe(true);
  });

  it('detects a code with every century sign, and a mistyped one too', () => {
    for (const sign of ['+', '-', 'A', 'B', 'C', 'D', 'E', 'F', 'Y', 'X', 'W', 'V', 'U']) {
      expect(containsIdentityCode(`hetu 131052${sign}308T`)).toBe(true);
    }
    expect(containsIdentityCode('131052-308A')).toBe(true);
  });

  it('does not take a phone number, a date, a postal code or a year for a code', () => {
    for (const text of ['0200 123 456', '040 123 4567', '1.2.2020', '12345 Kaupunki', 'vuonna 2021', '123456-7890']) {
      expect(containsIdentityCode(text)).toBe(false);
    }
  });

  it('redacts every code and keeps the rest of the text', () => {
    const text = 'asun Juvalla, hetu 131052-308T ja vaimon 010101A123N';
    const redacted = redactIdentityCodes(text);
    expect(redacted).not.toMatch(/131052|010101/);
    expect(redacted).toBe(`asun Juvalla, hetu ${IDENTITY_CODE_PLACEHOLDER} ja vaimon ${IDENTITY_CODE_PLACEHOLDER}`);
  });

  it('knows a code that the host has redacted already, and reads the rest', () => {
    const u = understand(redactIdentityCodes('I live in Juva, my code is 131052-308T'));
    expect(u.identityCode).toBe(true);
    expect(u.municipality).toEqual({ kind: 'match', id: 'juva', fuzzy: false });
    expect(u.language).toBe('en');
  });

  it('never reads a part of a code as an age or a town', () => {
    const u = understand('131052-308T', 'age');
    expect(u).toEqual({ identityCode: true });
  });
});

describe('what the expected slot changes', () => {
  it('takes a bare number as the age whatever was asked: the answer to one question may tell another', () => {
    expect(understand('27', 'age').age).toBe(27);
    expect(understand('27').age).toBe(27);
    expect(understand('27', 'benefit').age).toBe(27);
    expect(understand('27', 'municipality')).toEqual({ age: 27 });
  });

  it('takes a bare yes or no as the immigrant answer when that was asked', () => {
    expect(understand('kyllä', 'immigrant').immigrant).toBe(true);
    expect(understand('nej', 'immigrant').immigrant).toBe(false);
    expect(understand('kyllä').immigrant).toBeUndefined();
  });

  it('reports an unknown answer to the municipality question', () => {
    expect(understand('Ruritania', 'municipality').municipality).toEqual({ kind: 'unknown', text: 'Ruritania' });
  });
});

describe('robustness', () => {
  it('understands nothing in empty or odd input', () => {
    expect(understand('')).toEqual({});
    expect(understand('   ')).toEqual({});
    expect(understand('🙂')).toEqual({});
    expect(understand(undefined as unknown as string)).toEqual({});
  });

  it('finds an identity code even past the part of a long message that is read', () => {
    expect(understand(`${'bla '.repeat(DIRECT_CALLER_MAX_CHARS)} 131052-308T`).identityCode).toBe(true);
  });

  it('reads only the first part of a very long text passed to it directly', () => {
    const long = `${'bla '.repeat(DIRECT_CALLER_MAX_CHARS)} asun Juvalla`;
    expect(understand(long).municipality).toBeUndefined();
    expect(understand(`asun Juvalla ${'bla '.repeat(DIRECT_CALLER_MAX_CHARS)}`).municipality).toEqual({
      kind: 'match',
      id: 'juva',
      fuzzy: false,
    });
  });
});

describe('the benefits by their own names (the ones the bot asks with), in every language', () => {
  test.each(BENEFITS.flatMap((kind) => LANGS.map((lang) => [kind, lang, facts.benefits[kind].name[lang]] as const)))(
    '%s in %s: "%s"',
    (kind, _lang, name) => {
      expect(understand(name, 'benefit').benefit).toBe(kind);
      expect(understand(`asun Juvalla, olen 40, ${name}`).benefit).toBe(kind);
    },
  );
});

describe('a former municipality split between two of today’s', () => {
  // Sääminki went mostly to Savonlinna and partly to Punkaharju (1973): had Punkaharju stayed a
  // municipality, "Sääminki" would name two places. The data may list it under both; the finder
  // then asks which one instead of guessing.
  const data = {
    municipalities: [
      { id: 'savonlinna', fi: 'Savonlinna', formerMunicipalities: [{ fi: 'Sääminki', sv: 'Säminge', year: 1973 }] },
      { id: 'punkaharju', fi: 'Punkaharju', formerMunicipalities: [{ fi: 'Sääminki', year: 1973 }] },
    ],
  };
  const loaded = loadMunicipalityNames(data);
  const index = buildIndex(loaded, new Map(loaded.map((m) => [m.id, m.formerMunicipalities ?? []])));

  it.each(['Sääminki', 'asun Säämingissä', 'Säämingistä', 'saaminki'])('"%s" is ambiguous between the two', (text) => {
    expect(findMunicipality(normalize(text), undefined, index)).toEqual({
      kind: 'ambiguous',
      ids: ['savonlinna', 'punkaharju'],
    });
  });

  it('a name only one of them lists still names that one, with the former name', () => {
    expect(findMunicipality(normalize('bor i Säminge'), undefined, index)).toEqual({
      kind: 'match',
      id: 'savonlinna',
      fuzzy: false,
      former: { fi: 'Sääminki', sv: 'Säminge', year: 1973 },
    });
  });

  it('still refuses a former name that is the name of another municipality', () => {
    const bad = {
      municipalities: [
        ...data.municipalities,
        { id: 'sulkava', fi: 'Sulkava', formerMunicipalities: [{ fi: 'Punkaharju', year: 2000 }] },
      ],
    };
    expect(() => loadMunicipalityNames(bad)).toThrow(/name "punkaharju" is also a name of "punkaharju"/);
  });

  it('refuses a merger year that cannot be one', () => {
    const bad = {
      municipalities: [{ id: 'mikkeli', fi: 'Mikkeli', formerMunicipalities: [{ fi: 'Ristiina', year: 13 }] }],
    };
    expect(() => loadMunicipalityNames(bad)).toThrow(/municipality data is invalid/);
  });
});

describe('one reading of a message', () => {
  // Reading a message as the answer to a question adds to what a plain reading finds and never
  // loses any of it, so the dialogs read each message once. Checked over the whole utterance table.
  const table: Array<{ text: string }> = YAML.parse(
    fs.readFileSync(path.join(__dirname, 'utterances.yaml'), 'utf8'),
  ).utterances;
  const slots = ['municipality', 'age', 'benefit', 'immigrant'] as const;

  it.each(slots)('asked for %s, nothing a plain reading finds is lost', (slot) => {
    const lost: string[] = [];
    for (const { text } of table) {
      const plain = understand(text);
      const asAnswer = understand(text, slot);
      for (const [key, value] of Object.entries(plain)) {
        if (
          JSON.stringify(asAnswer[key as keyof typeof asAnswer]) !== JSON.stringify(value) &&
          !(key === 'municipality' && asAnswer.municipality)
        ) {
          lost.push(`${text}: ${key}`);
        }
      }
    }
    expect(lost).toEqual([]);
  });

  it('reads "en ole varma, asun Tukholmassa" alike whether or not the municipality was asked', () => {
    expect(understand('en ole varma, asun Tukholmassa', 'municipality').municipality).toEqual({
      kind: 'unknown',
      text: 'Tukholmassa',
    });
    expect(understand('en ole varma, asun Tukholmassa').municipality).toEqual({ kind: 'unknown', text: 'Tukholmassa' });
  });

  it.each(['en ole varma', 'en tiedä', 'en asu Mikelissä', 'vet inte', "I don't know"])(
    '"%s" answers the municipality question with no place',
    (text) => {
      expect(understand(text, 'municipality').municipality).toBeUndefined();
    },
  );
});
