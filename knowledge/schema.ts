// The shape of the YAML files in knowledge/data, checked with zod when the data loads.
// Cross-references (ids that must point somewhere) are checked in checkFacts.ts, which can name
// the entry; zod checks each entry on its own.
import { z } from 'zod';
import { BENEFITS } from './types';

const text = z.string().trim().min(1);

export const localizedSchema = z.object({ fi: text, sv: text, en: text }).strict();

const id = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected an id of letters and digits');

export const provenanceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('announcement'), quote: text }).strict(),
  z.object({ source: z.literal('law'), reference: text, note: text.optional() }).strict(),
  // Later public texts (publications.yaml), for what the announcement cannot say: today's services.
  z.object({ source: z.literal('publications'), ids: z.array(id).min(1) }).strict(),
]);
const providerId = z.enum(['mikkeliPilot', 'savonlinnaPilot', 'teOffice']);
// A reference to a provider is checked in checkFacts.ts, so that the message can name the entry.
const providerRef = id;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const DATE_IDS = [
  'published',
  'mikkeliMoved',
  'infoSession',
  'pilotStart',
  'plannedEnd',
  'actualEnd',
  'pilotsCeased',
  'teOfficesEnded',
] as const;
export type DateId = (typeof DATE_IDS)[number];

export const providerEntrySchema = z
  .object({
    id: providerId,
    kind: z.enum(['pilot', 'teOffice']),
    name: localizedSchema,
    /** The date (an id of timeline.yaml) from which the provider and its phone lines no longer exist. */
    ceasedOn: z.enum(DATE_IDS).optional(),
    mainPoint: id,
    tePoint: id.optional(),
    contacts: z.array(id).min(1),
    municipalities: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z]+$/, 'expected a lower-case ASCII municipality id'),
            servicePoint: id.optional(),
          })
          .strict(),
      )
      .min(1),
    provenance: provenanceSchema,
  })
  .strict();

export const addressSchema = z
  .object({
    street: text,
    floor: z.number().int().min(0).optional(),
    postalCode: z
      .string()
      .regex(/^\d{5}$/, 'expected a five-digit postal code')
      .optional(),
    town: text,
  })
  .strict();

export const servicePointEntrySchema = z
  .object({
    id,
    providerId: providerRef,
    audience: z.enum(['everyone', 'youth', 'immigrants']),
    name: localizedSchema,
    address: addressSchema,
    provenance: provenanceSchema,
  })
  .strict();

export const contactEntrySchema = z
  .object({
    id,
    name: text.optional(),
    role: localizedSchema,
    providerId: providerRef,
    phone: z
      .string()
      .regex(/^[0-9 ]{6,}$/, 'expected a phone number of digits and spaces')
      .optional(),
    email: z.string().email().optional(),
    provenance: provenanceSchema,
  })
  .strict()
  .refine((c) => c.phone !== undefined || c.email !== undefined, 'a contact needs a phone or an e-mail');

const datedSchema = z.object({ date: isoDate, servicePointId: id.optional(), provenance: provenanceSchema }).strict();

export const FIGURE_IDS = [
  'mikkeliClients',
  'mikkeliTeam',
  'mikkeliTransferredStaff',
  'savonlinnaClients',
  'maxClientsPerCoach',
  'savonlinnaCoaches',
  'savonlinnaCoachesFromTe',
  'savonlinnaCoachesFromCity',
  'savonlinnaOtherTeStaff',
  'savonlinnaOtherCityStaff',
  'nationalAreas',
  'nationalMunicipalities',
  'youthAgeLimit',
  'youthAgeLimitAnnounced',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];
const figureSchema = z
  .object({ value: z.number(), approximate: z.boolean().optional(), provenance: provenanceSchema })
  .strict();

const time = z.string().regex(/^\d{2}:\d{2}$/, 'expected a time as HH:MM');

export const REASON_IDS = [
  'outside',
  'beforePilot',
  'teOnlyMunicipality',
  'nearestTePoint',
  'pilotMunicipality',
  'pilotYouth',
  'pilotImmigrant',
  'pilotKelaBenefit',
  'pilotNoBenefit',
  'teEarningsRelated',
  'teEmployed',
  'youthPoint',
  'immigrantPoint',
  'leftRegion',
] as const;
export type ReasonId = (typeof REASON_IDS)[number];

export const NOTICE_IDS = [
  'noOwnPoint',
  'pilotStarts',
  'pilotExtended',
  'pilotPeriodAnswer',
  'beforePilotAnswer',
  'authoritiesDecide',
] as const;
export type NoticeId = (typeof NOTICE_IDS)[number];

export const TOPIC_TEXT_IDS = [
  'employer',
  'employerAfter',
  'coach',
  'pilotDates',
  'pilotDatesBefore',
  'pilotDatesAfter',
  'whoMoved',
  'clientCounts',
  'infoSession',
  'infoSessionPast',
  'afterPilot',
  'teReplaced',
  'teReplacedBefore',
  'director',
  'directorPast',
] as const;
export type TopicTextId = (typeof TOPIC_TEXT_IDS)[number];

/** The sentences of today's answer (texts.yaml, `today`). */
export const TODAY_TEXT_IDS = [
  'area',
  'areaUnconfirmed',
  'areaDisputed',
  'outside',
  'outsideArea',
  'register',
  'registerFirst',
  'benefits',
  'contacts',
  'contactsNoWebsite',
  'contactsOutside',
  'immigrants',
  'entrepreneur',
  'student',
  'sickness',
  'under17',
  'over65',
] as const;
export type TodayTextId = (typeof TODAY_TEXT_IDS)[number];

const municipalityRef = z.string().regex(/^[a-z]+$/, 'expected a lower-case ASCII municipality id');
const questionsSchema = z
  .object({ municipality: localizedSchema, age: localizedSchema, benefit: localizedSchema, immigrant: localizedSchema })
  .strict();

const recordOf = <K extends string, V extends z.ZodTypeAny>(keys: readonly [K, ...K[]], value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>).strict();

/** All files of knowledge/data merged into one object (each file holds some of these keys). */
export const rawFactsSchema = z
  .object({
    source: z.object({ headline: text, provenance: provenanceSchema }).strict(),
    providers: z.array(providerEntrySchema).min(1),
    servicePoints: z.array(servicePointEntrySchema).min(1),
    contacts: z.array(contactEntrySchema).min(1),
    dates: recordOf(DATE_IDS, datedSchema),
    infoSession: z
      .object({
        providerId: providerRef,
        startTime: time,
        endTime: time,
        place: text,
        invitationContactId: id,
        provenance: provenanceSchema,
      })
      .strict(),
    employmentAreas: z.array(
      z
        .object({
          id,
          // The official Swedish name only where one exists; otherwise every language uses the Finnish one.
          name: z.object({ fi: text, sv: text.optional() }).strict(),
          responsibleMunicipality: municipalityRef,
          succeedsProviderId: providerRef.optional(),
          sources: z.array(id).min(1),
          website: z
            .object({ name: localizedSchema, url: z.string().url(), sources: z.array(id).min(1) })
            .strict()
            .optional(),
        })
        .strict(),
    ),
    employmentAreaMembers: z.array(
      z
        .object({
          municipality: municipalityRef,
          status: z.enum(['confirmed', 'unconfirmed', 'disputed']),
          areas: z.array(id).min(1),
          sources: z.array(id).min(1),
          note: text,
        })
        .strict(),
    ),
    publications: z.array(
      z
        .object({
          id,
          title: text.optional(),
          by: text.optional(),
          published: z
            .string()
            .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
            .optional(),
          url: z.string().url(),
          says: text,
        })
        .strict(),
    ),
    figures: recordOf(FIGURE_IDS, figureSchema),
    benefits: recordOf(
      BENEFITS,
      z.object({ name: localizedSchema, payer: z.enum(['kela', 'unemploymentFund']).optional() }).strict(),
    ),
    payers: z.object({ kela: localizedSchema, unemploymentFund: localizedSchema }).strict(),
    floor: localizedSchema,
    and: localizedSchema,
    or: localizedSchema,
    reasons: recordOf(REASON_IDS, localizedSchema),
    pastReasons: recordOf(REASON_IDS, localizedSchema),
    notices: recordOf(NOTICE_IDS, localizedSchema),
    benefitExplanation: localizedSchema,
    questions: questionsSchema,
    questionsPast: questionsSchema,
    topics: recordOf(TOPIC_TEXT_IDS, localizedSchema),
    today: recordOf(TODAY_TEXT_IDS, localizedSchema),
    jobMarket: z
      .object({
        name: localizedSchema,
        url: z.object({ fi: z.string().url(), sv: z.string().url(), en: z.string().url() }).strict(),
        sources: z.array(id).min(1),
      })
      .strict(),
    // The conversation's own words: dialogs/replies/texts.ts names the keys it uses and checks them at load.
    conversation: z.record(id, localizedSchema),
    // The web page's own words: src/web/texts.ts reads them by key.
    page: z.record(id, localizedSchema),
    // The figures page's own words (/stats): src/metrics/statsTexts.ts reads them by key.
    statsPage: z.record(id, localizedSchema),
    statements: z.record(
      id,
      z
        .object({
          reasons: z.array(z.enum(REASON_IDS)).optional(),
          topics: z.array(z.enum(TOPIC_TEXT_IDS)).optional(),
          today: z.array(z.enum(TODAY_TEXT_IDS)).optional(),
          provenance: provenanceSchema,
        })
        .strict(),
    ),
  })
  .strict();

export type RawFacts = z.infer<typeof rawFactsSchema>;
