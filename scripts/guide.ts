// Prints what the guidance core makes of one sentence, so content can be checked without a chat:
//   npm run guide -- "asun Juvalla, 27, työmarkkinatuki" [--lang fi|sv|en] [--date YYYY-MM-DD]
// Shows the understood slots, then either the questions still needed or the full guidance, in the
// language the sentence is written in (as the chat does), or in --lang's; Finnish when unclear.
import {
  answerTopic,
  applyUnderstanding,
  decide,
  decideEach,
  facts,
  formatAddress,
  formatDate,
  LANGS,
  understand,
} from '../knowledge';
import type { AppliedUnderstanding, Condition, Contact, Guidance, Lang, Slot, Understanding } from '../knowledge';

const USAGE = 'usage: npm run guide -- "<sentence>" [--lang fi|sv|en] [--date YYYY-MM-DD]';

interface Args {
  text: string;
  /** Only when --lang is given. */
  lang?: Lang;
  on: Date;
}

function parseArgs(argv: string[]): Args {
  let lang: Lang | undefined;
  let on = new Date();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') {
      const value = argv[++i] as Lang;
      if (!LANGS.includes(value)) throw new Error(`--lang must be one of ${LANGS.join(', ')}`);
      lang = value;
    } else if (arg === '--date') {
      const value = argv[++i] ?? '';
      // Noon UTC is the same calendar day in Finland.
      on = new Date(`${value}T12:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(on.getTime()))
        throw new Error('--date must be YYYY-MM-DD');
    } else if (arg === '--help' || arg === '-h') {
      throw new Error(USAGE);
    } else {
      words.push(arg);
    }
  }
  const text = words.join(' ').trim();
  if (!text) throw new Error(USAGE);
  return { text, on, ...(lang ? { lang } : {}) };
}

function describeUnderstanding(u: Understanding): string[] {
  const lines: string[] = [];
  const m = u.municipality;
  if (m?.kind === 'match')
    lines.push(
      `municipality: ${m.id} (${facts.municipalities[m.id]?.fi ?? '?'})${m.fuzzy ? ', by a typo-tolerant match' : ''}`,
    );
  if (m?.kind === 'ambiguous') lines.push(`municipality: ambiguous between ${m.ids.join(', ')}`);
  if (m?.kind === 'unknown') lines.push(`municipality: "${m.text}" is no Finnish municipality`);
  for (const key of [
    'age',
    'ageProblem',
    'benefit',
    'immigrant',
    'employed',
    'yesNo',
    'topic',
    'command',
    'language',
    'languageRequest',
  ] as const) {
    if (u[key] !== undefined) lines.push(`${key}: ${u[key]}`);
  }
  if (u.identityCode) lines.push('identityCode: a personal identity code was found (never stored or logged)');
  return lines.length ? lines : ['(nothing)'];
}

function contactLine(c: Contact, lang: Lang): string {
  return [c.name, c.role[lang], c.phone, c.email].filter(Boolean).join(', ');
}

function describeGuidance(g: Guidance, lang: Lang): string[] {
  const lines: string[] = [];
  if (g.notices.length) lines.push('Notices:', ...g.notices.map((n) => `  ! ${n.text[lang]}`));
  if (g.outcome === 'needMore') {
    lines.push('Still needed:', ...g.missing.map((slot) => `  ? ${facts.texts.questions[slot][lang]}`));
    return lines;
  }
  if (g.provider) lines.push(`Provider: ${g.provider.name[lang]}`);
  if (g.servicePoints.length) {
    lines.push(
      'Service points:',
      ...g.servicePoints.map((p, i) => `  ${i + 1}. ${p.name[lang]}: ${formatAddress(p.address, lang)}`),
    );
  }
  if (g.contacts.length) lines.push('Contact:', ...g.contacts.map((c) => `  ${contactLine(c, lang)}`));
  lines.push('Why:', ...g.reasons.map((r) => `  - ${r[lang]}`));
  return lines;
}

/** What a condition of decideEach says, in short: "benefit: labourMarketSubsidy or none". */
function conditionLine(c: Condition): string {
  switch (c.slot) {
    case 'municipality':
      return `municipality: ${c.municipalityIds.join(' or ')}`;
    case 'age':
      return `age: ${c.young ? 'under' : 'at least'} ${facts.figures.youthAgeLimit.value}`;
    case 'benefit':
      return `benefit: ${c.benefits.join(' or ')}`;
    case 'immigrant':
      return `immigrant: ${c.immigrant}`;
  }
}

/**
 * When the sentence leaves a fact open on purpose ("don't know" the benefit, a name that fits two
 * municipalities), the answer for each value, as the chat gives it once the person cannot say.
 */
function eachCase(applied: AppliedUnderstanding, on: Date, lang: Lang): string[] {
  const unknown: Slot[] = [];
  if (applied.benefitUnknown) unknown.push('benefit');
  if (applied.candidates) unknown.push('municipality');
  const branches = decideEach(applied.person, unknown, on, applied.candidates ?? []);
  if (branches.length < 2) return [];
  return [
    'For each case:',
    ...branches.flatMap((b) => [
      `  If ${b.conditions.map(conditionLine).join(' and ')}: ${b.guidance.outcome}`,
      ...describeGuidance(b.guidance, lang).map((l) => `    ${l}`),
    ]),
  ];
}

/** The language to answer in: --lang, else the one the message asks for or is written in, else Finnish. */
export function replyLanguage(u: Understanding, chosen?: Lang): Lang {
  return chosen ?? u.languageRequest ?? u.language ?? 'fi';
}

/** The printed report for a command line (exported for the tests). */
export function guideReport(argv: string[]): { code: number; text: string } {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    return { code: 2, text: (err as Error).message };
  }
  const { text, on } = args;
  const u = understand(text);
  const lang = replyLanguage(u, args.lang);
  const applied = applyUnderstanding({}, u);
  const g = decide(applied.person, on);
  const out = [
    `Date: ${formatDate(on.toISOString().slice(0, 10), lang)} (${g.period})`,
    `Language: ${lang} (${args.lang ? '--lang' : u.language ? 'the message' : 'default'})`,
    'Understood:',
    ...describeUnderstanding(u).map((l) => `  ${l}`),
  ];
  if (u.benefit === 'unknown') out.push(`Benefit: ${facts.texts.benefitExplanation[lang]}`);
  if (u.topic) out.push(`Topic ${u.topic}:`, `  ${answerTopic(u.topic, on)[lang]}`);
  out.push(`Outcome: ${g.outcome}`, ...describeGuidance(g, lang));
  out.push(...eachCase(applied, on, lang));
  return { code: 0, text: out.join('\n') };
}

if (require.main === module) {
  const { code, text } = guideReport(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(text);
  process.exitCode = code;
}
