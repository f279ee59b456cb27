/**
 * The built-in Direct Line 3.0 channel of local mode (`mountDirectLine`), its conversation store
 * and tokens, and the page's token route (`mountDirectLineToken`, both modes).
 */
export {
  mountDirectLine,
  ConversationRefused,
  type DirectLineOptions,
  type LocalDirectLine,
  type StartedConversation,
} from './localDirectLine';
export { mountDirectLineToken, AZURE_DIRECT_LINE, type TokenResponse, type TokenRouteOptions } from './tokenRoute';
export { Conversations, type Conversation, type WireActivity, type ActivitySet } from './conversations';
export { TokenSigner, type TokenClaims } from './token';
