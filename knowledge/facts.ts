// Loads knowledge/data/*.yaml once, validates it (shape with zod, then every cross-reference)
// and indexes it by id. Any fault stops the start with an Error that names the entry.
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import type { ZodIssue } from 'zod';
import { municipalityNames, type MunicipalityName } from './municipalities';
import { placeholders } from './format';
import { rawFactsSchema, type DateId, type FigureId, type NoticeId, type RawFacts, type ReasonId, type TopicTextId } from './schema';
import type { Benefit, Contact, Localized, Municipality, Provenance, Provider, ProviderId, ServicePoint, Slot } from './types';
import { LANGS } from './types';

export interface ProviderFacts extends Provider {
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

/** What replaced the pilots from 1.1.2025 (only the name is in our sources). */
export interface EmploymentArea {
  id: string;
  name: string;
  succeedsProviderId: ProviderId;
  provenance: Provenance;
}

/** A statement the rules or the topic answers rest on, and the texts that say it. */
export interface Statement {
  reasons?: ReasonId[];
  topics?: TopicTextId[];
  provenance: Provenance;
}

export interface Facts {
  source: { title: Localized; published: string; provenance: Provenance };
  providers: Record<ProviderId, ProviderFacts>;
  contacts: Record<string, Contact>;
  servicePoints: Record<string, ServicePoint>;
  municipalities: Record<string, Municipality>;
  dates: Record<DateId, DatedFact>;
  infoSession: InfoSession;
  employmentAreas: EmploymentArea[];
  figures: Record<FigureId, Figure>;
  benefits: Record<Benefit, { name: Localized; payer?: Localized }>;
  /** What the routing rules and topic answers rest on (statements.yaml). */
  statements: Record<string, Statement>;
  texts: {
    reasons: Record<ReasonId, Localized>;
    notices: Record<NoticeId, Localized>;
    topics: Record<TopicTextId, Localized>;
    /** Rule 7: who pays which benefit, for a person who is unsure. */
    benefitExplanation: Localized;
    /** What to ask for each missing slot. */
    questions: Record<Slot, Localized>;
    floor: Localized;
    and: Localized;
  };
}

export type { MunicipalityName };

/** Files of knowledge/data that other modules read (municipalities.ts reads the names list). */
const READ_ELSEWHERE = new Set(['municipalities.yaml']);

/** Reads every .yaml file of a folder into one object; a key defined in two files is an error. */
export function readDataFiles(dir: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') && !READ_ELSEWHERE.has(f)).sort()) {
    let doc: unknown;
    try {
      doc = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      throw new Error(`knowledge data ${file}: ${(err as Error).message}`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`knowledge data ${file}: expected keys at the top level`);
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
      if (key in merged) throw new Error(`knowledge data: "${key}" is defined in both ${origin[key]} and ${file}`);
      merged[key] = value;
      origin[key] = file;
    }
  }
  return merged;
}

/** "servicePoints[3] (id "juva"): address.street" for a list entry, "dates.pilotStart.date" otherwise. */
function entryName(raw: unknown, pathParts: (string | number)[]): string {
  const dotted = (parts: (string | number)[]) => parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
  const index = pathParts.findIndex((p) => typeof p === 'number');
  if (index < 0) return dotted(pathParts);
  const entry = pathParts.slice(0, index + 1).reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), raw);
  const entryId = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  const label = typeof entryId === 'string' ? ` (id "${entryId}")` : '';
  const rest = pathParts.slice(index + 1);
  return `${dotted(pathParts.slice(0, index + 1))}${label}${rest.length ? `: ${dotted(rest)}` : ''}`;
}

function describeIssue(raw: unknown, issue: ZodIssue): string {
  const where = issue.path.length ? entryName(raw, issue.path) : 'knowledge data';
  const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is missing' : issue.message;
  return `${where}: ${message}`;
}

class Problems {
  readonly list: string[] = [];
  add(message: string) {
    this.list.push(message);
  }
  throwIfAny() {
    if (this.list.length) throw new Error(`knowledge data is invalid:\n  ${this.list.join('\n  ')}`);
  }
}

/**
 * Validates raw data (as read from the YAML files) against the schema and every cross-reference,
 * and builds the indexed facts. Pure: tests feed it broken data.
 */
export function loadFacts(raw: unknown, names: readonly MunicipalityName[] = municipalityNames): Facts {
  const parsed = rawFactsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`knowledge data is invalid:\n  ${parsed.error.issues.map((i) => describeIssue(raw, i)).join('\n  ')}`);
  }
  const data: RawFacts = parsed.data;
  const problems = new Problems();
  const at = (list: string, i: number, entryId: string) => `${list}[${i}] (id "${entryId}")`;

  // Ids are unique within each list.
  const byId = <T extends { id: string }>(listName: string, list: readonly T[]): Map<string, T> => {
    const map = new Map<string, T>();
    list.forEach((entry, i) => {
      if (map.has(entry.id)) problems.add(`${at(listName, i, entry.id)}: duplicate id`);
      else map.set(entry.id, entry);
    });
    return map;
  };
  const providers = byId('providers', data.providers);
  const points = byId('servicePoints', data.servicePoints);
  const contacts = byId('contacts', data.contacts);
  byId('employmentAreas', data.employmentAreas);
  const nameById = byId('municipalities', names);

  for (const pid of ['mikkeliPilot', 'savonlinnaPilot', 'teOffice'] as const) {
    if (!providers.has(pid)) problems.add(`providers: provider "${pid}" is missing`);
  }

  const pointsTo = (where: string, field: string, value: string, target: Map<string, unknown>, what: string) => {
    if (!target.has(value)) problems.add(`${where}: ${field} "${value}" points nowhere (no ${what} with that id)`);
  };

  // Providers: their points, contacts and municipalities.
  const providerOfMunicipality = new Map<string, ProviderId>();
  const ownPoint = new Map<string, string>();
  data.providers.forEach((p, i) => {
    const where = at('providers', i, p.id);
    if ((p.kind === 'teOffice') !== (p.id === 'teOffice')) problems.add(`${where}: kind "${p.kind}" does not fit the provider`);
    pointsTo(where, 'mainPoint', p.mainPoint, points, 'service point');
    if (points.get(p.mainPoint) && points.get(p.mainPoint)!.providerId !== p.id) problems.add(`${where}: mainPoint "${p.mainPoint}" belongs to another provider`);
    if (p.kind === 'pilot' && !p.tePoint) problems.add(`${where}: tePoint is missing`);
    if (p.tePoint) {
      pointsTo(where, 'tePoint', p.tePoint, points, 'service point');
      if (points.get(p.tePoint) && points.get(p.tePoint)!.providerId !== 'teOffice') problems.add(`${where}: tePoint "${p.tePoint}" is not a TE office point`);
    }
    p.contacts.forEach((c, j) => {
      pointsTo(`${where}: contacts[${j}]`, 'contact', c, contacts, 'contact');
      if (contacts.get(c) && contacts.get(c)!.providerId !== p.id) problems.add(`${where}: contact "${c}" belongs to another provider`);
    });
    p.municipalities.forEach((m, j) => {
      const mWhere = `${where}: municipalities[${j}] (id "${m.id}")`;
      if (!nameById.has(m.id)) problems.add(`${mWhere}: municipality id "${m.id}" points nowhere (not in knowledge/municipalities.ts)`);
      const earlier = providerOfMunicipality.get(m.id);
      if (earlier) problems.add(`${mWhere}: municipality is already listed under provider "${earlier}"`);
      else providerOfMunicipality.set(m.id, p.id);
      if (m.servicePoint !== undefined) {
        pointsTo(mWhere, 'servicePoint', m.servicePoint, points, 'service point');
        const sp = points.get(m.servicePoint);
        if (sp && sp.providerId !== p.id) problems.add(`${mWhere}: servicePoint "${m.servicePoint}" belongs to provider "${sp.providerId}"`);
        if (sp && sp.audience !== 'everyone') problems.add(`${mWhere}: servicePoint "${m.servicePoint}" is for ${sp.audience} only`);
        ownPoint.set(m.id, m.servicePoint);
      } else if (p.kind === 'teOffice') {
        problems.add(`${mWhere}: a TE office municipality needs its nearest servicePoint`);
      }
    });
  });

  data.servicePoints.forEach((sp, i) => pointsTo(at('servicePoints', i, sp.id), 'providerId', sp.providerId, providers, 'provider'));
  data.contacts.forEach((c, i) => pointsTo(at('contacts', i, c.id), 'providerId', c.providerId, providers, 'provider'));
  data.employmentAreas.forEach((a, i) => pointsTo(at('employmentAreas', i, a.id), 'succeedsProviderId', a.succeedsProviderId, providers, 'provider'));
  for (const [dateId, dated] of Object.entries(data.dates)) {
    if (dated.servicePointId) pointsTo(`dates.${dateId}`, 'servicePointId', dated.servicePointId, points, 'service point');
  }
  pointsTo('infoSession', 'invitationContactId', data.infoSession.invitationContactId, contacts, 'contact');
  pointsTo('infoSession', 'providerId', data.infoSession.providerId, providers, 'provider');
  if (data.source.published !== data.dates.published.date) problems.add(`source.published "${data.source.published}" differs from dates.published`);

  // Every pilot needs its own youth and immigrant points.
  for (const p of data.providers.filter((x) => x.kind === 'pilot')) {
    for (const audience of ['youth', 'immigrants'] as const) {
      if (!data.servicePoints.some((sp) => sp.providerId === p.id && sp.audience === audience)) {
        problems.add(`servicePoints: provider "${p.id}" has no point for ${audience}`);
      }
    }
  }

  // A template must use the same placeholders in every language.
  const textGroups = { reasons: data.reasons, notices: data.notices, topics: data.topics } as Record<string, Record<string, Localized>>;
  for (const [group, texts] of Object.entries(textGroups)) {
    for (const [textId, localized] of Object.entries(texts)) {
      const expected = placeholders(localized.fi).sort().join(',');
      for (const lang of LANGS) {
        if (placeholders(localized[lang]).sort().join(',') !== expected) {
          problems.add(`${group}.${textId}.${lang}: uses other {placeholders} than the Finnish text`);
        }
      }
    }
  }
  // Every reason and every topic answer rests on a statement with a source.
  const said = { reasons: new Set<string>(), topics: new Set<string>() };
  for (const st of Object.values(data.statements)) {
    st.reasons?.forEach((r) => said.reasons.add(r));
    st.topics?.forEach((t) => said.topics.add(t));
  }
  for (const group of ['reasons', 'topics'] as const) {
    for (const textId of Object.keys(data[group])) {
      if (!said[group].has(textId)) problems.add(`${group}.${textId}: rests on no statement (add it to a statement's ${group} in statements.yaml)`);
    }
  }
  problems.throwIfAny();

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
        ...(p.tePoint ? { tePointId: p.tePoint } : {}),
      },
    ]),
  ) as Record<ProviderId, ProviderFacts>;

  const payerName = (payer?: 'kela' | 'unemploymentFund') => (payer ? { payer: data.payers[payer] } : {});

  // Provider references were checked above, so they are provider ids now.
  const asProvider = (ref: string) => ref as ProviderId;
  const built: Facts = {
    source: data.source,
    providers: providerFacts,
    contacts: Object.fromEntries(data.contacts.map((c): [string, Contact] => [c.id, { ...c, providerId: asProvider(c.providerId) }])),
    servicePoints: Object.fromEntries(
      data.servicePoints.map((sp): [string, ServicePoint] => [sp.id, { ...sp, providerId: asProvider(sp.providerId), municipalityIds: pointIdsByMunicipality(sp.id) }]),
    ),
    municipalities: Object.fromEntries(names.map((m) => [m.id, { ...m, area: areaOf(m.id) }])),
    dates: data.dates,
    infoSession: { ...data.infoSession, providerId: asProvider(data.infoSession.providerId) },
    employmentAreas: data.employmentAreas.map((a) => ({ ...a, succeedsProviderId: asProvider(a.succeedsProviderId) })),
    figures: data.figures,
    statements: data.statements,
    benefits: Object.fromEntries(Object.entries(data.benefits).map(([b, v]) => [b, { name: v.name, ...payerName(v.payer) }])) as Facts['benefits'],
    texts: {
      reasons: data.reasons,
      notices: data.notices,
      topics: data.topics,
      benefitExplanation: data.benefitExplanation,
      questions: data.questions,
      floor: data.floor,
      and: data.and,
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
