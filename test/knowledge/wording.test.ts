// say(): the precompiled, cached template filling gives exactly what format.fill gives, calls the
// value function only for a sentence not said before, and still names a missing placeholder.
import { facts } from '../../knowledge/facts';
import { fillLocalized, placeholders } from '../../knowledge/format';
import { commonValues, say } from '../../knowledge/wording';
import type { Lang, Localized } from '../../knowledge/types';

const templates: Array<[string, Localized]> = [
  ...Object.entries(facts.texts.reasons).map(([id, t]) => [`reason ${id}`, t] as [string, Localized]),
  ...Object.entries(facts.texts.notices).map(([id, t]) => [`notice ${id}`, t] as [string, Localized]),
  ...Object.entries(facts.texts.topics).map(([id, t]) => [`topic ${id}`, t] as [string, Localized]),
];

/** A distinct value for every placeholder the template uses that no common value fills. */
function valuesFor(template: Localized) {
  return (lang: Lang) => {
    const out: Record<string, string> = {};
    for (const key of placeholders(template[lang]))
      if (commonValues(lang)[key] === undefined) out[key] = `<${key} ${lang}>`;
    return out;
  };
}

test.each(templates)('%s: say() fills it as format.fill does', (_name, template) => {
  const extra = valuesFor(template);
  const expected = fillLocalized(template, (lang) => ({ ...commonValues(lang), ...extra(lang) }));
  expect(say(template, extra, 'test-key')).toEqual(expected);
});

test('a sentence said before under the same key is the same object, and its values are not computed again', () => {
  const template = facts.texts.reasons.pilotMunicipality;
  const extra = jest.fn(valuesFor(template));
  const first = say(template, extra, 'wording-test|mikkeliPilot');
  const calls = extra.mock.calls.length;
  expect(calls).toBeGreaterThan(0);
  expect(say(template, extra, 'wording-test|mikkeliPilot')).toBe(first);
  expect(extra.mock.calls.length).toBe(calls);
  expect(Object.isFrozen(first)).toBe(true);
});

test('different keys give different sentences when the values differ', () => {
  const template = facts.texts.reasons.pilotMunicipality;
  const a = say(template, () => ({ municipality: 'A', provider: 'P' }), 'wording-test|a');
  const b = say(template, () => ({ municipality: 'B', provider: 'P' }), 'wording-test|b');
  expect(a.fi).not.toEqual(b.fi);
});

test('a placeholder without a value still throws and names it', () => {
  const template = { fi: 'Hei {nobody}', sv: 'Hej {nobody}', en: 'Hi {nobody}' };
  expect(() => say(template)).toThrow(/\{nobody\}/);
});
