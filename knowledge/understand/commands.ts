// Commands the bot obeys at any point of the conversation, in fi/sv/en: help, restart,
// cancel, delete my data. Phrases that can mean nothing else count anywhere in a message; single
// words ("apua", "stop") only in a short message, so that "can you help me find my office" is a
// question rather than a call for the help text.
import type { Command } from '../types';
import { patternRegex, type Normalized } from './normalize';

const ANYWHERE: Array<[Command, RegExp]> = [
  [
    'deleteData',
    patternRegex([
      '(?:delete|remove|erase|clear|wipe) (?:all )?(?:of )?my (?:data|information|info|details|personal data)',
      'forget (?:about )?me',
      'forget my (?:data|information|details)',
      'poista (?:kaikki )?(?:minun )?tieto(?:ni|jani|ja)?',
      'poista (?:kaikki )?minun tietoni',
      'poista kaikki tiedot',
      'poistakaa tietoni',
      'unohda minut',
      'unohda tietoni',
      'radera (?:alla )?mina (?:uppgifter|data|personuppgifter)',
      'radera min data',
      'radera allt om mig',
      'ta bort mina (?:uppgifter|data)',
      'glom mig',
      'glom bort mig',
    ]),
  ],
  [
    'restart',
    patternRegex([
      'restart',
      'start over',
      'start again',
      'begin again',
      'from the beginning',
      'reset',
      'aloita alusta',
      'aloitetaan alusta',
      'aloita uudelleen',
      'aloita uudestaan',
      'alusta uudelleen',
      'uudestaan alusta',
      'alusta alkaen',
      'borja om',
      'starta om',
      'borja fran borjan',
      'om fran borjan',
      'borja om fran borjan',
    ]),
  ],
  ['cancel', patternRegex(['cancel', 'peruuta', 'peruutus', 'keskeyta', 'avbryt', 'lopeta keskustelu'])],
  [
    'help',
    patternRegex([
      'what can you do',
      'mita osaat',
      'mita voit tehda',
      'mita sa osaat',
      'vad kan du (?:gora|hjalpa med)',
      'how does this work',
      'miten tama toimii',
      'hur fungerar det(?:ta)?',
      'show (?:me )?the menu',
    ]),
  ],
];

const SHORT_ONLY: Array<[Command, RegExp]> = [
  ['restart', patternRegex(['alusta', 'alkuun', 'new start', 'fran borjan', 'omstart'])],
  [
    'cancel',
    patternRegex([
      'stop',
      'quit',
      'exit',
      'lopeta',
      'lopetetaan',
      'stopp',
      'sluta',
      'peru',
      'abort',
      'enough',
      'riittaa',
    ]),
  ],
  [
    'help',
    patternRegex([
      'help',
      'apua',
      'ohje',
      'ohjeet',
      'ohjeita',
      'hjalp',
      'auta',
      'help me',
      'auta minua',
      'menu',
      'valikko',
      'meny',
    ]),
  ],
];

/** A message that starts with one of these is that command however long it is: "Apua! En ymmärrä…". */
const FIRST_WORD: Record<string, Command> = {
  help: 'help',
  apua: 'help',
  ohje: 'help',
  hjalp: 'help',
  stop: 'cancel',
  lopeta: 'cancel',
  stopp: 'cancel',
  sluta: 'cancel',
};

export function findCommand(n: Normalized): Command | undefined {
  for (const [command, re] of ANYWHERE) if (re.test(n.folded)) return command;
  const words = n.words.length;
  if (words === 0 && n.tokens.some((t) => t.text === '?')) return 'help';
  const first = n.words[0]?.text;
  if (first !== undefined && FIRST_WORD[first] && (n.tokens[1]?.mark || words <= 6)) return FIRST_WORD[first];
  if (words > 4) return undefined;
  for (const [command, re] of SHORT_ONLY) if (re.test(n.folded)) return command;
  return undefined;
}
