// Prints what the guidance core makes of one sentence, so content can be checked without a chat:
//   npm run guide -- "asun Juvalla" [--lang fi|sv|en] [--date YYYY-MM-DD]
// Shows the understood slots, then either the questions still needed or the answer, in the
// language the sentence is written in (as the chat does), or in --lang's; Finnish when unclear.
// The date decides, as in the chat: by default today's answer (after the pilot period, the home
// municipality's employment area); with --date a day of the pilot years, their routing; a question
// about the pilot years ("kuka palveli minua 2022?") gets their routing told as history.
import {
  answerMode,
  answerTopic,
  applyUnderstanding,
  askedDay,
  decide,
  decideEach,
  decideToday,
  facts,
  formatAddress,
  formatDate,
  LANGS,
  periodOn,
  understand,
} from '../knowledge';
import type { AppliedUnderstanding, Condition, Contact, Guidance, Lang, Slot, Understanding } from '../knowledge';
import { todaySentences } from '../dialogs/replies/todayAnswer';

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
    'birthYear',
  ] as const) {
    if (u[key] !== undefined) lines.push(`${key}: ${u[key]}`);
  }
  if (u.situations) lines.push(`situations: ${u.situations.join(', ')}`);
  if (u.history)
    lines.push(`history: the pilot years${u.history.date ?? (u.history.year ? `, ${u.history.year}` : '')}`);
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

/** Today's answer (after the pilot period), as the chat says it. */
function describeToday(applied: AppliedUnderstanding, today: Date, lang: Lang): string[] {
  const g = decideToday(applied.person, today);
  if (g.outcome === 'needMore') {
    const ambiguous = applied.candidates ? [`  (the name fits ${applied.candidates.join(', ')})`] : [];
    return ['Outcome: needMore', 'Still needed:', `  ? ${facts.texts.questions.municipality[lang]}`, ...ambiguous];
  }
  const s = todaySentences(g, lang);
  return [
    `Outcome: ${g.outcome}${g.area ? ` (${g.area.name.fi}, ${g.status})` : ''}`,
    'Who serves:',
    `  ${s.who}`,
    'What to do now:',
    ...s.steps.map((step, i) => `  ${i + 1}. ${step}`),
    'Service points and numbers:',
    `  ${s.find}`,
    ...(s.notes.length ? ['In your situation:', ...s.notes.map((n) => `  - ${n}`)] : []),
  ];
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
function eachCase(applied: AppliedUnderstanding, on: Date, today: Date, lang: Lang): string[] {
  const unknown: Slot[] = [];
  if (applied.benefitUnknown) unknown.push('benefit');
  if (applied.candidates) unknown.push('municipality');
  const branches = decideEach(applied.person, unknown, on, applied.candidates ?? [], today);
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
  const { text, on: today } = args;
  const u = understand(text);
  const lang = replyLanguage(u, args.lang);
  const applied = applyUnderstanding({}, u);
  const asked = u.history && periodOn(today) === 'afterPilot' ? askedDay(u.history) : undefined;
  const mode = answerMode(today, asked);
  const out = [
    `Date: ${formatDate(today.toISOString().slice(0, 10), lang)} (${periodOn(today)})`,
    `Language: ${lang} (${args.lang ? '--lang' : u.language ? 'the message' : 'default'})`,
    'Understood:',
    ...describeUnderstanding(u).map((l) => `  ${l}`),
  ];
  if (u.topic) out.push(`Topic ${u.topic}:`, `  ${answerTopic(u.topic, today)[lang]}`);
  if (mode.kind === 'today') {
    out.push(...describeToday(applied, today, lang));
    return { code: 0, text: out.join('\n') };
  }
  const g = decide(applied.person, mode.on, today);
  if (mode.history) out.push(`Answer about: ${formatDate(mode.asked!.date, lang)}, told as history`);
  if (u.benefit === 'unknown') out.push(`Benefit: ${facts.texts.benefitExplanation[lang]}`);
  out.push(`Outcome: ${g.outcome}`, ...describeGuidance(g, lang));
  out.push(...eachCase(applied, mode.on, today, lang));
  return { code: 0, text: out.join('\n') };
}

if (require.main === module) {
  const { code, text } = guideReport(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(text);
  process.exitCode = code;
}
