import { facts, formerMunicipalitiesById, municipalityName } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { answerCardOf, cardText, locales, makeBot, Talk, texts } from './helpers';

// A person who names the municipality they grew up with ("Ristiina", "Kristina", "Kerimäki") is
// answered for the municipality it is part of now, and is told so, so the reading is visible.

/** Former municipalities with a merger year, each with the one municipality it is part of now. */
const named = [...formerMunicipalitiesById].flatMap(([id, list]) =>
  list.filter((f) => f.year).map((f) => ({ id, ...f })),
);
const formers = named.filter((f) => named.filter((g) => g.fi === f.fi).length === 1);

describe.each(locales())('in %s', (lang, locale) => {
  test.each(formers.map((f) => [f.fi, f] as const))(
    "a former municipality, %s, is answered for today's and the note says which it is",
    async (_name, former) => {
      const talk = new Talk(makeBot().bot, locale);
      const { id } = former;
      const typed = lang === 'sv' && former.sv ? former.sv : former.fi;
      const replies = await talk.say(typed);
      const municipality = municipalityName(facts.municipalities[id], lang);
      expect(texts(replies)).toContain(
        t('formerMunicipality', lang, { former: typed, municipality, year: former.year ?? '' }),
      );
      // Today's municipality's question follows (or its answer): the guide went on with it.
      const card = answerCardOf(replies);
      if (card) expect(cardText(card)).toContain(municipality);
    },
  );
});

test('the note is said once: the next answer does not repeat it', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  const note = t('formerMunicipality', 'fi', { former: 'Ristiina', municipality: 'Mikkeli', year: 2013 });
  expect(texts(await talk.say('asun Ristiinassa'))).toContain(note);
  expect(texts(await talk.say('45'))).not.toContain(note);
});
