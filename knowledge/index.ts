// Public face of the guidance core. dialogs/ and src/ import from here only.
export * from './types';
export { facts } from './facts';
export { decide } from './rules';
export { answerTopic } from './topics';
export { understand } from './understand';
export { containsIdentityCode, redactIdentityCodes, IDENTITY_CODE_PLACEHOLDER } from './understand/identityCode';
// Helpers for hosts that show the guidance (engineer A).
export type { Facts, ProviderFacts, DatedFact, Figure, InfoSession, EmploymentArea, Statement } from './facts';
export { periodOn, finnishDate } from './rules';
export { TOPICS } from './topics';
export { formatAddress, formatDate, municipalityName } from './wording';
// Former municipalities (with their merger years) and the regions left in 2021, for replies' notes.
export { formerMunicipalitiesById, regionChangesById, type FormerMunicipality, type RegionChange } from './municipalities';
