// Loads the words and phrases the understanding reads (knowledge/data/understanding/*.yaml) once,
// validates them with zod (vocabularySchema.ts) and checks what a schema cannot: that an entry
// naming another (a common word's municipality id, a ti-stem among the e-stem words …) names one
// that exists. A fault stops the start with an Error that names the entry, as the facts' loader does.
import * as path from 'path';
import { describeIssue, Problems, readDataFiles } from '../dataFiles';
import { municipalityNames } from '../municipalities';
import { vocabularySchema, type Vocabulary } from './vocabularySchema';

export type { Vocabulary };

/** The folder of the vocabulary's files; the build copies knowledge/data next to the compiled core. */
export const VOCABULARY_DIR = path.join(__dirname, '..', 'data', 'understanding');

/** Validates raw vocabulary (as read from the YAML files). Pure: tests feed it broken data. */
export function loadVocabulary(raw: unknown, municipalityIds: ReadonlySet<string>): Vocabulary {
  const parsed = vocabularySchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `the understanding's vocabulary is invalid:\n  ${parsed.error.issues.map((i) => describeIssue(raw, i)).join('\n  ')}`,
    );
  const v = parsed.data;
  const problems = new Problems();
  // A misspelt entry in these would silently stop doing its work: each must name something listed.
  const within = (where: string, list: readonly string[], known: ReadonlySet<string>, what: string) =>
    list.forEach((entry, i) => {
      if (!known.has(entry)) problems.add(`${where}[${i}]: "${entry}" is no ${what}`);
    });
  within(
    'municipality.commonWordIds',
    v.municipality.commonWordIds,
    municipalityIds,
    'municipality id of municipalities.yaml',
  );
  within('inflection.tiStemWords', v.inflection.tiStemWords, new Set(v.inflection.eStemWords), 'word of eStemWords');
  within('age.units.telegraphic', v.age.units.telegraphic, new Set(v.age.units.weak), 'weak unit');
  const spokenStarts = new Set(Object.keys(v.numbers.fi.spokenTensStarts));
  within('numbers.fi.roundTensSpokenStarts', v.numbers.fi.roundTensSpokenStarts, spokenStarts, 'spoken start');
  const cueStarts = new Set(v.municipality.strongCues.map((c) => c.split(' ')[0]));
  within('municipality.originCues', v.municipality.originCues, cueStarts, 'first word of a strong cue');
  problems.throwIfAny();
  return v;
}

/** The vocabulary, loaded once when the understanding is first imported. */
export const vocabulary: Vocabulary = loadVocabulary(
  readDataFiles(VOCABULARY_DIR),
  new Set(municipalityNames.map((m) => m.id)),
);
