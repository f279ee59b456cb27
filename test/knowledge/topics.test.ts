// Topic answers: built from the data, right for the date, in all three languages.
import { facts } from '../../knowledge/facts';
import { formatNumber } from '../../knowledge/format';
import { answerTopic, TOPICS } from '../../knowledge/topics';
import { formatDate } from '../../knowledge/wording';
import { LANGS } from '../../knowledge/types';

const BEFORE = new Date('2021-02-10T12:00:00+02:00');
const DURING = new Date('2022-05-01T12:00:00+03:00');
const AFTER = new Date('2026-11-28T12:00:00+02:00');

test.each(TOPICS.flatMap((t) => [BEFORE, DURING, AFTER].map((d) => [t, d.toISOString().slice(0, 10), d] as const)))(
  '%s on %s is complete in every language',
  (topic, _day, on) => {
    const answer = answerTopic(topic, on);
    for (const lang of LANGS) {
      expect(answer[lang].length).toBeGreaterThan(40);
      expect(answer[lang]).not.toMatch(/[{}]/);
    }
  },
);

test('employer: the TE office employer line for the whole region, and the pilots’ vacancy role', () => {
  const a = answerTopic('employer', DURING);
  for (const lang of LANGS) expect(a[lang]).toContain(facts.contacts.teEmployers.phone);
  expect(a.fi).toMatch(/avoimista työpaikoista/);
});

test('coach: the omavalmentaja and the Savonlinna figures', () => {
  const a = answerTopic('coach', DURING);
  for (const id of [
    'savonlinnaCoaches',
    'savonlinnaCoachesFromTe',
    'savonlinnaCoachesFromCity',
    'maxClientsPerCoach',
  ] as const) {
    expect(a.en).toContain(formatNumber(facts.figures[id].value, 'en'));
  }
  expect(a.fi).toContain('omavalmentaja');
});

test('pilotDates: future tense before the start, the extension afterwards', () => {
  const before = answerTopic('pilotDates', BEFORE);
  expect(before.fi).toContain(formatDate(facts.dates.pilotStart.date, 'fi'));
  expect(before.fi).toContain(formatDate(facts.dates.plannedEnd.date, 'fi'));
  expect(before.fi).not.toContain(formatDate(facts.dates.actualEnd.date, 'fi'));
  const during = answerTopic('pilotDates', DURING);
  for (const lang of LANGS) expect(during[lang]).toContain(formatDate(facts.dates.actualEnd.date, lang));
});

test('whoMoved: the client groups, both age limits and the TE-only towns', () => {
  const a = answerTopic('whoMoved', DURING);
  expect(a.en).toContain(formatNumber(facts.figures.mikkeliClients.value, 'en'));
  expect(a.en).toContain(formatNumber(facts.figures.savonlinnaClients.value, 'en'));
  expect(a.en).toContain(String(facts.figures.youthAgeLimit.value));
  expect(a.en).toContain(String(facts.figures.youthAgeLimitAnnounced.value));
  for (const id of facts.providers.teOffice.municipalityIds) expect(a.fi).toContain(facts.municipalities[id].fi);
  expect(a.sv).toContain(facts.municipalities.mikkeli.sv);
});

test('clientCounts: every count of the announcement', () => {
  const a = answerTopic('clientCounts', DURING);
  const counted = [
    'mikkeliClients',
    'mikkeliTeam',
    'mikkeliTransferredStaff',
    'savonlinnaClients',
    'savonlinnaCoaches',
    'savonlinnaOtherTeStaff',
    'savonlinnaOtherCityStaff',
    'nationalAreas',
    'nationalMunicipalities',
  ] as const;
  for (const lang of LANGS)
    for (const id of counted) expect(a[lang]).toContain(formatNumber(facts.figures[id].value, lang));
});

test('infoSession: when, where and who invites; told as past once it is over', () => {
  const inviter = facts.contacts[facts.infoSession.invitationContactId];
  const before = answerTopic('infoSession', BEFORE);
  for (const lang of LANGS) {
    expect(before[lang]).toContain(formatDate(facts.dates.infoSession.date, lang));
    expect(before[lang]).toContain(facts.infoSession.place);
    expect(before[lang]).toContain(inviter.email);
  }
  const onTheDay = answerTopic('infoSession', new Date(`${facts.dates.infoSession.date}T08:00:00+02:00`));
  const after = answerTopic('infoSession', DURING);
  expect(onTheDay.en).toBe(before.en);
  expect(after.en).not.toBe(before.en);
  expect(after.en).toContain(inviter.email);
});

test('after the pilot period the dates answer tells the end plainly, once', () => {
  const a = answerTopic('pilotDates', AFTER);
  for (const lang of LANGS) {
    expect(a[lang].split(formatDate(facts.dates.actualEnd.date, lang))).toHaveLength(2);
    expect(a[lang]).toContain(formatDate(facts.dates.teOfficesEnded.date, lang));
    expect(a[lang]).toContain(formatDate(facts.dates.pilotStart.date, lang));
  }
});

test('after the pilot period the employer answer gives no number of a line that closed, and says who serves now', () => {
  const closed = Object.values(facts.contacts).filter((c) => c.phone && facts.providers[c.providerId].ceasedOn);
  const lastPilotDay = new Date(`${facts.dates.actualEnd.date}T12:00:00+02:00`);
  const firstDayAfter = new Date(`${facts.dates.teOfficesEnded.date}T12:00:00+02:00`);
  const before = answerTopic('employer', lastPilotDay);
  const after = answerTopic('employer', firstDayAfter);
  for (const lang of LANGS) {
    expect(before[lang]).toContain(facts.contacts.teEmployers.phone);
    for (const c of closed) expect(after[lang]).not.toContain(c.phone);
    expect(after[lang]).toContain(formatDate(facts.dates.teOfficesEnded.date, lang));
  }
});

test('the info session time is written the Finnish way in Finnish and Swedish ("klo 9.00–11.00"), and with a colon in English', () => {
  const a = answerTopic('infoSession', BEFORE);
  const [h, m] = facts.infoSession.startTime.split(':');
  const [eh, em] = facts.infoSession.endTime.split(':');
  expect(a.fi).toContain(`klo ${Number(h)}.${m}–${Number(eh)}.${em}`);
  expect(a.sv).toContain(`kl. ${Number(h)}.${m}–${Number(eh)}.${em}`);
  expect(a.en).toContain(`${Number(h)}:${m}–${Number(eh)}:${em}`);
  for (const lang of LANGS) expect(a[lang]).not.toContain(facts.infoSession.startTime.padStart(5, '0'));
});

test('after the pilot period every other answer first says that the arrangement has ended', () => {
  // The dates, employer, TE office and director answers tell the end in their own words.
  const ownWords = ['pilotDates', 'employer', 'teReplaced', 'director'];
  for (const topic of TOPICS.filter((t) => !ownWords.includes(t))) {
    const a = answerTopic(topic, AFTER);
    const during = answerTopic(topic, DURING);
    for (const lang of LANGS) {
      expect(a[lang]).toContain(formatDate(facts.dates.actualEnd.date, lang));
      expect(a[lang]).toContain(formatDate(facts.dates.teOfficesEnded.date, lang));
      expect(a[lang].endsWith(during[lang])).toBe(true);
    }
  }
});
