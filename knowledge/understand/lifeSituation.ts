// What the person says of their situation that changes what the guide says today, not who serves
// them: not registered yet, just lost their job, an entrepreneur whose business ended, a student
// or a summer-job seeker, on sickness allowance. Never asked; read when said, in fi/sv/en. The
// words are data: knowledge/data/understanding/situations.yaml.
import { SITUATIONS, type Situation } from '../types';
import type { Normalized } from './normalize';
import { patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const PATTERNS = Object.fromEntries(SITUATIONS.map((s) => [s, patternRegex(vocabulary.situations[s])])) as Record<
  Situation,
  RegExp
>;

/** Every situation the message tells, in the order of SITUATIONS; undefined when none. */
export function findSituations(n: Normalized): Situation[] | undefined {
  const found = SITUATIONS.filter((s) => PATTERNS[s].test(n.folded));
  return found.length ? found : undefined;
}
