// Commands the bot obeys at any point of the conversation, in fi/sv/en: help, restart,
// cancel, delete my data. Phrases that can mean nothing else count anywhere in a message; single
// words ("apua", "stop") only in a short message, so that "can you help me find my office" is a
// question rather than a call for the help text. The words are data:
// knowledge/data/understanding/commands.yaml.
import type { Command } from '../types';
import type { Normalized } from './normalize';
import { patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.commands;

/** In this order: a message that asks to delete its data and to start over deletes it. */
const ANYWHERE: Array<[Command, RegExp]> = (['deleteData', 'restart', 'cancel', 'help'] as const).map((c) => [
  c,
  patternRegex(vocab.anywhere[c]),
]);

const SHORT_ONLY: Array<[Command, RegExp]> = (['restart', 'cancel', 'help'] as const).map((c) => [
  c,
  patternRegex(vocab.shortOnly[c]),
]);

/** A message that starts with one of these is that command however long it is: "Apua! En ymmärrä…". */
const FIRST_WORD = new Map<string, Command>(
  (['help', 'cancel'] as const).flatMap((c) => vocab.firstWord[c].map((w): [string, Command] => [w, c])),
);

export function findCommand(n: Normalized): Command | undefined {
  for (const [command, re] of ANYWHERE) if (re.test(n.folded)) return command;
  const words = n.words.length;
  if (words === 0 && n.tokens.some((t) => t.text === '?')) return 'help';
  const first = n.words[0]?.text;
  const firstCommand = first === undefined ? undefined : FIRST_WORD.get(first);
  if (firstCommand && (n.tokens[1]?.mark || words <= 6)) return firstCommand;
  if (words > 4) return undefined;
  for (const [command, re] of SHORT_ONLY) if (re.test(n.folded)) return command;
  return undefined;
}
