// The contract between the guidance core (knowledge/) and whatever hosts it (dialogs/, src/).
// Plain data types only: no botbuilder here, so the core moves unchanged to another bot host.

export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every language the bot speaks. */
export type Localized = Record<Lang, string>;

/** Where a fact comes from: the announcement (with its Finnish sentence) or the law (with its reference). */
export type Provenance =
  | { source: 'announcement'; quote: string }
  | { source: 'law'; reference: string; note?: string }
  /** Ids of facts.publications: public texts later than the announcement. */
  | { source: 'publications'; ids: string[] };

export type ProviderId = 'mikkeliPilot' | 'savonlinnaPilot' | 'teOffice';

export interface Provider {
  id: ProviderId;
  kind: 'pilot' | 'teOffice';
  name: Localized;
  /** Municipality ids the provider serves as the deciding home municipality. */
  municipalityIds: string[];
  /** Contact ids, first = the one to contact. */
  contactIds: string[];
  provenance: Provenance;
}

export interface Address {
  street: string;
  /** e.g. 4 for "4. kerros"; absent when the source gives none. */
  floor?: number;
  /** Absent when the source gives none (never invented). */
  postalCode?: string;
  town: string;
}

export type Audience = 'everyone' | 'youth' | 'immigrants';

export interface ServicePoint {
  id: string;
  providerId: ProviderId;
  name: Localized;
  address: Address;
  audience: Audience;
  /** Municipalities whose own point this is (empty for the youth / immigrant points). */
  municipalityIds: string[];
  provenance: Provenance;
}

export interface Contact {
  id: string;
  /** Person's name, or a line's name in `role` when it is a phone line. */
  name?: string;
  role: Localized;
  providerId: ProviderId;
  phone?: string;
  email?: string;
  provenance: Provenance;
}

export interface Municipality {
  /** Lower-case ASCII of the Finnish name: 'mikkeli', 'mantyharju', 'pieksamaki', 'helsinki'. */
  id: string;
  fi: string;
  /** Official Swedish name, where the municipality has one. */
  sv?: string;
  /** Other names people use: older or unofficial Swedish names, common short forms. */
  otherNames?: string[];
  /** Which Etelä-Savo service the municipality belongs to; 'outside' for the rest of Finland. */
  area: 'mikkeliPilot' | 'savonlinnaPilot' | 'teOfficeOnly' | 'outside';
}

/** In the order the bot offers them: the two Kela benefits, the fund's, none. */
export const BENEFITS = ['labourMarketSubsidy', 'basicAllowance', 'earningsRelated', 'none'] as const;
export type Benefit = (typeof BENEFITS)[number];

/** The facts the bot may ask for, in the order it asks them. */
export const SLOTS = ['municipality', 'age', 'benefit', 'immigrant'] as const;
export type Slot = (typeof SLOTS)[number];

/**
 * What the person says of their situation that changes what to say today (not who serves them):
 * not registered as a jobseeker yet, just lost their job, an entrepreneur whose business ended, a
 * student (or looking for summer work), on sickness allowance.
 */
export const SITUATIONS = ['notRegistered', 'justUnemployed', 'entrepreneur', 'student', 'sickness'] as const;
export type Situation = (typeof SITUATIONS)[number];

/** What is known of the person. Anything may be missing. */
export interface Person {
  municipalityId?: string;
  age?: number;
  /** "synnyin 1970": the age on the day an answer is about follows from it (within a year). */
  birthYear?: number;
  benefit?: Benefit;
  /** Immigrant or foreign-language speaker (mother tongue other than Finnish, Swedish or Sámi). */
  immigrant?: boolean;
  /** Working on the open labour market (not asked; only used when the person says so). */
  employed?: boolean;
  /** Only what the person says; never asked. */
  situations?: Situation[];
}

export type Period = 'beforePilot' | 'pilot' | 'afterPilot';

/**
 * A question about how things were: the pilot years, or a day in them ("who served me in 2022?").
 * `date` (YYYY-MM-DD) or `year` only when the message names them.
 */
export interface HistoryRequest {
  year?: number;
  date?: string;
}

export interface Notice {
  id: string;
  text: Localized;
}

export interface Guidance {
  /**
   * needMore: `missing` lists what to ask next (only facts that could change the answer);
   * outside:  the home municipality is not served here;
   * provider: `provider` is decided.
   */
  outcome: 'needMore' | 'outside' | 'provider';
  missing: Slot[];
  municipality?: Municipality;
  provider?: Provider;
  /** In order of relevance: own municipality's point, then the youth point, then immigrant services. */
  servicePoints: ServicePoint[];
  /** First = whom to contact. */
  contacts: Contact[];
  /** Why, in plain words, one sentence each. */
  reasons: Localized[];
  /** e.g. Puumala has no point of its own; the pilot period has ended. */
  notices: Notice[];
  period: Period;
  /**
   * The answer is about a day before today's: told in the past tense, as history (the pilot years
   * asked about after they ended). Its contacts are history too: none is a line to call.
   */
  history?: boolean;
  /**
   * Ids of `contacts` whose line had closed on the day asked about (the TE office's lines after it
   * ceased): a reply may show them as history, never as a number to call.
   */
  closedContactIds?: string[];
}

export type Command = 'help' | 'restart' | 'cancel' | 'deleteData';

/** Questions about the pilots and what replaced them that the knowledge can answer. */
export type Topic =
  'employer' | 'coach' | 'pilotDates' | 'whoMoved' | 'clientCounts' | 'infoSession' | 'teReplaced' | 'director';

/** A former municipality the message named ("asun Ristiinassa"), so a reply can say "Ristiina kuuluu Mikkeliin (2013)". */
export interface FormerName {
  /** Its Finnish name. */
  fi: string;
  /** Its Swedish name, where it has one (Kristina, Säminge). */
  sv?: string;
  /** The year it became part of today's municipality. */
  year?: number;
}

export type MunicipalityMatch =
  | {
      kind: 'match';
      id: string;
      /** true when found only by a typo-tolerant comparison */
      fuzzy: boolean;
      /** Present when the name was that of a former municipality merged into `id`. */
      former?: FormerName;
    }
  | { kind: 'ambiguous'; ids: string[] }
  /** A place-like word that is no Finnish municipality (e.g. "Stockholm", "Narnia"). */
  | { kind: 'unknown'; text: string };

/** Every slot one message fills. Absent = the message says nothing about it. */
export interface Understanding {
  /** The language the message is written in, when it can be told. */
  language?: Lang;
  /** "in English please", "på svenska", "suomeksi". */
  languageRequest?: Lang;
  command?: Command;
  municipality?: MunicipalityMatch;
  age?: number;
  /**
   * An age that was given but cannot be used: under 15, over 100, negative, or only a range
   * ("kolmekymppinen", "in my thirties").
   */
  ageProblem?: 'tooYoung' | 'tooOld' | 'negative' | 'range';
  /** "synnyin 1970", "born in 1985", "född 1990". */
  birthYear?: number;
  /** 'unknown' = the person says they do not know. */
  benefit?: Benefit | 'unknown';
  yesNo?: boolean;
  immigrant?: boolean;
  employed?: boolean;
  /** A Finnish personal identity code (henkilötunnus) appears in the text. */
  identityCode?: boolean;
  topic?: Topic;
  /** The message asks how things were in the pilot years or on a day in them. */
  history?: HistoryRequest;
  situations?: Situation[];
}
