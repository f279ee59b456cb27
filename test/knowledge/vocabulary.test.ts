// The understanding's vocabulary (knowledge/data/understanding/*.yaml): the loader refuses what
// could never match or would silently do nothing, naming the entry, and the engine reads what the
// files say: a word added to a list is understood without a change of code.
import { readDataFiles } from '../../knowledge/facts';
import { municipalityNames } from '../../knowledge/municipalities';
import { loadVocabulary, VOCABULARY_DIR, type Vocabulary } from '../../knowledge/understand/vocabulary';
import type { Understanding } from '../../knowledge';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw YAML that each test breaks on purpose
type Raw = Record<string, any>;
const fresh = (): Raw => structuredClone(readDataFiles(VOCABULARY_DIR)) as Raw;
const ids = new Set(municipalityNames.map((m) => m.id));

function loadError(mutate: (raw: Raw) => void): string {
  const raw = fresh();
  mutate(raw);
  try {
    loadVocabulary(raw, ids);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('loadVocabulary accepted broken data');
}

describe('the vocabulary loader', () => {
  it('loads the real files, one key per file', () => {
    expect(Object.keys(loadVocabulary(fresh(), ids)).sort()).toEqual(Object.keys(fresh()).sort());
  });

  it('refuses a word with ä, ö or å and says how to write it', () => {
    expect(loadError((r) => r.lexicon.everyday.sv.push('hallå'))).toMatch(
      /lexicon\.everyday\.sv\[\d+\]: "hallå" has letters the folded text never has: write it folded \("halla"\)/,
    );
    expect(loadError((r) => r.benefit.patterns.none.push('ei mitään'))).toMatch(
      /benefit\.patterns\.none\[\d+\]:.*"ei mitaan"/,
    );
  });

  it('refuses capitals, a pattern that does not compile and one that captures', () => {
    expect(loadError((r) => r.yesNo.yes.push('Joo'))).toMatch(/yesNo\.yes\[\d+\]: "Joo" has capitals/);
    expect(loadError((r) => r.benefit.patterns.kela.push('kela(x'))).toMatch(/"kela\(x" is no valid pattern/);
    expect(loadError((r) => r.work.pastWork.push('(i) worked'))).toMatch(/"\(i\) worked" captures/);
  });

  it('refuses a word listed twice in one list, a phrase with two spaces and a word with a space', () => {
    expect(loadError((r) => r.yesNo.no.push('nej'))).toMatch(/yesNo\.no\[\d+\]: "nej" is listed twice/);
    expect(loadError((r) => r.benefit.noneWhenAsked.push('ei  mitaan'))).toMatch(/single spaces/);
    expect(loadError((r) => r.municipality.placeCues.push('bor i'))).toMatch(/one word/);
  });

  it('refuses a phrase that lacks its placeholder, an unknown key and a missing list', () => {
    expect(loadError((r) => r.immigrant.bornIn.push('born at'))).toMatch(/"born at" needs \{place\} exactly once/);
    expect(loadError((r) => (r.topics.weather = ['rain']))).toMatch(
      /topics: Unrecognized key\(s\) in object: 'weather'/,
    );
    expect(loadError((r) => delete r.commands.anywhere.help)).toMatch(/commands\.anywhere\.help: is missing/);
  });

  it('refuses an entry that names nothing it should', () => {
    expect(loadError((r) => r.municipality.commonWordIds.push('lahtti'))).toMatch(
      /municipality\.commonWordIds\[\d+\]: "lahtti" is no municipality id/,
    );
    expect(loadError((r) => r.inflection.tiStemWords.push('kuusi'))).toMatch(/"kuusi" is no word of eStemWords/);
  });
});

/** `understand` as it reads with the vocabulary changed by `edit`. */
function understandWith(edit: (v: Vocabulary) => void): (text: string) => Understanding {
  let understand: ((text: string) => Understanding) | undefined;
  jest.isolateModules(() => {
    const actual = jest.requireActual<typeof import('../../knowledge/understand/vocabulary')>(
      '../../knowledge/understand/vocabulary',
    );
    const vocabulary = loadVocabulary(fresh(), ids);
    edit(vocabulary);
    jest.doMock('../../knowledge/understand/vocabulary', () => ({ ...actual, vocabulary }));
    understand = (jest.requireActual('../../knowledge/understand') as typeof import('../../knowledge/understand'))
      .understand;
  });
  return understand!;
}

describe('the engine reads the files', () => {
  afterEach(() => jest.dontMock('../../knowledge/understand/vocabulary'));

  it('understands a benefit slang word once it is in benefit.yaml', () => {
    const before = understandWith(() => undefined)('saan pätäkkää');
    const after = understandWith((v) => v.benefit.patterns.earningsRelated.push('patakka\\w*'))('saan pätäkkää');
    expect(before.benefit).toBeUndefined();
    expect(after.benefit).toBe('earningsRelated');
  });

  it('reads a new command and a new place cue', () => {
    expect(understandWith(() => undefined)('stoppaa').command).toBeUndefined();
    expect(understandWith((v) => v.commands.shortOnly.cancel.push('stoppaa'))('stoppaa').command).toBe('cancel');
    // "lahdessa" is also "in the bay": Lahti only after a place cue.
    const text = 'majailen lahdessa';
    expect(understandWith(() => undefined)(text).municipality).toBeUndefined();
    expect(understandWith((v) => v.municipality.placeCues.push('majailen'))(text).municipality).toEqual({
      kind: 'match',
      id: 'lahti',
      fuzzy: false,
    });
  });
});
