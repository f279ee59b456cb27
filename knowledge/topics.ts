// Answers to questions about the pilots, built from the data (texts.yaml → topics) and
// aware of the date: before, during or after the pilot period.
import { facts } from './facts';
import { finnishDate, lineClosedOn, periodOn } from './rules';
import { say } from './wording';
import type { Localized, Topic } from './types';
import type { TopicTextId } from './schema';

export const TOPICS: readonly Topic[] = [
  'employer',
  'coach',
  'pilotDates',
  'whoMoved',
  'clientCounts',
  'infoSession',
  'teReplaced',
  'director',
];

/** Answers after the pilot period that tell the end themselves (no "the pilots have ended" before them). */
const TELL_THE_END: ReadonlySet<TopicTextId> = new Set([
  'pilotDatesAfter',
  'employerAfter',
  'teReplaced',
  'directorPast',
]);

export function answerTopic(topic: Topic, on: Date): Localized {
  const period = periodOn(on);
  const templateId = templateFor(topic, on);
  const answer = say(facts.texts.topics[templateId]);
  if (period !== 'afterPilot' || TELL_THE_END.has(templateId)) return answer;
  // After the pilot period every answer first says that the arrangement has ended.
  const ended = say(facts.texts.topics.afterPilot);
  return { fi: `${ended.fi} ${answer.fi}`, sv: `${ended.sv} ${answer.sv}`, en: `${ended.en} ${answer.en}` };
}

function templateFor(topic: Topic, on: Date): TopicTextId {
  const day = finnishDate(on);
  if (topic === 'pilotDates' && day < facts.dates.pilotStart.date) return 'pilotDatesBefore';
  if (topic === 'pilotDates' && day > facts.dates.actualEnd.date) return 'pilotDatesAfter';
  // Once the TE office has ceased, its employer line is no number to give.
  if (topic === 'employer' && lineClosedOn(facts.contacts.teEmployers, on)) return 'employerAfter';
  // The session is "past" from the day after it.
  if (topic === 'infoSession' && day > facts.dates.infoSession.date) return 'infoSessionPast';
  const after = periodOn(on) === 'afterPilot';
  if (topic === 'teReplaced') return after ? 'teReplaced' : 'teReplacedBefore';
  // The leads' roles ended with the pilots and the TE office: after that, history with no contact.
  if (topic === 'director') return lineClosedOn(facts.contacts.makkula, on) ? 'directorPast' : 'director';
  return topic;
}
