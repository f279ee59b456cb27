// Loads the words and phrases the understanding reads (knowledge/data/understanding/*.yaml) once,
// validates them with zod (vocabularySchema.ts) and checks what a schema cannot: that the
// municipalities named as common words exist. A fault stops the start with an Error that names
// the entry, as the facts' loader does.
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
  const problems = new Problems();
  parsed.data.municipality.commonWordIds.forEach((id, i) => {
    // A misspelt id would silently stop guarding its word.
    if (!municipalityIds.has(id))
      problems.add(`municipality.commonWordIds[${i}]: no municipality "${id}" in knowledge/data/municipalities.yaml`);
  });
  problems.throwIfAny();
  return parsed.data;
}

/** The vocabulary, loaded once when the understanding is first imported. */
export const vocabulary: Vocabulary = loadVocabulary(
  readDataFiles(VOCABULARY_DIR),
  new Set(municipalityNames.map((m) => m.id)),
);
