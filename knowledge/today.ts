// Today's answer, after the pilot period: the home municipality alone decides who serves a
// jobseeker (its employment area, Act 380/2023). Age, benefit and background no longer change who
// serves them; what the person says of their situation only adds what to do. A pure function of
// the person's facts and the day, like decide().
import { facts, type EmploymentArea } from './facts';
import { ageOn } from './ages';
import type { Municipality, Person, Situation, Slot } from './types';

/** A note that today's answer adds for what the person said of their situation or age. */
export type TodayNote = Situation | 'under17' | 'over65' | 'immigrant';

export interface TodayGuidance {
  /**
   * needMore: `missing` is ['municipality'];
   * area:     the municipality is in Etelä-Savo and `area` serves it;
   * outside:  the municipality is not in Etelä-Savo (`area` where a source names its area).
   */
  outcome: 'needMore' | 'area' | 'outside';
  missing: Slot[];
  municipality?: Municipality;
  /** The area serving the municipality (the likely one when `status` is unconfirmed). */
  area?: EmploymentArea;
  /** Every area the sources name, when they disagree. */
  disputedAreas?: EmploymentArea[];
  responsible?: Municipality;
  status?: 'confirmed' | 'unconfirmed' | 'disputed';
  /** Registering comes first: the person is not registered yet, or has just lost their job. */
  registerFirst: boolean;
  /** In the order they are said. */
  notes: TodayNote[];
}

/** Which notes the person's situation and age call for (nothing is asked for them). */
function notesFor(person: Person, on: Date): TodayNote[] {
  const notes: TodayNote[] = [];
  const said = new Set(person.situations ?? []);
  for (const s of ['entrepreneur', 'student', 'sickness'] as const) if (said.has(s)) notes.push(s);
  const age = ageOn(person, on);
  // The oldest the person can be decides "under 17"; the youngest "65 or older".
  if (age && age.max < 17) notes.push('under17');
  if (age && age.min >= 65) notes.push('over65');
  if (person.immigrant === true) notes.push('immigrant');
  return notes;
}

const areaById = new Map(facts.employmentAreas.map((a) => [a.id, a] as const));

/** Who serves the person now, what to do first, and the notes their situation calls for. */
export function decideToday(person: Person, on: Date): TodayGuidance {
  const said = new Set(person.situations ?? []);
  const base: TodayGuidance = {
    outcome: 'needMore',
    missing: [],
    registerFirst: said.has('notRegistered') || said.has('justUnemployed') || said.has('entrepreneur'),
    notes: notesFor(person, on),
  };
  const m = person.municipalityId !== undefined ? facts.municipalities[person.municipalityId] : undefined;
  if (!m) return { ...base, missing: ['municipality'] };

  const membership = facts.areaMembership[m.id];
  const outcome = m.area === 'outside' ? 'outside' : 'area';
  if (!membership) return { ...base, outcome, municipality: m };
  const areas = membership.areaIds.map((id) => areaById.get(id)!);
  const area = areas[0];
  return {
    ...base,
    outcome,
    municipality: m,
    area,
    responsible: facts.municipalities[area.responsibleMunicipalityId],
    status: membership.status,
    ...(membership.status === 'disputed' ? { disputedAreas: areas } : {}),
  };
}
