import type { TurnContext } from './sdk';
import { containsIdentityCode, redactIdentityCodes, understand, type Slot, type Understanding } from '../knowledge';
import { readButton, type ButtonValue } from './replies/buttons';

// One reading of the user's message per turn, shared by the interruption check and the step
// that uses the answer. The identity code is cut out BEFORE anything else looks at the text,
// and the raw text is not kept anywhere (not in state, not in logs).

export interface TurnInput {
  /** The message contained a personal identity code (the bot warns; the code is ignored). */
  identityCode: boolean;
  /** One of our own button labels. */
  button?: ButtonValue;
  understanding: Understanding;
}

const CACHE = Symbol('guide.turnInput');

export function readTurn(context: TurnContext, expecting?: Slot): TurnInput {
  const cache: Map<string, TurnInput> = context.turnState.get(CACHE) ?? new Map();
  context.turnState.set(CACHE, cache);
  const key = expecting ?? '';
  const hit = cache.get(key);
  if (hit) return hit;

  const raw = typeof context.activity.text === 'string' ? context.activity.text : '';
  const identityCode = raw !== '' && containsIdentityCode(raw);
  const text = identityCode ? redactIdentityCodes(raw) : raw;
  const understanding = text.trim() ? understand(text, expecting) : {};
  const input: TurnInput = {
    identityCode: identityCode || understanding.identityCode === true,
    button: readButton(text),
    understanding,
  };
  cache.set(key, input);
  return input;
}

/** True when the message says something about the person (not only a command or a question). */
export function hasFacts(u: Understanding): boolean {
  return (
    u.municipality !== undefined ||
    u.age !== undefined ||
    u.ageProblem !== undefined ||
    u.benefit !== undefined ||
    u.immigrant !== undefined ||
    u.employed !== undefined ||
    u.birthYear !== undefined ||
    u.situations !== undefined
  );
}

/**
 * The message as an answer. One of our buttons means exactly its value (a label is never read as
 * free text); anything else is what the understanding found.
 */
export function answerOf(input: TurnInput): Understanding {
  const b = input.button;
  switch (b?.kind) {
    case 'benefit':
      return { benefit: b.benefit };
    case 'yesNo':
      return { yesNo: b.yes };
    case 'language':
      return { languageRequest: b.lang };
    case 'startAgain':
      return { command: 'restart' };
    case 'pilotYears':
      return { history: {} };
    default:
      return input.understanding;
  }
}
