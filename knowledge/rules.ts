// The routing rules of domain.md (rules 1–7, with the law's under-30 and immigrant rule):
// a pure function from what is known of a person and a date to the guidance.
import { facts, type ProviderFacts } from './facts';
import { finnishDate, periodOn } from './calendar';
import { under } from './ages';

export { finnishDate, periodOn };
import { regionChangesById } from './municipalities';
import { municipalityName, say, type Values } from './wording';
import type { Contact, Guidance, Lang, Localized, Municipality, Notice, Person, ServicePoint, Slot } from './types';
import type { NoticeId, ReasonId } from './schema';

/** Under this age a person is young (law: under 30). */
export const youthAgeLimit = (): number => facts.figures.youthAgeLimit.value;

/**
 * The routing of domain.md on the day `on`. `today` is the day the answer is given: when it is
 * after the pilot period and `on` is not, the answer is history (past tense, no line to call).
 * A day after the pilot period has no routing of its own: it is told as the pilot period's last
 * day, as history (today's answer is decideToday's).
 */
export function decide(person: Person, on: Date, today: Date = on): Guidance {
  if (periodOn(on) === 'afterPilot') return decide(person, lastPilotDay(), on);
  const period = periodOn(on);
  const history = periodOn(today) === 'afterPilot';
  const m = person.municipalityId !== undefined ? facts.municipalities[person.municipalityId] : undefined;
  const base: Guidance = {
    outcome: 'needMore',
    missing: [],
    servicePoints: [],
    contacts: [],
    reasons: [],
    notices: [],
    period,
    ...(history ? { history } : {}),
  };
  if (!m) return { ...base, missing: ['municipality'], notices: periodNotices(on, undefined, history) };

  const t = texts(m, history);
  // Rule 1: outside the 12 municipalities.
  if (m.area === 'outside') {
    // Joroinen and Heinävesi were Etelä-Savo until 2021: say where they went, so the "no" makes sense.
    const left = regionChangesById.get(m.id);
    const moved = left
      ? [t.reason('leftRegion', { year: () => String(left.year), region: (l) => left.to[l] }, 'leftRegion')]
      : [];
    return { ...base, outcome: 'outside', municipality: m, reasons: [t.reason('outside'), ...moved] };
  }

  const te = facts.providers.teOffice;
  if (period === 'beforePilot') {
    const pilot = pilotOf(m);
    const notices = history
      ? [t.notice('beforePilotAnswer')]
      : pilot
        ? [t.notice('pilotStarts', { pilot: (l) => pilot.name[l] }, pilot.id)]
        : [];
    return provider(
      base,
      m,
      te,
      [tePointFor(m)],
      [t.reason('beforePilot')],
      [...notices, t.notice('authoritiesDecide')],
      today,
    );
  }

  // Pilot period (told as history after it, labelled by the notices).
  const notices = periodNotices(on, m, history);
  const done = (p: ProviderFacts, points: ServicePoint[], reasons: Localized[], extra: Notice[] = []) =>
    provider(base, m, p, points, reasons, [...notices, ...extra, t.notice('authoritiesDecide')], today);

  // Rule 2: a municipality outside both pilots.
  if (m.area === 'teOfficeOnly') {
    const point = tePointFor(m);
    const reasons = [t.reason('teOnlyMunicipality')];
    if (point.address.town !== m.fi)
      reasons.push(t.reason('nearestTePoint', { pointTown: (l) => townName(point.address.town, l) }, point.id));
    return done(te, [point], reasons);
  }

  const pilot = pilotOf(m)!;
  // Rule 4: working on the open labour market stays with the TE office.
  if (person.employed === true) return done(te, [tePointFor(m)], [t.reason('teEmployed')]);

  // Rule 3: the TE office keeps only earnings-related, 30 or older, not an immigrant.
  // The age on that day: said, or from a birth year when it is sure on which side of the limit.
  const young = under(person, on, youthAgeLimit());
  const earnings = person.benefit !== undefined ? person.benefit === 'earningsRelated' : undefined;
  const pilotForSure = young === true || earnings === false || person.immigrant === true;
  if (!pilotForSure) {
    const missing: Slot[] = [];
    if (young === undefined) missing.push('age');
    if (earnings === undefined) missing.push('benefit');
    if (person.immigrant === undefined) missing.push('immigrant');
    if (missing.length) return { ...base, municipality: m, missing, notices };
    return done(te, [tePointFor(m)], [t.reason('teEarningsRelated')]);
  }

  // Rule 5: the municipality's own point (or the main one), the youth point, immigrant services.
  const own = ownPoint(pilot, m);
  const points = [own ?? facts.servicePoints[pilot.mainPointId]];
  const extra = own ? [] : [t.notice('noOwnPoint')];
  const reasons = [t.reason('pilotMunicipality', { provider: (l) => pilot.name[l] }, pilot.id)];
  if (young) reasons.push(t.reason('pilotYouth'));
  if (person.immigrant) reasons.push(t.reason('pilotImmigrant'));
  if (person.benefit === 'labourMarketSubsidy' || person.benefit === 'basicAllowance') {
    const benefit = facts.benefits[person.benefit];
    reasons.push(t.reason('pilotKelaBenefit', { benefit: (l) => benefit.name[l] }, person.benefit));
  }
  if (person.benefit === 'none') reasons.push(t.reason('pilotNoBenefit'));
  for (const [wanted, audience, reasonId] of [
    [young, 'youth', 'youthPoint'],
    [person.immigrant, 'immigrants', 'immigrantPoint'],
  ] as const) {
    if (!wanted) continue;
    for (const point of pointsFor(pilot, audience)) {
      points.push(point);
      reasons.push(t.reason(reasonId, { point: (l) => point.name[l] }, point.id));
    }
  }
  return done(pilot, points, reasons, extra);
}

function provider(
  base: Guidance,
  m: Municipality,
  p: ProviderFacts,
  points: ServicePoint[],
  reasons: Localized[],
  notices: Notice[],
  today: Date,
): Guidance {
  // Rule 6: first contact of the provider (pilot lead; TE office personal customers' line).
  // Written out (no spread of base): the same fields in the same order, built in one step.
  const contacts = [facts.contacts[p.contactIds[0]]];
  // A line, an e-mail or a role that has ended is shown as history only, never as a contact to use.
  const closedContactIds = contacts.filter((c) => lineClosedOn(c, today)).map((c) => c.id);
  return {
    outcome: 'provider',
    missing: base.missing,
    servicePoints: points,
    contacts,
    reasons,
    notices,
    period: base.period,
    ...(base.history ? { history: true } : {}),
    municipality: m,
    provider: p,
    closedContactIds,
  };
}

/** The pilot period's last day, at noon in Finland. */
function lastPilotDay(): Date {
  return new Date(`${facts.dates.actualEnd.date}T10:00:00Z`);
}

/** Whether a contact's line had closed on that day: its provider had ceased (timeline.yaml's date, Finnish time). */
export function lineClosedOn(c: Contact, on: Date): boolean {
  const ceasedOn = facts.providers[c.providerId].ceasedOn;
  return ceasedOn !== undefined && finnishDate(on) >= facts.dates[ceasedOn].date;
}

/** The TE office point for a municipality: its nearest one (rule 2) or the one of its pilot's region. */
function tePointFor(m: Municipality): ServicePoint {
  const pilot = pilotOf(m);
  return pilot ? facts.servicePoints[pilot.tePointId!] : ownPoint(facts.providers.teOffice, m)!;
}

/** The pilot of a pilot municipality's region; undefined for the others. */
function pilotOf(m: Municipality): ProviderFacts | undefined {
  return m.area === 'mikkeliPilot' || m.area === 'savonlinnaPilot' ? facts.providers[m.area] : undefined;
}

// Lookups over the facts, made once (the facts never change while the process runs): decide runs
// on every message and must not walk every municipality or service point each time.
const municipalityByFinnishName = new Map(Object.values(facts.municipalities).map((m) => [m.fi, m] as const));
const servicePointList = Object.values(facts.servicePoints);
const ownPoints = new Map<string, ServicePoint | undefined>();
const audiencePoints = new Map<string, ServicePoint[]>();

/** A postal town in the given language: "Savonlinna" is "Nyslott" in Swedish. */
function townName(town: string, lang: Lang): string {
  const m = municipalityByFinnishName.get(town);
  return m ? municipalityName(m, lang) : town;
}

/** The provider's first service point that serves the municipality (in data order). */
function ownPoint(p: ProviderFacts, m: Municipality): ServicePoint | undefined {
  const key = `${p.id}|${m.id}`;
  if (!ownPoints.has(key))
    ownPoints.set(
      key,
      servicePointList.find((sp) => sp.providerId === p.id && sp.municipalityIds.includes(m.id)),
    );
  return ownPoints.get(key);
}

function pointsFor(p: ProviderFacts, audience: ServicePoint['audience']): ServicePoint[] {
  const key = `${p.id}|${audience}`;
  let points = audiencePoints.get(key);
  if (!points)
    audiencePoints.set(
      key,
      (points = servicePointList.filter((sp) => sp.providerId === p.id && sp.audience === audience)),
    );
  return points;
}

/**
 * Within the extension: the pilots were extended. Told as history: the answer is how things were
 * then, and the pilots and the TE offices have ended since.
 */
function periodNotices(on: Date, m: Municipality | undefined, history: boolean): Notice[] {
  if (history) return m ? [notice('pilotPeriodAnswer')] : [];
  // Past the announced end (dates.plannedEnd), within the extension.
  if (periodOn(on) === 'pilot')
    return m && pilotOf(m) && finnishDate(on) > facts.dates.plannedEnd.date ? [notice('pilotExtended')] : [];
  return [];
}

/** `key` names everything `values` depends on (say() caches the sentence under it). */
function notice(id: NoticeId, values?: (lang: Lang) => Values, key?: string): Notice {
  return { id, text: say(facts.texts.notices[id], values, key) };
}

type Extra = Record<string, (lang: Lang) => string>;

/**
 * Reasons and notices about one municipality: {municipality} is always filled in. `extraKey` names
 * what the extra values depend on (a provider, point or benefit id); with the municipality's id it
 * is the cache key of the sentence, so a sentence said before costs no formatting at all.
 */
function texts(m: Municipality, history: boolean) {
  // After the pilot period the reasons are told as history.
  const reasonTexts = history ? facts.texts.pastReasons : facts.texts.reasons;
  // The sentence cache keys on the municipality and the extras; the tense is part of the key.
  const tense = history ? 'past|' : '';
  const values = (extra: Extra) => (lang: Lang) => {
    const v: Values = { municipality: municipalityName(m, lang) };
    for (const k in extra) v[k] = extra[k](lang);
    return v;
  };
  return {
    reason: (id: ReasonId, extra: Extra = {}, extraKey = ''): Localized =>
      say(reasonTexts[id], values(extra), `${tense}${m.id}|${extraKey}`),
    notice: (id: NoticeId, extra: Extra = {}, extraKey = ''): Notice =>
      notice(id, values(extra), `${tense}${m.id}|${extraKey}`),
  };
}
