import { CardFactory, InputHints } from '../sdk';
import { facts, municipalityName, type Benefit, type Branch, type Condition, type Lang } from '../../knowledge';
import { answer, message, type Reply } from './messages';
import { t } from './texts';

// The answer for each value of a fact the person could not give ("If Kela pays your benefit: …").
// Each case is the ordinary answer (messages.answer and its card), headed by its condition, so
// whatever the answer and the card say in a period says the same here.

/** "työmarkkinatuki tai peruspäiväraha (Kela)": names grouped by who pays them, payer from the knowledge. */
function benefitList(benefits: Benefit[], lang: Lang): string {
  const or = ` ${t('conditionOr', lang)} `;
  const byPayer = new Map<string, string[]>();
  for (const b of benefits) {
    const payer = facts.benefits[b].payer?.[lang] ?? '';
    byPayer.set(payer, [...(byPayer.get(payer) ?? []), facts.benefits[b].name[lang]]);
  }
  return [...byPayer].map(([payer, names]) => (payer ? `${names.join(or)} (${payer})` : names.join(or))).join(or);
}

/** One condition in words, to go after "if". */
export function conditionText(c: Condition, lang: Lang): string {
  const or = ` ${t('conditionOr', lang)} `;
  switch (c.slot) {
    case 'municipality':
      return c.municipalityIds
        .map((id) =>
          t('conditionMunicipality', lang, { municipality: municipalityName(facts.municipalities[id], lang) }),
        )
        .join(or);
    case 'age':
      return t(c.young ? 'conditionYoung' : 'conditionNotYoung', lang, { limit: facts.figures.youthAgeLimit.value });
    case 'benefit': {
      const paid = c.benefits.filter((b) => b !== 'none');
      const parts = paid.length ? [t('conditionBenefit', lang, { benefits: benefitList(paid, lang) })] : [];
      if (c.benefits.includes('none')) parts.push(t('conditionNoBenefit', lang));
      return parts.join(or);
    }
    case 'immigrant':
      return t(c.immigrant ? 'conditionImmigrant' : 'conditionNotImmigrant', lang);
  }
}

/** "Jos olet alle 30-vuotias ja etuutesi on …:" */
export function branchHeading(b: Branch, lang: Lang): string {
  const condition = b.conditions.map((c) => conditionText(c, lang)).join(` ${facts.texts.and[lang]} `);
  return t('eachValueIf', lang, { condition });
}

/** One case: the ordinary answer (text and card as answer() builds them), headed by the condition. */
function branchAnswer(b: Branch, lang: Lang): Reply {
  const heading = branchHeading(b, lang);
  const plain = answer(b.guidance, lang);
  const text = `${heading} ${plain.text ?? ''}`;
  const attachments = (plain.attachments ?? []).map((a) => {
    const card: Record<string, unknown> = a.content;
    if (a.contentType !== CardFactory.contentTypes.adaptiveCard || !Array.isArray(card.body)) return a;
    const headingBlock = { type: 'TextBlock', text: heading, wrap: true, weight: 'Bolder' };
    // The short text stands in for the card where it cannot be drawn, and is what a voice reads.
    const summary = 'speak' in card ? { fallbackText: text, speak: text } : {};
    return CardFactory.adaptiveCard({ ...card, ...summary, body: [headingBlock, ...card.body] });
  });
  return message(text, lang, InputHints.IgnoringInput, undefined, attachments);
}

/** The intro (what happened, start again is possible), then one answer for each case. */
export function eachValueAnswers(branches: Branch[], lang: Lang): Reply[] {
  return [
    message(t('eachValueIntro', lang), lang, InputHints.IgnoringInput),
    ...branches.map((b) => branchAnswer(b, lang)),
  ];
}
