/**
 * The built-in Direct Line 3.0 channel of local mode (`mountDirectLine`), its conversation store
 * and tokens, and the page's token route (`mountDirectLineToken`, both modes).
 */
export { mountDirectLine, type LocalDirectLine } from './localDirectLine';
export { type DirectLineOptions } from './settings';
export { type StartedConversation } from './tokens';
export { ConversationRefused } from './http';
export { mountDirectLineToken, AZURE_DIRECT_LINE, type TokenResponse, type TokenRouteOptions } from './tokenRoute';
export { Conversations, type Conversation, type WireActivity, type ActivitySet } from './conversations';
export { TokenSigner, type TokenClaims } from './token';
