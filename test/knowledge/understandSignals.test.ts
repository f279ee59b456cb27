// Signals found by talking to the bot: ages beside the facts' own numbers, where a person comes
// from, the mother tongue, denied places and "no benefit". The expected values come from the
// knowledge and the understanding's own word lists, never typed in here.
import { facts, understand } from '../../knowledge';
import { placeForms } from './placeNameForms';

const etelaSavo = Object.values(facts.municipalities).filter((m) => m.area !== 'outside');
/** A place's Finnish forms, written by hand (placeNameForms.yaml), not made by the generator. */
function formsOf(name: string) {
  const place = placeForms.find((p) => p.name === name);
  if (!place) throw new Error(`placeNameForms.yaml has no "${name}"`);
  return place;
}

describe('numbers of the knowledge are no age', () => {
  const phones = Object.values(facts.contacts).flatMap((c) => (c.phone ? [c.phone] : []));
  const streets = Object.values(facts.servicePoints).map((p) => p.address.street);

  it('has phones and streets to check', () => {
    expect(phones.length).toBeGreaterThan(0);
    expect(streets.some((s) => /\d/.test(s))).toBe(true);
  });

  it.each(phones)('phone %s', (phone) => {
    for (const text of [phone, `soita ${phone}`, `call ${phone}`, `ring ${phone}`]) {
      expect(understand(text).age).toBeUndefined();
      expect(understand(text).ageProblem).toBeUndefined();
    }
  });

  const postal = Object.values(facts.servicePoints).flatMap((p) =>
    p.address.postalCode ? [`${p.address.postalCode} ${p.address.town}`] : [],
  );
  it.each([...new Set(postal)])('postal code and town %s', (code) => {
    for (const text of [code, `postinumero ${code}`, `my postcode is ${code}`]) {
      expect(understand(text).age).toBeUndefined();
      expect(understand(text).ageProblem).toBeUndefined();
      expect(understand(text).identityCode).toBeUndefined();
    }
  });

  it.each(streets)('street %s', (street) => {
    for (const text of [`asun osoitteessa ${street}`, `I live at ${street}`, `jag bor på ${street}`])
      expect(understand(text).age).toBeUndefined();
  });
});

describe('an age with its unit as a clause of its own', () => {
  it.each(etelaSavo.slice(0, 6).map((m) => m.fi))('in %s, in three languages', (town) => {
    for (const [text, age] of [
      [`asun ${town}, 22 vuotta, maahanmuuttaja`, 22],
      [`${town}, 45 v, ansiopäiväraha`, 45],
      [`I live in ${town}, 31 years, immigrant`, 31],
      [`jag bor i ${town}, 19 år, invandrare`, 19],
    ] as const) {
      expect([text, understand(text).age]).toEqual([text, age]);
    }
  });

  it('but a duration or a count is still no age', () => {
    for (const text of [
      'olen ollut 20 vuotta töissä',
      'työttömänä, 2 vuotta, ei tukea',
      'bott här, 20 år i stan',
      'unemployed for 20 years',
    ]) {
      expect([text, understand(text).age]).toEqual([text, undefined]);
    }
  });
});

describe('where the person comes from', () => {
  const abroad = [
    ['Somalia', 'Somaliasta', 'Somalia'],
    ['Iraq', 'Irakista', 'Irak'],
    ['Afghanistan', 'Afganistanista', 'Afghanistan'],
    ['Syria', 'Syyriasta', 'Syrien'],
    ['Russia', 'Venäjältä', 'Ryssland'],
  ];
  it.each(abroad)('abroad (%s) is a sign of immigration in fi, sv and en', (en, fiElative, sv) => {
    for (const text of [
      `I moved from ${en}`,
      `I come from ${en}`,
      `I moved to Finland from ${en}`,
      `olen kotoisin ${fiElative}`,
      `muutin Suomeen ${fiElative}`,
      `jag kommer från ${sv}`,
      `jag flyttade till Finland från ${sv}`,
    ]) {
      expect([text, understand(text).immigrant]).toEqual([text, true]);
    }
  });

  it.each(etelaSavo.map((m) => m.fi))('a Finnish town (%s) is not', (town) => {
    const texts = [`I moved from ${town}`, `I'm from ${town}`, `jag flyttade från ${town}`];
    for (const elative of formsOf(town).mista) texts.push(`muutin ${elative}`, `olen kotoisin ${elative}`);
    for (const text of texts) expect([text, understand(text).immigrant]).toEqual([text, undefined]);
  });
});

describe('the mother tongue', () => {
  it.each(['suomi', 'ruotsi', 'saame'])('äidinkieleni on %s: no immigrant', (language) => {
    expect(understand(`äidinkieleni on ${language}`).immigrant).toBe(false);
  });
  it.each(['Finnish', 'Swedish', 'Sami'])('my mother tongue is %s: no immigrant', (language) => {
    expect(understand(`my mother tongue is ${language}`).immigrant).toBe(false);
  });
  it.each(['venäjä', 'arabia', 'somali', 'dari', 'persia', 'viro'])('äidinkieleni on %s: immigrant', (language) => {
    expect(understand(`äidinkieleni on ${language}`).immigrant).toBe(true);
  });
  it.each(['Arabic', 'Dari', 'Somali', 'Russian'])(
    'I speak %s at home / my first language is …: immigrant',
    (language) => {
      expect(understand(`I speak ${language} at home`).immigrant).toBe(true);
      expect(understand(`my first language is ${language}`).immigrant).toBe(true);
    },
  );
});

describe('a denied place', () => {
  const pilots = etelaSavo.filter((m) => m.area === 'mikkeliPilot' || m.area === 'savonlinnaPilot');
  const pairs = pilots.flatMap((a) => pilots.filter((b) => b.id !== a.id).map((b) => [a, b] as const)).slice(0, 30);

  it.each(pairs.map(([a, b]) => [a.fi, b.fi, a, b] as const))('not %s but %s', (_a, _b, a, b) => {
    const match = { kind: 'match', id: b.id, fuzzy: false };
    expect(understand(`I don't live in ${a.fi} but in ${b.fi}`).municipality).toEqual(match);
    expect(understand(`jag bor inte i ${a.sv ?? a.fi} utan i ${b.sv ?? b.fi}`).municipality).toEqual(match);
    expect(understand(`I live in ${b.fi}, not in ${a.fi}`).municipality).toEqual(match);
  });

  it.each(pairs.map(([a, b]) => [a.fi, b.fi, a, b] as const))(
    'kotikuntani on %s, mutta asun %s: the home municipality decides',
    (_a, _b, a, b) => {
      const where = formsOf(b.fi).missa[0];
      expect(understand(`kotikuntani on ${a.fi}, mutta asun ${where}`).municipality).toEqual({
        kind: 'match',
        id: a.id,
        fuzzy: false,
      });
    },
  );
});

describe('no benefit', () => {
  it.each([
    'ei etuutta',
    'ei mitään etuutta',
    'en saa etuutta',
    'ei tukea',
    'no benefits',
    'no benefit at all',
    'inget stöd',
    'jag får ingenting',
    'jag har inga pengar',
  ])('%s → none, and no yes/no', (text) => {
    const u = understand(text);
    expect(u.benefit).toBe('none');
    expect(u.yesNo).toBeUndefined();
  });
});
