import { facts, type Lang } from '../../knowledge';

// The web page's own words, by key (not facts: every address and phone number comes from knowledge/).

export interface PageTexts {
  /** BCP 47 locale: the chat sends it with every message (the bot answers in its language). */
  locale: string;
  title: string;
  lead: string;
  /** After the pilot period: only the home municipality is needed. */
  leadToday: string;
  skipToChat: string;
  languages: string;
  privacyHeading: string;
  privacy: string;
  privacyToday: string;
  chatLabel: string;
  loading: string;
  failed: string;
  transcriptLabel: string;
  /** Read before each message by screen readers (visually hidden): who said it. */
  botSaid: string;
  youSaid: string;
  suggestedLabel: string;
  sendBoxLabel: string;
  send: string;
  notSent: string;
  retry: string;
  cardLoading: string;
  /** The conversation was dropped (idle too long) or its token expired. */
  ended: string;
  /** The button under a failure: loads the chat afresh. */
  reopen: string;
  cardFailed: string;
  noScript: string;
  demoTitle: string;
  demoLead: string;
  /** Filled with the TE office's name from the knowledge. */
  demoPhoneHeading: (office: string) => string;
  /** After the TE offices closed: the same lines, as history. */
  demoTodayHeading: string;
  /** Filled with the day the TE offices closed, from the knowledge. */
  demoRegister: (jobMarket: string) => string;
  demoChatInstead: string;
  demoNote: string;
  widgetOpen: string;
  widgetClose: string;
}

/** BCP 47 locales: Finland's Swedish is sv-FI. */
const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' };

// The words themselves live with every other word the guide says, in knowledge/data/page.yaml.
function word(key: string, lang: Lang): string {
  const text = facts.texts.page[key];
  if (!text) throw new Error(`knowledge/data/page.yaml: the page text "${key}" is missing`);
  return text[lang];
}

function pageTexts(lang: Lang): PageTexts {
  return {
    locale: LOCALES[lang],
    title: word('title', lang),
    lead: word('lead', lang),
    leadToday: word('leadToday', lang),
    skipToChat: word('skipToChat', lang),
    languages: word('languages', lang),
    privacyHeading: word('privacyHeading', lang),
    privacy: word('privacy', lang),
    privacyToday: word('privacyToday', lang),
    chatLabel: word('chatLabel', lang),
    loading: word('loading', lang),
    failed: word('failed', lang),
    transcriptLabel: word('transcriptLabel', lang),
    botSaid: word('botSaid', lang),
    youSaid: word('youSaid', lang),
    suggestedLabel: word('suggestedLabel', lang),
    sendBoxLabel: word('sendBoxLabel', lang),
    send: word('send', lang),
    notSent: word('notSent', lang),
    retry: word('retry', lang),
    cardLoading: word('cardLoading', lang),
    ended: word('ended', lang),
    reopen: word('reopen', lang),
    cardFailed: word('cardFailed', lang),
    noScript: word('noScript', lang),
    demoTitle: word('demoTitle', lang),
    demoLead: word('demoLead', lang),
    demoPhoneHeading: (office) => word('demoPhoneHeading', lang).replace('{office}', office),
    demoTodayHeading: word('demoTodayHeading', lang),
    demoRegister: (jobMarket) => word('demoRegister', lang).replace('{jobMarket}', jobMarket),
    demoChatInstead: word('demoChatInstead', lang),
    demoNote: word('demoNote', lang),
    widgetOpen: word('widgetOpen', lang),
    widgetClose: word('widgetClose', lang),
  };
}

export const PAGE_TEXTS: Record<Lang, PageTexts> = { fi: pageTexts('fi'), sv: pageTexts('sv'), en: pageTexts('en') };

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
