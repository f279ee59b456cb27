// Public face of the guidance core. dialogs/ and src/ import from here only.
export * from './types';
export { facts } from './facts';
export { decide } from './rules';
export { answerTopic } from './topics';
export { understand } from './understand';
export { containsIdentityCode, redactIdentityCodes } from './understand/identityCode';
