/**
 * The conversation, as the host (src/) sees it: the one door from src/ into dialogs/.
 *
 * - {@link GuideDialog}: the guidance dialog the bot runs every turn, with its interruptions
 *   (help, restart, language switch, delete my data) and the feedback question.
 * - {@link GuideServices}, {@link GuideSession}, {@link Profile}: what the host hands the dialog
 *   (state accessors, clock, the `report` port for the figures) and the state it keeps per conversation.
 * - {@link GuideEvent}: what the conversation reports for the service's figures (ids only).
 * - {@link greeting}, {@link say}, {@link langFromLocale}: the words the host says outside a
 *   dialog turn (joining, a Teams install, a turn that failed), in the user's language.
 * - {@link telUrl}: a phone number as a tel: link, for the web page's contact links.
 *
 * Only re-exports live here; each name is documented where it is declared.
 * @packageDocumentation
 */
export { GuideDialog } from './guideDialog';
export type { GuideServices, GuideSession, Profile } from './guideServices';
export type { AnswerTarget, GuideEvent, LeftReason, ReportEvent } from './guideEvents';
export { greeting, langFromLocale, say } from './replies/messages';
export { telUrl } from './replies/answerCard';
