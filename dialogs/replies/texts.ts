import type { Lang, Localized } from '../../knowledge';

// Every word the bot says, in Finnish, Swedish and English: ONE table, so a missing
// translation is a compile error here and a failing test (test/bot/texts.test.ts).
// No facts in this file: names, addresses, phone numbers and dates come from knowledge/
// and are passed in as arguments.

export const texts = {
  // --- greeting ---
  greeting: {
    fi: 'Hei! Olen botti, en ihminen. Kerron, mikä työllisyyspalvelu Etelä-Savossa kuuluu sinulle, missä sen palvelupiste on ja keneen voit ottaa yhteyttä. Vastaan kotikunnan, iän ja työttömyysetuuden perusteella. Ohjaan vain: lopullisen päätöksen tekevät viranomaiset. Älä kirjoita henkilötunnustasi.',
    sv: 'Hej! Jag är en bot, inte en människa. Jag berättar vilken sysselsättningstjänst i Södra Savolax som gäller dig, var dess servicepunkt finns och vem du kan kontakta. Jag svarar utifrån din hemkommun, ålder och arbetslöshetsförmån. Jag ger bara vägledning: det slutliga beslutet fattas av myndigheterna. Skriv inte din personbeteckning.',
    en: "Hi! I am a bot, not a person. I tell you which employment service in Etelä-Savo is yours, where its service point is and whom to contact. I answer from your home municipality, age and unemployment benefit. I only guide you: the authorities make the final decision. Please do not type your personal identity code.",
  },
  chooseLanguage: {
    fi: 'Voit vaihtaa kieltä:',
    sv: 'Du kan byta språk:',
    en: 'You can change the language:',
  },
  startHint: {
    fi: 'Kerro, mikä on kotikuntasi – tai kirjoita kaikki kerralla, esimerkiksi "{example}, 27 vuotta, työmarkkinatuki".',
    sv: 'Berätta vilken din hemkommun är – eller skriv allt på en gång, till exempel "{example}, 27 år, arbetsmarknadsstöd".',
    en: 'Tell me your home municipality – or write everything at once, for example "{example}, 27 years old, labour market subsidy".',
  },


  // The questions themselves are the knowledge's (facts.texts.questions), one per slot.

  // --- re-asks with an example (after a misunderstood answer) ---
  reaskMunicipality: {
    fi: 'En tunnistanut kuntaa. Kirjoita kotikuntasi nimi, esimerkiksi "{example}".',
    sv: 'Jag kände inte igen kommunen. Skriv namnet på din hemkommun, till exempel "{example}".',
    en: 'I did not recognise the municipality. Please write the name of your home municipality, for example "{example}".',
  },
  reaskAge: {
    fi: 'En ymmärtänyt ikääsi. Kirjoita ikäsi numeroina, esimerkiksi "27".',
    sv: 'Jag förstod inte din ålder. Skriv din ålder med siffror, till exempel "27".',
    en: 'I did not understand your age. Please write it as a number, for example "27".',
  },
  reaskBenefit: {
    fi: 'En ymmärtänyt etuutta. Valitse painikkeesta tai kirjoita esimerkiksi "työmarkkinatuki". Jos et tiedä, valitse "En tiedä".',
    sv: 'Jag förstod inte förmånen. Välj en knapp eller skriv till exempel "arbetsmarknadsstöd". Om du inte vet, välj "Vet inte".',
    en: 'I did not understand the benefit. Choose a button or write, for example, "labour market subsidy". If you are not sure, choose "Don\'t know".',
  },
  reaskImmigrant: {
    fi: 'Vastaa "kyllä" tai "ei".',
    sv: 'Svara "ja" eller "nej".',
    en: 'Please answer "yes" or "no".',
  },
  municipalityAmbiguous: {
    fi: 'Tarkoititko jotakin näistä kunnista?',
    sv: 'Menade du någon av dessa kommuner?',
    en: 'Did you mean one of these municipalities?',
  },
  giveUp: {
    fi: 'Valitettavasti en ymmärtänyt. Voit soittaa: {role}, {phone}. Tai aloita alusta.',
    sv: 'Tyvärr förstod jag inte. Du kan ringa: {role}, {phone}. Eller börja om.',
    en: 'Sorry, I did not understand. You can call: {role}, {phone}. Or start again.',
  },
  // After the pilot the TE office's line is no place to send anyone: the notices say who serves now.
  giveUpAfterPilot: {
    fi: 'Valitettavasti en ymmärtänyt. {notices} Voit aloittaa alusta.',
    sv: 'Tyvärr förstod jag inte. {notices} Du kan börja om.',
    en: 'Sorry, I did not understand. {notices} You can start again.',
  },

  // --- explanations ---
  ageTooYoung: {
    fi: 'Ikä näyttää liian pieneltä työllisyyspalvelujen asiakkaalle. Tarkistatko sen?',
    sv: 'Åldern verkar för låg för en kund hos sysselsättningstjänsterna. Kan du kontrollera den?',
    en: 'That age seems too low for an employment services client. Could you check it?',
  },
  ageTooOld: {
    fi: 'Ikä näyttää liian suurelta. Tarkistatko sen?',
    sv: 'Åldern verkar för hög. Kan du kontrollera den?',
    en: 'That age seems too high. Could you check it?',
  },
  ageNegative: {
    fi: 'Ikä ei voi olla negatiivinen. Tarkistatko sen?',
    sv: 'Åldern kan inte vara negativ. Kan du kontrollera den?',
    en: 'An age cannot be negative. Could you check it?',
  },

  // --- the answer ---
  answerProvider: {
    fi: 'Sinun palvelusi on {provider}.',
    sv: 'Din tjänst är {provider}.',
    en: 'Your service is {provider}.',
  },
  answerProviderPilotPeriod: {
    fi: 'Kokeilukaudella {years} palvelusi oli {provider}.',
    sv: 'Under försöksperioden {years} var din tjänst {provider}.',
    en: 'During the pilot period, {years}, your service was {provider}.',
  },
  answerOutside: {
    fi: 'Tämä opas kattaa vain Etelä-Savon. Kotikuntasi {municipality} ei kuulu siihen. Ota yhteyttä oman kuntasi työllisyyspalveluihin.',
    sv: 'Den här guiden gäller bara Södra Savolax. Din hemkommun {municipality} hör inte dit. Kontakta sysselsättningstjänsterna i din egen kommun.',
    en: 'This guide covers Etelä-Savo only. Your home municipality, {municipality}, is not part of it. Please contact your own municipality\'s employment services.',
  },
  pointLine: {
    fi: 'Palvelupiste: {point}, {address}.',
    sv: 'Servicepunkt: {point}, {address}.',
    en: 'Service point: {point}, {address}.',
  },
  pointLinePilotPeriod: {
    fi: 'Palvelupiste oli {point}, {address}.',
    sv: 'Servicepunkten var {point}, {address}.',
    en: 'The service point was {point}, {address}.',
  },
  contactLine: {
    fi: 'Ota yhteyttä: {contact}.',
    sv: 'Kontakta: {contact}.',
    en: 'Contact: {contact}.',
  },
  finalDecision: {
    fi: 'Lopullisen päätöksen tekevät viranomaiset.',
    sv: 'Det slutliga beslutet fattas av myndigheterna.',
    en: 'The authorities make the final decision.',
  },
  // After the pilot period the card describes 2021–2024, and its title says so first.
  cardTitlePilotPeriod: {
    fi: 'Kokeilukausi {years}: {provider}',
    sv: 'Försöksperioden {years}: {provider}',
    en: 'Pilot period {years}: {provider}',
  },
  cardTitleOutside: {
    fi: 'Etelä-Savon ulkopuolella',
    sv: 'Utanför Södra Savolax',
    en: 'Outside Etelä-Savo',
  },
  cardServicePoints: { fi: 'Palvelupisteet', sv: 'Servicepunkter', en: 'Service points' },
  cardServicePointsPilotPeriod: {
    fi: 'Palvelupisteet kokeilukaudella',
    sv: 'Servicepunkter under försöksperioden',
    en: 'Service points during the pilot period',
  },
  cardContact: { fi: 'Yhteystiedot', sv: 'Kontaktuppgifter', en: 'Contact' },
  cardContactPilotPeriod: {
    fi: 'Yhteystiedot kokeilukaudella',
    sv: 'Kontaktuppgifter under försöksperioden',
    en: 'Contact during the pilot period',
  },
  cardWhy: { fi: 'Miksi', sv: 'Varför', en: 'Why' },
  cardNotices: { fi: 'Huomaa', sv: 'Observera', en: 'Please note' },
  cardMap: { fi: 'Kartta: {name}', sv: 'Karta: {name}', en: 'Map: {name}' },
  // The announcement by its own (Finnish) headline; it names no publisher, so neither do we.
  cardSource: {
    fi: 'Lähde: tiedote ”{headline}”, {date}',
    sv: 'Källa: meddelandet ”{headline}” (på finska), {date}',
    en: 'Source: the announcement “{headline}” (in Finnish), {date}',
  },
  cardPhone: { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' },
  // A line that no longer answers: its number is history, written as plain text.
  cardPhoneClosed: {
    fi: 'Puhelin (ei käytössä {date} alkaen)',
    sv: 'Telefon (ur bruk sedan {date})',
    en: 'Phone (out of use since {date})',
  },
  cardEmail: { fi: 'Sähköposti', sv: 'E-post', en: 'E-mail' },
  audienceYouth: { fi: 'nuorille', sv: 'för unga', en: 'for young people' },
  audienceImmigrants: { fi: 'maahanmuuttajille', sv: 'för invandrare', en: 'for immigrants' },

  // --- after the answer ---
  askHelpful: {
    fi: 'Oliko tästä apua?',
    sv: 'Var det här till hjälp?',
    en: 'Was this helpful?',
  },
  thanksFeedback: {
    fi: 'Kiitos palautteesta!',
    sv: 'Tack för din respons!',
    en: 'Thank you for the feedback!',
  },
  anythingElse: {
    fi: 'Voit aloittaa alusta milloin tahansa.',
    sv: 'Du kan börja om när som helst.',
    en: 'You can start again at any time.',
  },

  // --- interruptions ---
  help: {
    fi: 'Kerron, mikä Etelä-Savon työllisyyspalvelu kuuluu sinulle. Tarvitsen kotikuntasi ja tarvittaessa ikäsi ja työttömyysetuutesi. Voit kirjoittaa milloin tahansa: "alusta" (aloita alusta), "lopeta", "poista tietoni" tai kielen nimen (suomeksi, på svenska, in English). Voit myös kysyä omavalmentajasta, kokeilun ajoista tai työnantajan palveluista.',
    sv: 'Jag berättar vilken sysselsättningstjänst i Södra Savolax som gäller dig. Jag behöver din hemkommun och vid behov din ålder och arbetslöshetsförmån. Du kan när som helst skriva: "börja om", "avbryt", "radera mina uppgifter" eller ett språk (suomeksi, på svenska, in English). Du kan också fråga om egen coach, försökets tider eller tjänster för arbetsgivare.',
    en: 'I tell you which employment service in Etelä-Savo is yours. I need your home municipality and, when it matters, your age and unemployment benefit. At any time you can write: "start again", "cancel", "delete my data" or a language (suomeksi, på svenska, in English). You can also ask about the personal coach, the pilot dates or services for employers.',
  },
  restarted: {
    fi: 'Aloitetaan alusta.',
    sv: 'Vi börjar om.',
    en: "Let's start again.",
  },
  cancelled: {
    fi: 'Selvä, lopetin. Kirjoita jotain, kun haluat aloittaa uudelleen.',
    sv: 'Okej, jag avbröt. Skriv något när du vill börja om.',
    en: 'All right, I stopped. Write anything when you want to start again.',
  },
  languageSwitched: {
    fi: 'Selvä, jatketaan suomeksi.',
    sv: 'Okej, vi fortsätter på svenska.',
    en: "All right, let's continue in English.",
  },
  dataDeleted: {
    fi: 'Poistin kaikki tästä keskustelusta tallennetut tietosi. Voit aloittaa alusta milloin tahansa.',
    sv: 'Jag raderade alla uppgifter som sparats om dig i det här samtalet. Du kan börja om när som helst.',
    en: 'I deleted everything stored about you in this conversation. You can start again at any time.',
  },
  teamsGroupChatHint: {
    fi: 'Ryhmäkeskustelussa vastaan vain, kun mainitset minut: kirjoita @ ja nimeni viestin alkuun. Muut keskustelijat näkevät, mitä kirjoitat. Henkilökohtaisista asioista keskustele kanssani kahden kesken.',
    sv: 'I en gruppchatt svarar jag bara när du nämner mig: skriv @ och mitt namn först i meddelandet. De andra i chatten ser vad du skriver. Personliga frågor kan du ta med mig i en egen chatt.',
    en: 'In a group chat I answer only when you mention me: type @ and my name at the start of your message. Everyone in the chat sees what you write. For personal matters, chat with me one to one.',
  },
  identityCodeWarning: {
    fi: 'Viestissäsi näyttää olevan henkilötunnus. En tarvitse sitä enkä tallenna sitä, joten älä kirjoita sitä tänne. Jatketaan ilman sitä.',
    sv: 'Ditt meddelande verkar innehålla en personbeteckning. Jag behöver den inte och sparar den inte, så skriv den inte här. Vi fortsätter utan den.',
    en: "Your message seems to contain a personal identity code. I do not need it and I do not store it, so please do not type it here. Let's continue without it.",
  },
  turnError: {
    fi: 'Pahoittelen, jokin meni vikaan. Aloitetaan alusta: mikä on kotikuntasi?',
    sv: 'Förlåt, något gick fel. Vi börjar om: vilken är din hemkommun?',
    en: "Sorry, something went wrong. Let's start again: what is your home municipality?",
  },

  // --- buttons ---
  buttonYes: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
  buttonNo: { fi: 'Ei', sv: 'Nej', en: 'No' },
  buttonStartAgain: { fi: 'Aloita alusta', sv: 'Börja om', en: 'Start again' },
  benefitUnknown: { fi: 'En tiedä', sv: 'Vet inte', en: "Don't know" },
} satisfies Record<string, Localized>;

export type TextKey = keyof typeof texts;

/** The text `key` in `lang`, with `{name}` placeholders filled from `args`. */
export function t(key: TextKey, lang: Lang, args?: Record<string, string | number>): string {
  const text: string = texts[key][lang];
  if (!args || !text.includes('{')) return text; // most texts have no placeholder: no regex a turn
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** The language buttons show each language in its own name, the same in every language. */
export const languageNames: Localized = { fi: 'Suomi', sv: 'Svenska', en: 'English' };
