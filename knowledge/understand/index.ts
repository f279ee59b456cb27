// understand(text, expecting?): every slot one message fills, in Finnish, Swedish or English.
// Each concern lives in its own file; this one runs them in order and applies what the slot the
// bot just asked for (`expecting`) changes: a bare "kyllä" answers the immigrant question, "ei" the
// benefit question, a lone word is matched more loosely against the municipalities. What the
// message says plainly is read whatever was asked: a bare "27" is an age even when the bot asked
// for the municipality, so a message is read once.
// Identity codes are removed before anything else reads the text.
import type { Slot, Understanding } from '../types';
import { findAge } from './age';
import { findBirthYear, saysAgeRange } from './ageWords';
import { findBenefit } from './benefit';
import { findCommand } from './commands';
import { IDENTITY_CODE_PLACEHOLDER, redactIdentityCodes } from './identityCode';
import { detectLanguage, findLanguageRequest } from './language';
import { findMunicipality } from './municipality';
import { looksLikePlace } from './placeWords';
import { normalize } from './normalize';
import { findHistoryRequest } from './history';
import { findSituations } from './lifeSituation';
import { findImmigrant, foreignLanguageAnswer } from './immigrant';
import { findEmployed, saysUnemployed } from './work';
import { findTopic } from './topics';
import { findYesNo } from './yesNo';

/**
 * A guard for direct callers (a script, a test, another host), so that the cost stays bounded
 * whatever they pass: longer texts are cut here. It is not the limit a user's message meets: the
 * bot's host cuts every message at its own configurable MAX_TEXT_CHARS (1,000 by default, see
 * docs/operations.md) before it reaches the understanding.
 */
export const DIRECT_CALLER_MAX_CHARS = 2000;

/**
 * Everything one message says, in Finnish, Swedish or English: municipality, age, benefit,
 * yes/no, language, command, topic, and whether it held an identity code.
 * @param text - the user's message; cut at {@link DIRECT_CALLER_MAX_CHARS}, identity codes removed first
 * @param expecting - the slot the bot just asked for: a bare answer fills it
 * @param thisYear - the current year, for two-digit birth years ("synnyin -85")
 * @returns only the facts found; the text itself is not kept
 */
export function understand(text: string, expecting?: Slot, thisYear = new Date().getFullYear()): Understanding {
  const out: Understanding = {};
  // The whole text is redacted (a code past the cut is still personal data), then cut. A host may
  // have redacted the code already: the placeholder still tells that there was one, and is no word
  // of the message.
  const whole = redactIdentityCodes(typeof text === 'string' ? text : '');
  let input = whole;
  if (whole.includes(IDENTITY_CODE_PLACEHOLDER)) {
    out.identityCode = true;
    input = whole.split(IDENTITY_CODE_PLACEHOLDER).join(' ');
  }
  input = input.slice(0, DIRECT_CALLER_MAX_CHARS);
  const n = normalize(input);
  if (!n.words.length && !n.tokens.length) return out;

  const language = detectLanguage(n);
  if (language) out.language = language;
  const languageRequest = findLanguageRequest(n);
  if (languageRequest) out.languageRequest = languageRequest;
  const command = findCommand(n);
  if (command) out.command = command;
  const topic = findTopic(n);
  if (topic) out.topic = topic;

  // A number is read as an age whatever was asked ("27" asked for the municipality is still an
  // age), and more leniently when the age was asked for.
  const birthYear = findBirthYear(n, thisYear);
  if (birthYear !== undefined) out.birthYear = birthYear;
  const age = findAge(n, expecting === 'age' ? 'age' : undefined);
  if (age.age !== undefined) out.age = age.age;
  // "synnyin -85" is a birth year, not a negative age.
  if (age.ageProblem && !(birthYear !== undefined && age.ageProblem === 'negative')) out.ageProblem = age.ageProblem;
  else if (age.age === undefined && birthYear === undefined && saysAgeRange(n)) out.ageProblem = 'range';
  const history = findHistoryRequest(n);
  if (history) out.history = history;
  const situations = findSituations(n);
  if (situations) out.situations = situations;
  const benefit = findBenefit(n, expecting);
  if (benefit) out.benefit = benefit;
  const yesNo = findYesNo(n);
  if (yesNo !== undefined) out.yesNo = yesNo;
  const immigrant = findImmigrant(n);
  if (immigrant !== undefined) out.immigrant = immigrant;
  else if (expecting === 'immigrant' && yesNo !== undefined) out.immigrant = yesNo;
  else if (expecting === 'immigrant' && foreignLanguageAnswer(n)) out.immigrant = true;
  const employed = findEmployed(n);
  if (employed !== undefined) out.employed = employed;

  // A language name alone ("suomi", "English") is a request, not a town or an answer.
  if (!(languageRequest && n.words.length <= 2)) {
    const municipality = findMunicipality(n, expecting);
    if (municipality) out.municipality = municipality;
    else if (
      expecting === 'municipality' &&
      n.words.length >= 1 &&
      n.words.length <= 3 &&
      !somethingElse(out) &&
      looksLikePlace(n)
    ) {
      // The answer to "where do you live?" that names no municipality we know ("en ole varma",
      // "en asu Mikelissä" name none: a negation is no part of a place's name).
      out.municipality = { kind: 'unknown', text: n.words.map((w) => w.raw).join(' ') };
    }
  }
  // An employer's message ("Olen työnantaja Savonlinnassa", "Jag är företagare i S:t Michel och vill
  // anställa") tells where the company is and that its writer works, not a jobseeker's facts: unless
  // it also says something only a jobseeker says, those are not read as the person's.
  // A jobseeker asking for vacancies ("olen työtön, onko avoimia työpaikkoja?") asks no employer question.
  // "olen yrittäjä ja yritys lopetti": the business has ended, the person no longer works in it.
  if (situations?.includes('entrepreneur') && out.employed === true) delete out.employed;
  if (out.topic === 'employer') {
    if (jobseekerSays(out) || saysUnemployed(n) || situations?.includes('entrepreneur')) delete out.topic;
    else {
      delete out.municipality;
      delete out.employed;
    }
  }
  return out;
}

function jobseekerSays(u: Understanding): boolean {
  return (
    u.age !== undefined ||
    u.ageProblem !== undefined ||
    u.birthYear !== undefined ||
    u.benefit !== undefined ||
    u.immigrant !== undefined
  );
}

function somethingElse(u: Understanding): boolean {
  return (
    u.command !== undefined ||
    u.languageRequest !== undefined ||
    u.age !== undefined ||
    u.ageProblem !== undefined ||
    u.benefit !== undefined ||
    u.yesNo !== undefined ||
    u.immigrant !== undefined ||
    u.employed !== undefined ||
    u.topic !== undefined ||
    u.birthYear !== undefined ||
    u.history !== undefined ||
    u.situations !== undefined
  );
}
