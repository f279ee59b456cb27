// Messages as people write them, through the understanding and the routing rules: the provider a
// caseworker would name. Each case names its category; the expected provider follows the rules
// (domain.md), and the facts are read from the knowledge, never retyped.
import { decide, understand, type Person, type ProviderId, type Understanding } from '../../knowledge';

const PILOT_DAY = new Date('2022-05-01T12:00:00+03:00');

function personOf(u: Understanding): Person {
  const p: Person = {};
  if (u.municipality?.kind === 'match') p.municipalityId = u.municipality.id;
  if (u.age !== undefined) p.age = u.age;
  if (u.benefit !== undefined && u.benefit !== 'unknown') p.benefit = u.benefit;
  if (u.immigrant !== undefined) p.immigrant = u.immigrant;
  if (u.employed !== undefined) p.employed = u.employed;
  return p;
}

const route = (text: string): ProviderId | 'outside' | 'needMore' => {
  const g = decide(personOf(understand(text)), PILOT_DAY);
  return g.outcome === 'provider' ? g.provider!.id : g.outcome;
};

describe('subsidised work is not the open labour market: the pilot rules apply', () => {
  it.each([
    'olen palkkatuella töissä Juvalla, 45v, saan työmarkkinatukea',
    'asun Mikkelissä, 50 vuotta, palkkatukityössä, kela',
    'jag bor i S:t Michel, 45 år, jobbar med lönesubvention, FPA',
    "I live in Juva, I'm 45, I'm in subsidised work and get labour market subsidy",
    'Savonlinna 40v työkokeilussa, ei tukea',
  ])('%s → the pilot', (text) => {
    expect(route(text)).toMatch(/Pilot$/);
  });

  it.each([
    'olen töissä Juvalla, 45v, saan työmarkkinatukea',
    'jag bor i S:t Michel, 45 år, jag har fast jobb',
    "I live in Juva, I'm 45 and I work full time",
  ])('%s → the TE office (open labour market)', (text) => {
    expect(route(text)).toBe('teOffice');
  });

  it('subsidised work on earnings-related allowance at 45, no immigrant: rule 3 decides (the TE office)', () => {
    expect(route('olen palkkatuella töissä Mikkelissä, 45v, ansiopäiväraha, äidinkieli suomi')).toBe('teOffice');
  });
});

describe('former municipalities route as today’s', () => {
  it.each([
    ['asun Kerimäellä, 25v', 'savonlinnaPilot'],
    ['bor i Säminge, 25 år', 'savonlinnaPilot'],
    ['bor i Kristina, 45 år, får från FPA', 'mikkeliPilot'],
    ['I live in Haukivuori, 40, Kela', 'mikkeliPilot'],
    ['asun Virtasalmella, 25', 'teOffice'],
    ['Jäppilä 50v ansiosidonnainen', 'teOffice'],
    ['asun Joroisissa, 25', 'outside'],
    ['jag bor i Heinävesi', 'outside'],
  ])('%s → %s', (text, provider) => {
    expect(route(text)).toBe(provider);
  });
});

describe('the benefit by who pays it', () => {
  it.each([
    ['Mikkeli 45 liiton päiväraha, olen suomalainen', 'teOffice'],
    ['Mikkeli 45, rahat tulee kassasta, äidinkieli suomi', 'teOffice'],
    ['S:t Michel 45 år, a-kassa, inte invandrare', 'teOffice'],
    ["Mikkeli, I'm 45, from the union fund, I'm Finnish", 'teOffice'],
    ['Mikkeli 45 kelasta', 'mikkeliPilot'],
    ['Mikkeli 45 år, FPA', 'mikkeliPilot'],
    ["Mikkeli, I'm 45, from Kela", 'mikkeliPilot'],
    ['Mikkeli 45 enkä saa mitään tukea', 'mikkeliPilot'],
    ['S:t Michel 45 år, ingen förmån', 'mikkeliPilot'],
    ["Mikkeli, I'm 45, I don't get anything", 'mikkeliPilot'],
    // Only the immigrant question is left when the fund pays a person of 30 or more.
    ['Mikkeli 45 liiton päiväraha', 'needMore'],
  ])('%s → %s', (text, provider) => {
    expect(route(text)).toBe(provider);
  });
});

describe('the mother tongue, named before or after the word', () => {
  it.each([
    ['Mikkeli 45 ansiopäiväraha, venäjä äidinkieli', 'mikkeliPilot'],
    ['Mikkeli 45 ansiopäiväraha, äidinkieli on venäjä', 'mikkeliPilot'],
    ['Mikkeli 45 ansiopäiväraha, suomi äidinkieli', 'teOffice'],
    ['S:t Michel, 45 år, a-kassa, ryska är mitt modersmål', 'mikkeliPilot'],
    ['S:t Michel, 45 år, a-kassa, modersmål svenska', 'teOffice'],
    ["Mikkeli, I'm 45, earnings-related, Russian is my mother tongue", 'mikkeliPilot'],
    ["Mikkeli, I'm 45, earnings-related, mother tongue Finnish", 'teOffice'],
  ])('%s → %s', (text, provider) => {
    expect(route(text)).toBe(provider);
  });
});

describe('employer questions carry no jobseeker facts', () => {
  it.each([
    'Jag är arbetsgivare i Mikkeli, vem ska jag kontakta?',
    'Olen työnantaja Savonlinnassa',
    "I'm an employer in Mikkeli, who do I contact?",
  ])('%s', (text) => {
    const u = understand(text);
    expect(u.topic).toBe('employer');
    expect(personOf(u)).toEqual({});
  });
});
