import { createRequire } from 'module';
import { decideEach, facts, LANGS, type Branch, type Condition } from '../../knowledge';
import { branchHeading, conditionText, eachValueAnswers } from '../../dialogs/replies/eachValue';
import { t } from '../../dialogs/replies/texts';
import { cardText } from './helpers';

// The answers for each case: every case is a valid card Teams renders, headed by its condition,
// and every kind of condition reads as words in every language.

const PILOT = new Date('2022-06-15T12:00:00Z');

// The package's own parser, from its Node bundle (its ES module entry does not load under jest).
interface Context {
  targetVersion: unknown;
  eventCount: number;
  getEventAt(i: number): { message: string };
}
interface ParsedCard {
  parse(json: object, context: Context): void;
  validateProperties(): { validationEvents: Array<{ message?: string }> };
}
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.min.js') as {
  SerializationContext: new () => Context;
  AdaptiveCard: new () => ParsedCard;
  Versions: { v1_5: unknown };
};

function problems(card: object): string[] {
  const ctx = new AC.SerializationContext();
  ctx.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const out: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) out.push(ctx.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) out.push(e.message ?? '');
  return out;
}

const cases: Array<[string, Branch[]]> = [
  ['benefit', decideEach({ municipalityId: 'juva', age: 45, immigrant: false }, ['benefit'], PILOT)],
  ['age, benefit and immigrant', decideEach({ municipalityId: 'savonlinna' }, ['age', 'benefit', 'immigrant'], PILOT)],
  ['municipality', decideEach({ age: 25 }, ['municipality'], PILOT, ['mikkeli', 'pieksamaki'])],
];

describe.each(cases)('unknown %s', (_name, branches) => {
  test.each([...LANGS])('%s: the intro, then one valid card a case, headed and spoken with its condition', (lang) => {
    const [intro, ...answers] = eachValueAnswers(branches, lang);
    expect(intro.text).toBe(t('eachValueIntro', lang));
    expect(answers).toHaveLength(branches.length);
    answers.forEach((reply, i) => {
      const heading = branchHeading(branches[i], lang);
      expect(reply.text?.startsWith(heading)).toBe(true);
      expect(reply.speak).toBe(reply.text);
      const card = reply.attachments?.[0]?.content as { body: Array<{ text?: string }>; speak?: string };
      expect(problems(card)).toEqual([]);
      expect(card.body[0].text).toBe(heading);
      expect(card.speak).toBe(reply.text);
      expect(cardText(card)).toContain(branches[i].guidance.servicePoints[0].address.street);
    });
  });
});

test.each([...LANGS])('%s: every kind of condition is words, with no placeholder left', (lang) => {
  const conditions: Condition[] = [
    { slot: 'municipality', municipalityIds: ['mikkeli'] },
    { slot: 'age', young: true },
    { slot: 'age', young: false },
    { slot: 'benefit', benefits: ['labourMarketSubsidy', 'basicAllowance'] },
    { slot: 'benefit', benefits: ['earningsRelated', 'none'] },
    { slot: 'benefit', benefits: ['none'] },
    { slot: 'immigrant', immigrant: true },
    { slot: 'immigrant', immigrant: false },
  ];
  for (const c of conditions) {
    const text = conditionText(c, lang);
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(/[{}]/);
  }
  // Benefits are named with who pays them, both from the knowledge.
  const kela = conditionText({ slot: 'benefit', benefits: ['labourMarketSubsidy', 'basicAllowance'] }, lang);
  expect(kela).toContain(facts.benefits.labourMarketSubsidy.name[lang]);
  expect(kela).toContain(facts.benefits.basicAllowance.name[lang]);
  expect(kela).toContain(facts.benefits.labourMarketSubsidy.payer?.[lang] ?? '');
  expect(conditionText({ slot: 'age', young: true }, lang)).toContain(String(facts.figures.youthAgeLimit.value));
});
