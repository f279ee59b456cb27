// Every text of the knowledge exists in Finnish, Swedish and English, and is not empty.
import { facts } from '../../knowledge/facts';
import { LANGS } from '../../knowledge/types';

function localizedIn(node: unknown, where: string): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return [];
  const keys = Object.keys(node);
  if (keys.includes('fi') || keys.includes('sv') || keys.includes('en'))
    return [[where, node as Record<string, unknown>]];
  return Object.entries(node).flatMap(([k, v]) => localizedIn(v, `${where}.${k}`));
}

// Employment areas are proper names: Finnish, and Swedish only where an official Swedish name exists.
const all = localizedIn({ ...facts, municipalities: {}, employmentAreas: [] }, 'facts');

test('there are texts to check (names, roles, reasons, notices, topics, questions)', () => {
  const where = all.map(([w]) => w).join(' ');
  for (const part of [
    'facts.providers.',
    'facts.servicePoints.',
    'facts.contacts.',
    'facts.texts.reasons.',
    'facts.texts.notices.',
    'facts.texts.topics.',
    'facts.texts.questions.',
    'facts.texts.pastReasons.',
  ]) {
    expect(where).toContain(part);
  }
});

test.each(all)('%s has all three languages, none empty', (_where, text) => {
  expect(Object.keys(text).sort()).toEqual([...LANGS].sort());
  for (const lang of LANGS)
    expect(typeof text[lang] === 'string' && (text[lang] as string).trim().length > 0).toBe(true);
});

test('texts are different across languages where they are sentences', () => {
  for (const [where, text] of all.filter(
    ([w]) => w.startsWith('facts.texts.reasons') || w.startsWith('facts.texts.notices'),
  )) {
    expect([where, text.fi]).not.toEqual([where, text.en]);
  }
});
