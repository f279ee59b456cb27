// Checks across entries of the knowledge data that a schema cannot express: unique ids,
// references that must point somewhere, one provider per municipality, same placeholders in
// every language, a source for every reason. All faults are reported at once.
import { Problems } from './dataFiles';
import { placeholders } from './format';
import type { MunicipalityName } from './municipalities';
import type { RawFacts } from './schema';
import { LANGS, type Localized, type ProviderId } from './types';

/** What the checks learn on the way, for building the facts. */
export interface CheckedLinks {
  providerOfMunicipality: Map<string, ProviderId>;
  /** Municipality id → its own (pilot) or nearest (TE office) service point id. */
  ownPoint: Map<string, string>;
}

export function checkFacts(data: RawFacts, names: readonly MunicipalityName[]): CheckedLinks {
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
    if ((p.kind === 'teOffice') !== (p.id === 'teOffice'))
      problems.add(`${where}: kind "${p.kind}" does not fit the provider`);
    pointsTo(where, 'mainPoint', p.mainPoint, points, 'service point');
    if (points.get(p.mainPoint) && points.get(p.mainPoint)!.providerId !== p.id)
      problems.add(`${where}: mainPoint "${p.mainPoint}" belongs to another provider`);
    if (p.kind === 'pilot' && !p.tePoint) problems.add(`${where}: tePoint is missing`);
    if (p.tePoint) {
      pointsTo(where, 'tePoint', p.tePoint, points, 'service point');
      if (points.get(p.tePoint) && points.get(p.tePoint)!.providerId !== 'teOffice')
        problems.add(`${where}: tePoint "${p.tePoint}" is not a TE office point`);
    }
    p.contacts.forEach((c, j) => {
      pointsTo(`${where}: contacts[${j}]`, 'contact', c, contacts, 'contact');
      if (contacts.get(c) && contacts.get(c)!.providerId !== p.id)
        problems.add(`${where}: contact "${c}" belongs to another provider`);
    });
    p.municipalities.forEach((m, j) => {
      const mWhere = `${where}: municipalities[${j}] (id "${m.id}")`;
      if (!nameById.has(m.id))
        problems.add(`${mWhere}: municipality id "${m.id}" points nowhere (not in knowledge/data/municipalities.yaml)`);
      const earlier = providerOfMunicipality.get(m.id);
      if (earlier) problems.add(`${mWhere}: municipality is already listed under provider "${earlier}"`);
      else providerOfMunicipality.set(m.id, p.id);
      if (m.servicePoint !== undefined) {
        pointsTo(mWhere, 'servicePoint', m.servicePoint, points, 'service point');
        const sp = points.get(m.servicePoint);
        if (sp && sp.providerId !== p.id)
          problems.add(`${mWhere}: servicePoint "${m.servicePoint}" belongs to provider "${sp.providerId}"`);
        if (sp && sp.audience !== 'everyone')
          problems.add(`${mWhere}: servicePoint "${m.servicePoint}" is for ${sp.audience} only`);
        ownPoint.set(m.id, m.servicePoint);
      } else if (p.kind === 'teOffice') {
        problems.add(`${mWhere}: a TE office municipality needs its nearest servicePoint`);
      }
    });
  });

  data.servicePoints.forEach((sp, i) =>
    pointsTo(at('servicePoints', i, sp.id), 'providerId', sp.providerId, providers, 'provider'),
  );
  data.contacts.forEach((c, i) => pointsTo(at('contacts', i, c.id), 'providerId', c.providerId, providers, 'provider'));
  const areas = byId('employmentAreas', data.employmentAreas);
  const publications = byId('publications', data.publications);
  const cites = (where: string, ids: readonly string[]) =>
    ids.forEach((p) => pointsTo(where, 'source', p, publications, 'publication'));
  data.employmentAreas.forEach((a, i) => {
    const where = at('employmentAreas', i, a.id);
    if (a.succeedsProviderId) pointsTo(where, 'succeedsProviderId', a.succeedsProviderId, providers, 'provider');
    if (!nameById.has(a.responsibleMunicipality))
      problems.add(`${where}: responsibleMunicipality "${a.responsibleMunicipality}" points nowhere`);
    cites(where, a.sources);
    if (a.website) cites(`${where}: website`, a.website.sources);
  });
  cites('jobMarket', data.jobMarket.sources);
  // Where a municipality belongs now: every Etelä-Savo municipality once (others only where a source
  // names them), each claim backed by publications; "confirmed" needs one area that at least two
  // sources agree on.
  const members = new Set<string>();
  data.employmentAreaMembers.forEach((m, i) => {
    const where = `employmentAreaMembers[${i}] (municipality "${m.municipality}")`;
    if (members.has(m.municipality)) problems.add(`${where}: municipality listed twice`);
    members.add(m.municipality);
    if (!nameById.has(m.municipality))
      problems.add(`${where}: municipality id points nowhere (not in knowledge/data/municipalities.yaml)`);
    m.areas.forEach((a) => pointsTo(where, 'area', a, areas, 'employment area'));
    cites(where, m.sources);
    if (m.status === 'confirmed' && (m.areas.length !== 1 || m.sources.length < 2))
      problems.add(`${where}: "confirmed" needs exactly one area and at least two sources`);
    if (m.status === 'unconfirmed' && m.areas.length !== 1)
      problems.add(`${where}: "unconfirmed" names the one likely area`);
    if (m.status === 'disputed' && m.areas.length < 2)
      problems.add(`${where}: "disputed" names the areas the sources disagree on`);
  });
  for (const mId of providerOfMunicipality.keys()) {
    if (!members.has(mId))
      problems.add(
        `employmentAreaMembers: municipality "${mId}" is missing (say "unconfirmed" when the sources do not tell)`,
      );
  }
  for (const [dateId, dated] of Object.entries(data.dates)) {
    if (dated.servicePointId)
      pointsTo(`dates.${dateId}`, 'servicePointId', dated.servicePointId, points, 'service point');
  }
  pointsTo('infoSession', 'invitationContactId', data.infoSession.invitationContactId, contacts, 'contact');
  pointsTo('infoSession', 'providerId', data.infoSession.providerId, providers, 'provider');

  // Every pilot needs its own youth and immigrant points.
  for (const p of data.providers.filter((x) => x.kind === 'pilot')) {
    for (const audience of ['youth', 'immigrants'] as const) {
      if (!data.servicePoints.some((sp) => sp.providerId === p.id && sp.audience === audience)) {
        problems.add(`servicePoints: provider "${p.id}" has no point for ${audience}`);
      }
    }
  }

  // A statement on later public texts names texts that exist.
  for (const [sid, st] of Object.entries(data.statements))
    if (st.provenance.source === 'publications') cites(`statements.${sid}`, st.provenance.ids);

  // A template must use the same placeholders in every language.
  const textGroups = {
    reasons: data.reasons,
    pastReasons: data.pastReasons,
    notices: data.notices,
    topics: data.topics,
    today: data.today,
    questions: data.questions,
    questionsPast: data.questionsPast,
    conversation: data.conversation,
    page: data.page,
  } as Record<string, Record<string, Localized>>;
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
  // Every reason, topic answer and sentence of today's answer rests on a statement with a source.
  const said = { reasons: new Set<string>(), topics: new Set<string>(), today: new Set<string>() };
  for (const st of Object.values(data.statements)) {
    st.reasons?.forEach((r) => said.reasons.add(r));
    st.topics?.forEach((t) => said.topics.add(t));
    st.today?.forEach((t) => said.today.add(t));
  }
  for (const group of ['reasons', 'topics', 'today'] as const) {
    for (const textId of Object.keys(data[group])) {
      if (!said[group].has(textId))
        problems.add(`${group}.${textId}: rests on no statement (add it to a statement's ${group} in statements.yaml)`);
    }
  }
  problems.throwIfAny();

  return { providerOfMunicipality, ownPoint };
}
