// Public face of the guidance core. dialogs/ and src/ import from here only.
export * from './types';
export { facts } from './facts';
export { decide } from './rules';
export { answerTopic } from './topics';
export { understand } from './understand';
export { containsIdentityCode, redactIdentityCodes, IDENTITY_CODE_PLACEHOLDER } from './understand/identityCode';
// Helpers for hosts that show the guidance (engineer A).
export type { Facts, ProviderFacts, DatedFact, Figure, InfoSession, EmploymentArea, AreaMembership, Publication, Statement } from './facts';
export { periodOn, finnishDate, lineClosedOn } from './rules';
export { TOPICS } from './topics';
export { areaName, formatAddress, formatDate, municipalityName } from './wording';
