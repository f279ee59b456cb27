// The routing rules of domain.md (rules 1–7, with the law's under-30 and immigrant rule):
// a pure function from what is known of a person and a date to the guidance.
import { facts, type ProviderFacts } from './facts';
import { regionChangesById } from './municipalities';
import { joinList } from './format';
import { areaName, municipalityName, say, type Values } from './wording';
import type {
  Contact,
  Guidance,
  Lang,
  Localized,
  Municipality,
  Notice,
  Period,
  Person,
  ServicePoint,
  Slot,
} from './types';
import type { NoticeId, ReasonId } from './schema';

/** The calendar date in Finland (YYYY-MM-DD) of an instant: the pilots started at midnight Finnish time. */
export function finnishDate(on: Date): string {
  if (Number.isNaN(on.getTime())) throw new RangeError('decide: the date is not a valid date');
  // Finland's UTC offset changes only on whole hours, so the date is the same within an hour.
  const hour = Math.floor(on.getTime() / 3_600_000);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = finnishDay.format(on);
    if (dayOfHour.size > 10_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}
const dayOfHour = new Map<number, string>();
// Made once: building an Intl formatter costs far more than using it.
const finnishDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** beforePilot until the day before dates.pilotStart, pilot to dates.actualEnd inclusive, afterPilot from then on. */
export function periodOn(on: Date): Period {
  const day = finnishDate(on);
  if (day < facts.dates.pilotStart.date) return 'beforePilot';
  if (day <= facts.dates.actualEnd.date) return 'pilot';
  return 'afterPilot';
}

/** Under this age a person is young (law: under 30). */
export const youthAgeLimit = (): number => facts.figures.youthAgeLimit.value;

export function decide(person: Person, on: Date): Guidance {
  const period = periodOn(on);
  const m = person.municipalityId !== undefined ? facts.municipalities[person.municipalityId] : undefined;
  const base: Guidance = {
    outcome: 'needMore',
    missing: [],
    servicePoints: [],
    contacts: [],
    reasons: [],
    notices: [],
    period,
  };
  if (!m) return { ...base, missing: ['municipality'], notices: periodNotices(on, undefined) };

  const t = texts(m, period);
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
    const notices = pilot ? [t.notice('pilotStarts', { pilot: (l) => pilot.name[l] }, pilot.id)] : [];
    return provider(
      base,
      m,
      te,
      [tePointFor(m)],
      [t.reason('beforePilot')],
      [...notices, t.notice('authoritiesDecide')],
      on,
    );
  }

  // Pilot period (also the answer after it, labelled by the notices).
  const notices = periodNotices(on, m);
  const done = (p: ProviderFacts, points: ServicePoint[], reasons: Localized[], extra: Notice[] = []) =>
    provider(base, m, p, points, reasons, [...notices, ...extra, t.notice('authoritiesDecide')], on);

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
  // An age that is not a number is treated as not given (the understanding rejects impossible ones).
  const young = Number.isFinite(person.age) ? person.age! < youthAgeLimit() : undefined;
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
  on: Date,
): Guidance {
  // Rule 6: first contact of the provider (pilot lead; TE office personal customers' line).
  // Written out (no spread of base): the same fields in the same order, built in one step.
  const contacts = [facts.contacts[p.contactIds[0]]];
  // A line that no longer answers is shown as history only, never as a number to call.
  const closedContactIds = contacts.filter((c) => lineClosedOn(c, on)).map((c) => c.id);
  return {
    outcome: 'provider',
    missing: base.missing,
    servicePoints: points,
    contacts,
    reasons,
    notices,
    period: base.period,
    municipality: m,
    provider: p,
    closedContactIds,
  };
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
 * Within the extension: the pilots were extended. After the actual end: the arrangement has ended,
 * which employment area serves the municipality now (as surely as the sources say), and that the
 * answer is from the pilot period.
 */
function periodNotices(on: Date, m: Municipality | undefined): Notice[] {
  const period = periodOn(on);
  // Past the announced end (dates.plannedEnd), within the extension.
  if (period === 'pilot')
    return m && pilotOf(m) && finnishDate(on) > facts.dates.plannedEnd.date ? [notice('pilotExtended')] : [];
  if (period !== 'afterPilot') return [];
  const notices = [notice('arrangementEnded')];
  if (m) {
    notices.push(areaNotice(m));
    notices.push(notice('pilotPeriodAnswer'));
  }
  return notices;
}

/** Where the municipality belongs now: said plainly only where the sources agree. */
function areaNotice(m: Municipality): Notice {
  const membership = facts.areaMembership[m.id];
  const name = (l: Lang) => municipalityName(m, l);
  const area = (id: string, l: Lang) =>
    areaName(
      facts.employmentAreas.find((a) => a.id === id)!,
      l,
    );
  // The municipality's id names the values: its membership follows from it.
  if (!membership) return notice('askMunicipality', (l) => ({ municipality: name(l) }), m.id);
  if (membership.status === 'disputed') {
    return notice(
      'employmentAreaDisputed',
      (l) => ({
        municipality: name(l),
        areas: joinList(
          membership.areaIds.map((id) => area(id, l)),
          facts.texts.or[l],
        ),
      }),
      m.id,
    );
  }
  const id = membership.status === 'confirmed' ? 'employmentArea' : 'employmentAreaUnconfirmed';
  return notice(id, (l) => ({ municipality: name(l), area: area(membership.areaIds[0], l) }), m.id);
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
function texts(m: Municipality, period: Period) {
  // After the pilot period the reasons are told as history.
  const reasonTexts = period === 'afterPilot' ? facts.texts.pastReasons : facts.texts.reasons;
  const values = (extra: Extra) => (lang: Lang) => {
    const v: Values = { municipality: municipalityName(m, lang) };
    for (const k in extra) v[k] = extra[k](lang);
    return v;
  };
  return {
    reason: (id: ReasonId, extra: Extra = {}, extraKey = ''): Localized =>
      say(reasonTexts[id], values(extra), `${m.id}|${extraKey}`),
    notice: (id: NoticeId, extra: Extra = {}, extraKey = ''): Notice =>
      notice(id, values(extra), `${m.id}|${extraKey}`),
  };
}
