import { ActionTypes, CardAction } from '../sdk';
import { BENEFITS, facts, LANGS, type Benefit, type Lang } from '../../knowledge';
import { pilotYears } from './answerCard';
import { languageNames, t, texts } from './texts';

// Buttons are imBack actions (the only kind every channel, Teams included, shows as suggested
// actions): a press arrives as ordinary text. readButton() maps the label of any of OUR buttons,
// in any language, back to its value before free-text understanding runs, so a label never
// depends on how well the understanding knows it.

export type ButtonValue =
  | { kind: 'language'; lang: Lang }
  | { kind: 'benefit'; benefit: Benefit | 'unknown' }
  | { kind: 'yesNo'; yes: boolean }
  | { kind: 'startAgain' }
  | { kind: 'pilotYears' };

const BENEFIT_CHOICES: Array<Benefit | 'unknown'> = [...BENEFITS, 'unknown'];

/** "Työmarkkinatuki (Kela)": the benefit's name and payer from the knowledge; "En tiedä" from ours. */
export function benefitLabel(benefit: Benefit | 'unknown', lang: Lang): string {
  if (benefit === 'unknown') return t('benefitUnknown', lang);
  const b = facts.benefits[benefit];
  const name = b.name[lang].charAt(0).toUpperCase() + b.name[lang].slice(1);
  return b.payer ? `${name} (${b.payer[lang]})` : name;
}

const imBack = (title: string): CardAction => ({ type: ActionTypes.ImBack, title, value: title });

export const languageButtons = (): CardAction[] => LANGS.map((l) => imBack(languageNames[l]));
export const benefitButtons = (lang: Lang): CardAction[] => BENEFIT_CHOICES.map((b) => imBack(benefitLabel(b, lang)));
export const yesNoButtons = (lang: Lang): CardAction[] => [imBack(t('buttonYes', lang)), imBack(t('buttonNo', lang))];
export const startAgainButton = (lang: Lang): CardAction => imBack(t('buttonStartAgain', lang));
/** After today's answer: who served the person in the pilot years. */
export const pilotYearsButton = (lang: Lang): CardAction =>
  imBack(t('buttonPilotYears', lang, { years: pilotYears() }));

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

const table: Array<[string, ButtonValue]> = [];
for (const lang of LANGS) {
  table.push([norm(languageNames[lang]), { kind: 'language', lang }]);
}
for (const lang of LANGS) {
  for (const benefit of BENEFIT_CHOICES) table.push([norm(benefitLabel(benefit, lang)), { kind: 'benefit', benefit }]);
  table.push([norm(texts.buttonYes[lang]), { kind: 'yesNo', yes: true }]);
  table.push([norm(texts.buttonNo[lang]), { kind: 'yesNo', yes: false }]);
  table.push([norm(texts.buttonStartAgain[lang]), { kind: 'startAgain' }]);
  table.push([norm(t('buttonPilotYears', lang, { years: pilotYears() })), { kind: 'pilotYears' }]);
}
const byLabel = new Map(table);

/** The value of one of our button labels (exact label, any language), or undefined. */
export function readButton(text: string | undefined): ButtonValue | undefined {
  return text ? byLabel.get(norm(text)) : undefined;
}
