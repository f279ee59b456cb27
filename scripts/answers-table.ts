// The guide's answers as one readable table (docs/answers.md), so that a change of the data shows
// up in review as a diff of answers:
//   npm run answers:table            writes docs/answers.md
//   npm run answers:table -- --check exits 1 when docs/answers.md is not what the data gives
// Each Etelä-Savo municipality (and its former names), the municipalities outside that a source
// names, and one municipality elsewhere; on a day after the pilot period (the home municipality
// alone decides) and on a day of the pilot period (for each value of the facts that decide then).
import * as fs from 'fs';
import * as path from 'path';
import {
  areaName,
  decideEach,
  decideToday,
  facts,
  formatAddress,
  formatDate,
  formerMunicipalitiesById,
  type Condition,
  type Guidance,
} from '../knowledge';
import { mapUrl, telUrl } from '../dialogs/replies/answerCard';

/** The days the table is for: the first day of the pilots, and the first day after them. */
const PILOT_DAY = facts.dates.pilotStart.date;
const TODAY = facts.dates.teOfficesEnded.date;
const noon = (iso: string) => new Date(`${iso}T10:00:00Z`);
/** A municipality elsewhere in Finland, standing for every one the guide does not cover. */
const ELSEWHERE = 'helsinki';

export const TABLE_FILE = path.join(__dirname, '..', 'docs', 'answers.md');

const cell = (s: string) => s.replace(/\|/g, '\\|');
const etelaSavo = Object.values(facts.providers).flatMap((p) => p.municipalityIds);
const outsideNamed = Object.keys(facts.areaMembership).filter((id) => !etelaSavo.includes(id));
const nameOf = (id: string) => facts.municipalities[id].fi;

function todayRow(id: string): string {
  const g = decideToday({ municipalityId: id }, noon(TODAY));
  const area = g.area ? `${areaName(g.area, 'fi')} (${g.status})` : '– (own municipality)';
  const responsible = g.responsible ? g.responsible.fi : '–';
  const website = g.outcome === 'area' && g.area?.website ? `<${g.area.website.url}>` : '–';
  return `| ${nameOf(id)} | ${g.outcome} | ${cell(area)} | ${responsible} | <${facts.jobMarket.url.fi}> | ${website} |`;
}

function conditionText(c: Condition): string {
  switch (c.slot) {
    case 'municipality':
      return c.municipalityIds.map(nameOf).join(' or ');
    case 'age':
      return `${c.young ? 'under' : 'at least'} ${facts.figures.youthAgeLimit.value}`;
    case 'benefit':
      return c.benefits.join(' or ');
    case 'immigrant':
      return c.immigrant ? 'immigrant' : 'not an immigrant';
  }
}

function links(g: Guidance): string {
  const out: string[] = [];
  for (const c of g.contacts) {
    if (c.phone) out.push(`<${telUrl(c.phone)}>`);
    if (c.email) out.push(`<mailto:${c.email}>`);
  }
  for (const p of g.servicePoints) out.push(`[map: ${cell(p.name.fi)}](${mapUrl(p.address)})`);
  return out.join(' ') || '–';
}

function pilotRows(id: string): string[] {
  const branches = decideEach({ municipalityId: id }, ['age', 'benefit', 'immigrant'], noon(PILOT_DAY));
  return branches.map((b) => {
    const g = b.guidance;
    const when = b.conditions.map(conditionText).join(', ') || 'anyone';
    const provider = g.provider?.name.fi ?? g.outcome;
    const points = g.servicePoints.map((p) => `${p.name.fi}, ${formatAddress(p.address, 'fi')}`).join('; ') || '–';
    const contact = g.contacts
      .map((c) => [c.name ?? c.role.fi, c.phone, c.email].filter(Boolean).join(', '))
      .join('; ');
    return `| ${nameOf(id)} | ${cell(when)} | ${cell(provider)} | ${cell(points)} | ${cell(contact || '–')} | ${links(g)} |`;
  });
}

/** The whole table, as docs/answers.md holds it. */
export function answersTable(): string {
  const today = [...etelaSavo, ...outsideNamed, ELSEWHERE];
  const formerRows = etelaSavo.flatMap((id) =>
    (formerMunicipalitiesById.get(id) ?? []).map((f) => {
      const g = decideToday({ municipalityId: id }, noon(TODAY));
      const names = [f.fi, f.sv, ...(f.otherNames ?? [])].filter(Boolean).join(', ');
      return `| ${cell(names)} | ${nameOf(id)}${f.year ? ` (${f.year})` : ''} | ${g.area ? areaName(g.area, 'fi') : '–'} |`;
    }),
  );
  return [
    '# The guide’s answers',
    '',
    'Written by `npm run answers:table` from the knowledge data; a test fails when it is out of date,',
    'so a change of the data shows here as a change of answers. Every name, address, number and link',
    'comes from `knowledge/data` (how to add one with its source: [understanding.md](understanding.md)',
    'and [knowledge/data/README.md](../knowledge/data/README.md)).',
    '',
    `## After the pilot period (the table is for ${formatDate(TODAY, 'en')})`,
    '',
    'The home municipality alone decides. Age, benefit and background are never asked.',
    '',
    '| home municipality | outcome | employment area (sources) | responsible municipality | register | service points and numbers |',
    '|---|---|---|---|---|---|',
    ...today.map(todayRow),
    '',
    'Former municipalities are read as the municipality they are part of now:',
    '',
    '| named as | is now | employment area |',
    '|---|---|---|',
    ...formerRows,
    '',
    `## During the pilot period (the table is for ${formatDate(PILOT_DAY, 'en')})`,
    '',
    'For each value of the facts that decide on that day (age, benefit, background); rows with the',
    'same answer are one. Asked about after the pilot period, the same routing is told as history,',
    'with no live link.',
    '',
    '| home municipality | when | provider | service points | contact | links |',
    '|---|---|---|---|---|---|',
    ...[...etelaSavo, ELSEWHERE].flatMap(pilotRows),
    '',
  ].join('\n');
}

if (require.main === module) {
  const table = answersTable();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(TABLE_FILE) ? fs.readFileSync(TABLE_FILE, 'utf8') : '';
    if (current !== table) {
      console.error('docs/answers.md is out of date: run npm run answers:table');
      process.exitCode = 1;
    } else console.log('docs/answers.md is up to date');
  } else {
    fs.writeFileSync(TABLE_FILE, table);
    console.log(`wrote ${path.relative(process.cwd(), TABLE_FILE)}`);
  }
}
