// Questions about the pilots that the knowledge answers (types.ts Topic), in fi/sv/en.
// A topic needs its own words ("omavalmentaja", "info session") or a question word together with
// a subject ("milloin" + "kokeilu"), so that a plain "asun Mikkelissä" asks nothing. The words are
// data: knowledge/data/understanding/topics.yaml; how they combine is here.
import type { Topic } from '../types';
import type { Normalized } from './normalize';
import { patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const re = (list: readonly string[]) => patternRegex(list);
const vocab = vocabulary.topics;

const EMPLOYER = re(vocab.employer);
/** The person's own employer ("my employer laid me off", "työnantajani lomautti minut"): an employee speaking, no employer. */
const OWN_EMPLOYER = re(vocab.ownEmployer);
const COACH = re(vocab.coach);
const INFO_SESSION = re(vocab.infoSession);
/** "Info" alone is the info session when asked when or where: "milloin info oli?", "när var infon". */
const INFO_WORD = re(vocab.infoWord);
/** Where-words; not Swedish "var", which is also "was" ("det var bra info"). */
const WHERE = re(vocab.where);
const WHEN = re(vocab.when);
const PILOT_TIME = re(vocab.pilotTime);
const WHO = re(vocab.who);
const MOVED = re(vocab.moved);
/** "Am I in the pilot?": a question about who moved, asked for oneself. */
const MEMBERSHIP = re(vocab.membership);
const HOW_MANY = re(vocab.howMany);
const CLIENTS = re(vocab.clients);
const CLIENT_COUNT = re(vocab.clientCount);
/** The TE office, or the services by their old name. */
const TE_WORDS = re(vocab.teWords);
/** What became of it: replaced, closed, gone, moved, still there? */
const REPLACED = re(vocab.replaced);
/** The reform itself: "TE24", "TE-uudistus", "AN24-reformen". */
const REFORM = re(vocab.reform);
/** "Who was the director?": the leads of the pilots and of the TE office. */
const DIRECTOR_STRONG = re(vocab.directorTitle);
const DIRECTOR = re(vocab.director);

export function findTopic(n: Normalized): Topic | undefined {
  const t = n.folded;
  if (INFO_SESSION.test(t)) return 'infoSession';
  if (DIRECTOR_STRONG.test(t) || (DIRECTOR.test(t) && WHO.test(t) && (PILOT_TIME.test(t) || TE_WORDS.test(t))))
    return 'director';
  if (REFORM.test(t) || (TE_WORDS.test(t) && REPLACED.test(t))) return 'teReplaced';
  if (COACH.test(t)) return 'coach';
  if (EMPLOYER.test(t) && !OWN_EMPLOYER.test(t)) return 'employer';
  if (CLIENT_COUNT.test(t) || (HOW_MANY.test(t) && CLIENTS.test(t))) return 'clientCounts';
  if (MEMBERSHIP.test(t) || (WHO.test(t) && MOVED.test(t))) return 'whoMoved';
  if (WHEN.test(t) && PILOT_TIME.test(t)) return 'pilotDates';
  // Last: "info" alone with when/where, so that "kiitos infosta, milloin kokeilu alkoi?" asks the dates.
  if (INFO_WORD.test(t) && (WHEN.test(t) || WHERE.test(t))) return 'infoSession';
  return undefined;
}
