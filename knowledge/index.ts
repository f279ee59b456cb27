/**
 * The guidance core, as dialogs/ and src/ see it: the one door into knowledge/ (a test keeps it so).
 * It imports no bot SDK, so it moves unchanged to another bot host.
 *
 * - The types of the data, of a person's facts, a slot, an understanding and a guidance (./types).
 * - {@link facts}: the announcement's data, validated at load, with provenance.
 * - {@link understand}: one message in Finnish, Swedish or English → the facts it gives.
 * - {@link decide}: a person's facts on a date of the pilot period → the guidance: the service that
 *   was theirs, where and whom to contact, and why; or the facts still missing.
 * - {@link decideToday}: after the pilot period, the home municipality → its employment area, what
 *   to do first, and notes for the person's situation.
 * - {@link answerMode}: which of the two a conversation gives, decided by the date and by whether
 *   the person asked about the pilot years ({@link askedDay}).
 * - {@link answerTopic}: a side question (info session, pilot dates, who moved, …) on a date →
 *   its answer in Finnish, Swedish and English.
 * - Identity codes: {@link containsIdentityCode}, {@link redactIdentityCodes} and the
 *   placeholder that replaces one, for hosts that must keep them out of logs.
 * - For hosts that show the guidance: the facts' types, {@link periodOn}, {@link finnishDate},
 *   {@link TOPICS}, and the wording helpers ({@link formatAddress}, {@link formatDate},
 *   {@link municipalityName}).
 *
 * Only re-exports live here; each name is documented where it is declared.
 * @packageDocumentation
 */
export * from './types';
export { facts } from './facts';
export { decide } from './rules';
export { decideToday, type TodayGuidance, type TodayNote } from './today';
export { answerMode, askedDay, type AnswerMode, type AskedDay } from './askedAbout';
export { ageOn } from './ages';
export { decideEach, type Branch, type Condition } from './decideEach';
export { applyUnderstanding, understoodNothing, type AppliedUnderstanding } from './person';
export { answerTopic } from './topics';
export { understand } from './understand';
export { containsIdentityCode, redactIdentityCodes, IDENTITY_CODE_PLACEHOLDER } from './understand/identityCode';
// Helpers for hosts that show the guidance.
export type {
  Facts,
  JobMarket,
  ProviderFacts,
  DatedFact,
  Figure,
  InfoSession,
  EmploymentArea,
  AreaMembership,
  Publication,
  Statement,
} from './facts';
export { periodOn, finnishDate, lineClosedOn } from './rules';
export { TOPICS } from './topics';
export { areaName, formatAddress, formatDate, municipalityName } from './wording';
// Former municipalities (with their merger years) and the regions left in 2021, for replies' notes.
export {
  formerMunicipalitiesById,
  regionChangesById,
  type FormerMunicipality,
  type RegionChange,
} from './municipalities';
