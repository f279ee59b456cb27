// Whether the person works on the open labour market (the TE office's) or is unemployed, laid off,
// or in subsidised work or another employment-promoting service (the pilots'), in fi/sv/en. The
// words are data: knowledge/data/understanding/work.yaml.
import type { Normalized } from './normalize';
import { patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.work;
const UNEMPLOYED = patternRegex(vocab.unemployed);
const EMPLOYED = patternRegex(vocab.employed);
/**
 * Subsidised work and the other employment-promoting services: the pilots took these people
 * (HE 87/2020), so they are not "working on the open labour market" whatever verb they use
 * ("olen palkkatuella töissä", "jag jobbar med lönesubvention", "I'm in a wage subsidy job").
 */
const SUBSIDISED = patternRegex(vocab.subsidised);
/** "en ole palkkatuella vaan tavallisissa töissä": a denied subsidy says nothing of it. */
const NOT_SUBSIDISED = patternRegex(vocab.notSubsidised);
const PAST_WORK = patternRegex(vocab.pastWork);

/** True when the message says the writer is out of work or laid off (not only that someone's job is subsidised). */
export function saysUnemployed(n: Normalized): boolean {
  return UNEMPLOYED.test(n.folded);
}

/**
 * True when the person works on the open labour market (the TE office's), false when unemployed,
 * laid off or in subsidised work or another employment-promoting service (the pilots').
 */
export function findEmployed(n: Normalized): boolean | undefined {
  if (SUBSIDISED.test(n.folded) && !NOT_SUBSIDISED.test(n.folded)) return false;
  if (UNEMPLOYED.test(n.folded)) return false;
  // Work in the past says nothing of today: "olen ollut aiemmin töissä kaupassa", "I used to work".
  if (PAST_WORK.test(n.folded)) return undefined;
  if (EMPLOYED.test(n.folded)) return true;
  return undefined;
}
