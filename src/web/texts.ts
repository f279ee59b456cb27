import type { Lang } from '../../knowledge';

// The web page's own words (not facts: every address and phone number comes from knowledge/).

export interface PageTexts {
  /** BCP 47 locale for Web Chat's own strings. */
  locale: string;
  title: string;
  lead: string;
  skipToChat: string;
  languages: string;
  privacyHeading: string;
  privacy: string;
  chatLabel: string;
  loading: string;
  failed: string;
  noScript: string;
  demoTitle: string;
  demoLead: string;
  /** Filled with the TE office's name from the knowledge. */
  demoPhoneHeading: (office: string) => string;
  /** After the TE offices closed: the same lines, as history. */
  demoClosedHeading: (office: string) => string;
  /** Filled with the day the TE offices closed, from the knowledge. */
  demoClosedNote: (date: string) => string;
  demoChatInstead: string;
  demoNote: string;
  widgetOpen: string;
  widgetClose: string;
}

export const PAGE_TEXTS: Record<Lang, PageTexts> = {
  fi: {
    locale: 'fi-FI',
    title: 'Etelä-Savon työnhakijan opas',
    lead: 'Kerro kotikuntasi, niin opas kertoo, mikä työllisyyspalvelu on sinun, missä palvelupisteesi on ja keneen voit ottaa yhteyttä.',
    skipToChat: 'Siirry keskusteluun',
    languages: 'Kieli',
    privacyHeading: 'Tietosuoja',
    privacy: 'Älä kirjoita nimeäsi, henkilötunnustasi tai muita henkilötietoja. Opas kysyy vain kotikuntaa, ikää ja työttömyysetuutta, jotta se voi neuvoa sinua. Tiedot poistat kirjoittamalla ”poista tietoni”. Opas neuvoo; lopullisen päätöksen tekee viranomainen.',
    chatLabel: 'Keskustelu oppaan kanssa',
    loading: 'Keskustelua avataan…',
    failed: 'Keskustelua ei juuri nyt saatu auki. Yritä hetken päästä uudelleen.',
    noScript: 'Keskustelu tarvitsee JavaScriptin.',
    demoTitle: 'Yhteystiedot',
    demoLead: 'Esimerkkisivu: tämä sivu näyttää, miten opas upotetaan yhteystietosivulle.',
    demoPhoneHeading: (office) => `Puhelinpalvelut: ${office}`,
    demoClosedHeading: (office) => `Suljetut puhelinnumerot: ${office}`,
    demoClosedNote: (date) => `Nämä numerot eivät ole enää käytössä: TE-toimistot lakkasivat ${date}. Kysy chatista, kuka palvelee sinua nyt.`,
    demoChatInstead: 'Kysy mieluummin chatissa',
    demoNote: 'Chat-painike on sivun oikeassa alakulmassa.',
    widgetOpen: 'Kysy oppaalta',
    widgetClose: 'Sulje keskustelu',
  },
  sv: {
    locale: 'sv-SE',
    title: 'Guide för arbetssökande i Södra Savolax',
    lead: 'Berätta vilken din hemkommun är, så berättar guiden vilken sysselsättningstjänst som är din, var ditt servicecenter finns och vem du kan kontakta.',
    skipToChat: 'Gå till chatten',
    languages: 'Språk',
    privacyHeading: 'Dataskydd',
    privacy: 'Skriv inte ditt namn, din personbeteckning eller andra personuppgifter. Guiden frågar bara om hemkommun, ålder och arbetslöshetsförmån för att kunna ge råd. Du raderar uppgifterna genom att skriva ”radera mina uppgifter”. Guiden ger råd; det slutliga beslutet fattar myndigheten.',
    chatLabel: 'Chatt med guiden',
    loading: 'Chatten öppnas…',
    failed: 'Chatten kunde inte öppnas just nu. Försök igen om en stund.',
    noScript: 'Chatten behöver JavaScript.',
    demoTitle: 'Kontaktuppgifter',
    demoLead: 'Exempelsida: den här sidan visar hur guiden bäddas in på en sida med kontaktuppgifter.',
    demoPhoneHeading: (office) => `Telefontjänster: ${office}`,
    demoClosedHeading: (office) => `Stängda telefonnummer: ${office}`,
    demoClosedNote: (date) => `De här numren används inte längre: TE-byråerna upphörde ${date}. Fråga i chatten vem som hjälper dig nu.`,
    demoChatInstead: 'Fråga hellre i chatten',
    demoNote: 'Chattknappen finns i sidans nedre högra hörn.',
    widgetOpen: 'Fråga guiden',
    widgetClose: 'Stäng chatten',
  },
  en: {
    locale: 'en-US',
    title: 'Etelä-Savo jobseeker guide',
    lead: 'Tell the guide your home municipality and it tells you which employment service is yours, where your service point is and whom to contact.',
    skipToChat: 'Skip to the chat',
    languages: 'Language',
    privacyHeading: 'Privacy',
    privacy: 'Do not write your name, personal identity code or other personal data. The guide asks only for your home municipality, age and unemployment benefit so that it can advise you. Delete them by writing “delete my data”. The guide advises; the final decision is the authorities’.',
    chatLabel: 'Chat with the guide',
    loading: 'Opening the chat…',
    failed: 'The chat could not be opened just now. Please try again in a moment.',
    noScript: 'The chat needs JavaScript.',
    demoTitle: 'Contact us',
    demoLead: 'Sample page: this page shows how the guide is embedded on a contact page.',
    demoPhoneHeading: (office) => `Phone lines: ${office}`,
    demoClosedHeading: (office) => `Closed phone lines: ${office}`,
    demoClosedNote: (date) => `These numbers are no longer in use: the TE offices closed on ${date}. Ask the chat who serves you now.`,
    demoChatInstead: 'Chat instead of calling',
    demoNote: 'The chat button is in the bottom right corner of the page.',
    widgetOpen: 'Ask the guide',
    widgetClose: 'Close the chat',
  },
};

/** The language to use: `?lang=` first, then the browser's Accept-Language, then Finnish. */
export function pickLang(queryLang: string | null | undefined, acceptLanguage: string | undefined): Lang {
  const known = (tag: string): Lang | undefined => {
    const base = tag.trim().toLowerCase().split('-')[0];
    return base === 'fi' || base === 'sv' || base === 'en' ? base : undefined;
  };
  const fromQuery = queryLang ? known(queryLang) : undefined;
  if (fromQuery) return fromQuery;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1, index };
    })
    .filter((x) => x.tag.trim() !== '' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const lang = known(tag);
    if (lang) return lang;
  }
  return 'fi';
}
