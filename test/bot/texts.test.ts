import * as fs from 'fs';
import * as path from 'path';
import { InputHints } from 'botbuilder';
import { facts, LANGS, type Lang, type Localized } from '../../knowledge';
import { benefitLabel, readButton } from '../../dialogs/replies/buttons';
import { message } from '../../dialogs/replies/messages';
import { checkedTexts, languageNames, texts, TEXT_KEYS } from '../../dialogs/replies/texts';
import { PAGE_TEXTS } from '../../src/web/texts';

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

test("the conversation's words come from the knowledge, and a missing or stale key stops the start with its name", () => {
  expect(Object.keys(texts).sort()).toEqual([...TEXT_KEYS].sort());
  expect(texts.greeting).toBe(facts.texts.conversation.greeting);
  const withoutGreeting = Object.fromEntries(
    Object.entries(facts.texts.conversation).filter(([key]) => key !== 'greeting'),
  );
  expect(() => checkedTexts(withoutGreeting)).toThrow(/missing greeting/);
  expect(() => checkedTexts({ ...facts.texts.conversation, oldWord: { fi: 'a', sv: 'b', en: 'c' } })).toThrow(
    /not used oldWord/,
  );
});

test("the web page's words come from the knowledge too, every one of them used", () => {
  const words = Object.keys(PAGE_TEXTS.sv).filter((key) => key !== 'locale');
  expect(Object.keys(facts.texts.page).sort()).toEqual(words.sort());
  for (const lang of LANGS) expect(PAGE_TEXTS[lang].privacy).toBe(facts.texts.page.privacy[lang]);
  expect(PAGE_TEXTS.sv.demoPhoneHeading('X')).toContain('X');
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

// What a native reader notices, checked over every text the bot can say: the conversation's table
// and the knowledge's sentences (reasons, notices, topics, questions, names).
describe('texts a native speaker would write', () => {
  const knowledgeTexts: Localized[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.includes('fi') && keys.includes('en')) knowledgeTexts.push(node as Localized);
    else Object.values(node).forEach(walk);
  };
  walk({ ...facts, municipalities: {} });
  const all: Localized[] = [...Object.values(texts), ...knowledgeTexts];
  const inLang = (lang: Lang) => all.map((x) => x[lang]).filter((s): s is string => typeof s === 'string');

  test('there is enough to read', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  test('English says "Let\'s", never "Let us" or "Lets"', () => {
    for (const s of inLang('en')) expect(s).not.toMatch(/\bLet us\b|\bLets\b/i);
  });

  test('Swedish uses the established names and words: försökskund, Navigatorn, and a building by the name on its door', () => {
    for (const s of inLang('sv')) {
      expect(s).not.toMatch(/pilotkund/i);
      expect(s).not.toMatch(/Ohjaamo/);
      // Sääminkitalo is the building's name; a made-up Swedish one would send nobody to the right door.
      expect(s).not.toMatch(/Säminge-huset/);
      expect(s).not.toMatch(/försöksdirektör/);
    }
    expect(inLang('sv').join(' ')).toMatch(/försökskund/);
  });

  test('every reply in Swedish is marked sv-FI, and so is the web page', () => {
    expect(message('x', 'sv', InputHints.AcceptingInput).locale).toBe('sv-FI');
    expect(PAGE_TEXTS.sv.locale).toBe('sv-FI');
    for (const lang of LANGS) expect(message('x', lang, InputHints.AcceptingInput).locale).not.toMatch(/-SE$/i);
  });

  test('no code that speaks to the user names the sv-SE locale', () => {
    const root = path.join(__dirname, '..', '..');
    const files = (dir: string): string[] =>
      fs
        .readdirSync(path.join(root, dir), { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory()
            ? files(path.join(dir, e.name))
            : /\.(ts|js|yaml|html)$/.test(e.name)
              ? [path.join(dir, e.name)]
              : [],
        );
    for (const file of [...files('dialogs'), ...files('knowledge'), ...files('src/web')]) {
      expect([file, fs.readFileSync(path.join(root, file), 'utf8').includes('sv-SE')]).toEqual([file, false]);
    }
  });

  // Who stayed with the TE office: earnings-related allowance AND 30 or over AND not an immigrant
  // or foreign-language speaker. A summary that drops the last part sends immigrants the wrong way.
  test.each([
    ['reasons.teEarningsRelated', facts.texts.reasons.teEarningsRelated],
    ['pastReasons.teEarningsRelated', facts.texts.pastReasons.teEarningsRelated],
    ['topics.whoMoved', facts.texts.topics.whoMoved],
  ])('%s keeps the immigrant and foreign-language exception in every language', (_id, text) => {
    expect(text.fi).toMatch(/maahanmuuttaj/);
    expect(text.fi).toMatch(/vieraskieli/);
    expect(text.sv).toMatch(/invandrare/);
    expect(text.sv).toMatch(/modersmål/);
    expect(text.en).toMatch(/immigrant/);
    expect(text.en).toMatch(/foreign-language/);
  });

  test('"Kela\'s benefits" (who moved to the Savonlinna pilot) is not narrowed to one benefit', () => {
    const moved = facts.texts.topics.whoMoved;
    for (const lang of ['sv', 'en'] as const) {
      expect(moved[lang]).toContain(facts.benefits.labourMarketSubsidy.payer![lang]);
      expect(moved[lang]).not.toContain(facts.benefits.labourMarketSubsidy.name[lang]);
      expect(moved[lang]).not.toContain(facts.benefits.basicAllowance.name[lang]);
    }
  });

  test('sentences stay short: no sentence of the reasons, notices or topics runs past 40 words', () => {
    const groups = [facts.texts.reasons, facts.texts.pastReasons, facts.texts.notices, facts.texts.topics];
    for (const group of groups) {
      for (const text of Object.values(group)) {
        for (const lang of LANGS) {
          for (const sentence of text[lang].split(/(?<=[.!?:])\s+/))
            expect([sentence, sentence.split(/\s+/).length <= 40]).toEqual([sentence, true]);
        }
      }
    }
  });
});
