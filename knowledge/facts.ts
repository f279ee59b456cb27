// Loads knowledge/data/*.yaml once, validates it (shape with zod, then every cross-reference)
// and indexes it by id. Any fault stops the start with an Error that names the entry.
// The checks are in checkFacts.ts, the file reading in dataFiles.ts.
import * as path from 'path';
import { checkFacts } from './checkFacts';
import { describeIssue, readDataFiles } from './dataFiles';
import { municipalityNames, type MunicipalityName } from './municipalities';
import {
  rawFactsSchema,
  type DateId,
  type FigureId,
  type NoticeId,
  type RawFacts,
  type ReasonId,
  type TodayTextId,
  type TopicTextId,
} from './schema';
import type {
  Benefit,
  Contact,
  Localized,
  Municipality,
  Provenance,
  Provider,
  ProviderId,
  ServicePoint,
  Slot,
} from './types';

export { readDataFiles };

export interface ProviderFacts extends Provider {
  /** From this date (facts.dates) the provider and its phone lines no longer exist. */
  ceasedOn?: DateId;
  /** The provider's main point, shown when a municipality has no point of its own (Puumala). */
  mainPointId: string;
  /** Pilots only: the TE office point for the people the TE office keeps in the pilot's region. */
  tePointId?: string;
}

export interface DatedFact {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  servicePointId?: string;
  provenance: Provenance;
}

export interface Figure {
  value: number;
  /** The source says "about" (noin). */
  approximate?: boolean;
  provenance: Provenance;
}

export interface InfoSession {
  providerId: ProviderId;
  /** Its date is facts.dates.infoSession. */
  startTime: string;
  endTime: string;
  place: string;
  invitationContactId: string;
  provenance: Provenance;
}

/** An employment area of Act 380/2023, which replaced the pilots and the TE offices. */
export interface EmploymentArea {
  id: string;
  /** `sv` only where an official Swedish name exists. */
  name: { fi: string; sv?: string };
  /** The municipality that runs the area's services (vastuukunta). */
  responsibleMunicipalityId: string;
  /** The pilot whose region the area's name refers to, if any. */
  succeedsProviderId?: ProviderId;
  /** Ids of facts.publications. */
  sources: string[];
  /** Where a person finds the area's service points and numbers, where a source shows it. */
  website?: { name: Localized; url: string; sources: string[] };
}

/** The national online service where jobseekers register (Työmarkkinatori). */
export interface JobMarket {
  name: Localized;
  url: Localized;
  sources: string[];
}

/**
 * Which employment area a municipality belongs to since the TE offices ended, and how sure the
 * sources are: confirmed (the sources agree), unconfirmed (one source, or only a plan: `areas`
 * holds the likely one) or disputed (the sources name different areas: `areas` holds them all).
 */
export interface AreaMembership {
  status: 'confirmed' | 'unconfirmed' | 'disputed';
  areaIds: string[];
  /** Ids of facts.publications. */
  sources: string[];
  note: string;
}

/** A public text that a fact after the pilot period rests on. */
export interface Publication {
  id: string;
  title?: string;
  /** Who the text itself says published it. */
  by?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: as exact as the text gives it; absent when it gives none. */
  published?: string;
  url: string;
  /** What the text says that the data relies on. */
  says: string;
}

/** A statement the rules, the topic answers or today's answer rest on, and the texts that say it. */
export interface Statement {
  reasons?: ReasonId[];
  topics?: TopicTextId[];
  today?: TodayTextId[];
  provenance: Provenance;
}

export interface Facts {
  /** The announcement, by its own (Finnish) headline; its date is facts.dates.published. */
  source: { headline: string; provenance: Provenance };
  providers: Record<ProviderId, ProviderFacts>;
  contacts: Record<string, Contact>;
  servicePoints: Record<string, ServicePoint>;
  municipalities: Record<string, Municipality>;
  dates: Record<DateId, DatedFact>;
  infoSession: InfoSession;
  employmentAreas: EmploymentArea[];
  /**
   * Municipality id → its employment area since the TE offices ended: every Etelä-Savo
   * municipality, and the ones outside that a source names.
   */
  areaMembership: Record<string, AreaMembership>;
  jobMarket: JobMarket;
  publications: Record<string, Publication>;
  figures: Record<FigureId, Figure>;
  benefits: Record<Benefit, { name: Localized; payer?: Localized }>;
  /** What the routing rules and topic answers rest on (statements.yaml). */
  statements: Record<string, Statement>;
  texts: {
    reasons: Record<ReasonId, Localized>;
    /** The same reasons told as history, for answers after the pilot period. */
    pastReasons: Record<ReasonId, Localized>;
    notices: Record<NoticeId, Localized>;
    topics: Record<TopicTextId, Localized>;
    /** Today's answer, sentence by sentence. */
    today: Record<TodayTextId, Localized>;
    /** Rule 7: who pays which benefit, for a person who is unsure. */
    benefitExplanation: Localized;
    /** What to ask for each missing slot. */
    questions: Record<Slot, Localized>;
    /** The same about the pilot years, in the past tense, with a {when}. */
    questionsPast: Record<Slot, Localized>;
    floor: Localized;
    and: Localized;
    or: Localized;
    /** The conversation's own words (greeting, re-asks, card headings, buttons…), by key. */
    conversation: Record<string, Localized>;
    /** The web page's and the widget's own words, by key. */
    page: Record<string, Localized>;
    /** The figures page's own words (/stats), by key. */
    statsPage: Record<string, Localized>;
  };
}

export type { MunicipalityName };

/**
 * Validates raw data (as read from the YAML files) against the schema and every cross-reference,
 * and builds the indexed facts. Pure: tests feed it broken data.
 */
export function loadFacts(raw: unknown, names: readonly MunicipalityName[] = municipalityNames): Facts {
  const parsed = rawFactsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `knowledge data is invalid:\n  ${parsed.error.issues.map((i) => describeIssue(raw, i)).join('\n  ')}`,
    );
  }
  const data: RawFacts = parsed.data;
  const { providerOfMunicipality, ownPoint } = checkFacts(data, names);

  // Build the indexed facts.
  const pointIdsByMunicipality = (pointId: string) => [...ownPoint].filter(([, p]) => p === pointId).map(([m]) => m);
  const areaOf = (mId: string): Municipality['area'] => {
    const pid = providerOfMunicipality.get(mId);
    return pid === undefined ? 'outside' : pid === 'teOffice' ? 'teOfficeOnly' : pid;
  };

  const providerFacts = Object.fromEntries(
    data.providers.map((p): [ProviderId, ProviderFacts] => [
      p.id,
      {
        id: p.id,
        kind: p.kind,
        name: p.name,
        municipalityIds: p.municipalities.map((m) => m.id),
        contactIds: p.contacts,
        provenance: p.provenance,
        mainPointId: p.mainPoint,
        ...(p.ceasedOn ? { ceasedOn: p.ceasedOn } : {}),
        ...(p.tePoint ? { tePointId: p.tePoint } : {}),
      },
    ]),
  ) as Record<ProviderId, ProviderFacts>;

  const payerName = (payer?: 'kela' | 'unemploymentFund') => (payer ? { payer: data.payers[payer] } : {});

  // Provider references were checked by checkFacts, so they are provider ids now.
  const asProvider = (ref: string) => ref as ProviderId;
  const built: Facts = {
    source: data.source,
    providers: providerFacts,
    contacts: Object.fromEntries(
      data.contacts.map((c): [string, Contact] => [c.id, { ...c, providerId: asProvider(c.providerId) }]),
    ),
    servicePoints: Object.fromEntries(
      data.servicePoints.map((sp): [string, ServicePoint] => [
        sp.id,
        { ...sp, providerId: asProvider(sp.providerId), municipalityIds: pointIdsByMunicipality(sp.id) },
      ]),
    ),
    municipalities: Object.fromEntries(names.map((m) => [m.id, { ...m, area: areaOf(m.id) }])),
    dates: data.dates,
    infoSession: { ...data.infoSession, providerId: asProvider(data.infoSession.providerId) },
    employmentAreas: data.employmentAreas.map(
      ({ succeedsProviderId, responsibleMunicipality, ...a }): EmploymentArea => ({
        ...a,
        responsibleMunicipalityId: responsibleMunicipality,
        ...(succeedsProviderId ? { succeedsProviderId: asProvider(succeedsProviderId) } : {}),
      }),
    ),
    jobMarket: data.jobMarket,
    areaMembership: Object.fromEntries(
      data.employmentAreaMembers.map((m): [string, AreaMembership] => [
        m.municipality,
        { status: m.status, areaIds: m.areas, sources: m.sources, note: m.note },
      ]),
    ),
    publications: Object.fromEntries(data.publications.map((p) => [p.id, p])),
    figures: data.figures,
    statements: data.statements,
    benefits: Object.fromEntries(
      Object.entries(data.benefits).map(([b, v]) => [b, { name: v.name, ...payerName(v.payer) }]),
    ) as Facts['benefits'],
    texts: {
      reasons: data.reasons,
      pastReasons: data.pastReasons,
      notices: data.notices,
      topics: data.topics,
      today: data.today,
      benefitExplanation: data.benefitExplanation,
      questions: data.questions,
      questionsPast: data.questionsPast,
      floor: data.floor,
      and: data.and,
      or: data.or,
      conversation: data.conversation,
      page: data.page,
      statsPage: data.statsPage,
    },
  };
  return deepFreeze(built);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The folder of the YAML files; the build copies it next to the compiled core. */
export const DATA_DIR = path.join(__dirname, 'data');

/** The validated facts, loaded once when the core is first imported. */
export const facts: Facts = loadFacts(readDataFiles(DATA_DIR));
