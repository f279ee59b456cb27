import { LANGS } from '../../knowledge';
import { benefitLabel, readButton } from '../../dialogs/replies/buttons';
import { languageNames, texts } from '../../dialogs/replies/texts';

// Every message exists in fi, sv and en: a missing or empty one fails here (the type checker
// catches most, this catches the rest, e.g. an empty string or a lost placeholder).

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(texts))('message %s', (_key, byLang) => {
  test('exists, non-empty, in every language', () => {
    for (const lang of LANGS) {
      const text = (byLang as Record<string, unknown>)[lang];
      expect(typeof text).toBe('string');
      expect((text as string).trim()).not.toBe('');
    }
  });
  test('has the same placeholders in every language', () => {
    const fi = placeholders(byLang.fi);
    for (const lang of LANGS) expect(placeholders(byLang[lang])).toEqual(fi);
  });
  test('is not left untranslated (sv and en differ from fi)', () => {
    // A few words are the same in every language on purpose (none so far).
    expect(byLang.sv === byLang.fi && byLang.en === byLang.fi).toBe(false);
  });
});

test('the language names exist for every language', () => {
  for (const lang of LANGS) expect(languageNames[lang]).toBeTruthy();
});

test('every button label reads back as its own value, in every language', () => {
  for (const lang of LANGS) {
    expect(readButton(languageNames[lang])).toEqual({ kind: 'language', lang });
    for (const b of ['labourMarketSubsidy', 'basicAllowance', 'earningsRelated', 'none', 'unknown'] as const) {
      expect(readButton(benefitLabel(b, lang))).toEqual({ kind: 'benefit', benefit: b });
    }
    expect(readButton(texts.buttonYes[lang])).toEqual({ kind: 'yesNo', yes: true });
    expect(readButton(texts.buttonNo[lang])).toEqual({ kind: 'yesNo', yes: false });
    expect(readButton(texts.buttonStartAgain[lang])).toEqual({ kind: 'startAgain' });
  }
  expect(readButton('asun Mikkelissä')).toBeUndefined();
});
