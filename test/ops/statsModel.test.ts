import { LANGS } from '../../knowledge';
import { ATTRIBUTE_VALUES, METRIC, MIN_SHOWN } from '../../src/metrics';
import type { DayCount } from '../../src/metrics/dailyFigures';
import { shown, statsView } from '../../src/metrics/statsModel';
import { valueName, word } from '../../src/metrics/statsTexts';
import { statsPage } from '../../src/metrics/statsPage';

// What the /stats page shows of the daily counts: nothing from 1 to 4, no percentage that would
// give a hidden count back, and a name for every value in every language.

const DAYS = ['2025-03-01', '2025-03-02'];
const count = (name: string, attributes: Record<string, string>, value: number, day = DAYS[1]): DayCount => ({
  day,
  name,
  attributes,
  value,
});

test('counts of 1 to 4 are hidden, 0 and 5 or more are shown', () => {
  expect([0, 1, 4, MIN_SHOWN, 12].map(shown)).toEqual([0, null, null, MIN_SHOWN, 12]);
});

test('the page hides small cells, and every percentage built on one', () => {
  const view = statsView(
    [
      count(METRIC.answers, { period: 'today', service: 'mikkeliArea', lang: 'fi', channel: 'msteams' }, 7),
      count(METRIC.answers, { period: 'today', service: 'mikkeliArea', lang: 'sv', channel: 'msteams' }, 2, DAYS[0]),
      count(METRIC.answers, { period: 'today', service: 'savonlinnaArea', lang: 'fi', channel: 'directline' }, 3),
      count(METRIC.asked, { slot: 'municipality', lang: 'fi' }, 20),
      count(METRIC.notUnderstood, { slot: 'municipality', lang: 'fi' }, 3),
      count(METRIC.feedback, { period: 'today', service: 'mikkeliArea', helpful: 'yes' }, 9),
      count(METRIC.feedback, { period: 'today', service: 'mikkeliArea', helpful: 'no' }, 1),
    ],
    DAYS,
    'en',
  );
  expect(view.answers.rows.map((r) => r.cells)).toEqual([
    [null, 7],
    [0, null],
  ]);
  // 3 of 20 not understood: both the 3 and its percentage hidden.
  expect(view.questions.rows[0].cells).toEqual([20, null, null]);
  // 9 helpful, 1 not: the share would give the 1 back.
  expect(view.feedback.rows[0].cells).toEqual([9, null, null]);
  expect(JSON.stringify(view)).not.toMatch(/[^0-9.][1-4][^0-9.]/);
});

test.each(LANGS)('every value a figure may carry has a name on the page in %s', (lang) => {
  for (const attribute of ['channel', 'lang', 'period', 'service', 'slot', 'topic', 'reason', 'helpful'])
    for (const value of ATTRIBUTE_VALUES[attribute])
      expect({ attribute, value, name: valueName(attribute, value, lang).trim().length > 0 }).toEqual({
        attribute,
        value,
        name: true,
      });
});

test('a chart whose every count is hidden is not drawn: the page says why and keeps the table', () => {
  const view = statsView(
    [count(METRIC.answers, { period: 'today', service: 'mikkeliArea', lang: 'fi', channel: 'msteams' }, 2)],
    DAYS,
    'fi',
  );
  const html = statsPage(view, 'fi', DAYS.length);
  expect(html).toContain(word('allSuppressed', 'fi'));
  expect(html).not.toContain('data-chart="answers"');
  expect(html).toContain(`<td>${word('suppressed', 'fi')}</td>`);
});
