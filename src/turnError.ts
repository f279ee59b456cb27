import type { TurnContext } from 'botbuilder';
import type { GuideBot } from './bot';
import { errorSummary, logger } from './logger';
import { langFromLocale, say } from '../dialogs';
import { isStorageUnavailable } from './storage';

// The adapter's last resort: a kind apology in the user's language, the dialog forgotten so the
// next message starts afresh, and the error logged with ids only (never the user's text).
// An error's message can quote a remote service's answer, which can quote the user's words: only
// its name, code and HTTP status are logged.
// When the state storage is what failed (unreachable, too slow, refusing writes), nothing of the
// turn was saved and the state from before it is intact: the user is asked to send the message
// again in a moment, and the conversation goes on where it was once the storage is back.

export function createTurnErrorHandler(bot: GuideBot) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const a = context.activity;
    if (isStorageUnavailable(error)) {
      logger.warn(
        { reason: error.reason, activityType: a?.type, channelId: a?.channelId, conversationId: a?.conversation?.id },
        'state storage unavailable: the user is asked to try again',
      );
      try {
        await context.sendActivity(say('storageUnavailable', bot.knownLang(context) ?? langFromLocale(a?.locale)));
      } catch (sendError) {
        logger.error({ err: errorSummary(sendError) }, 'could not send the apology');
      }
      return;
    }
    logger.error(
      { err: errorSummary(error), activityType: a?.type, channelId: a?.channelId, conversationId: a?.conversation?.id },
      'turn failed',
    );
    let lang = langFromLocale(a?.locale);
    try {
      lang = (await bot.profile.get(context))?.lang ?? lang;
    } catch {
      // the state itself may be what failed: the activity's locale will do
    }
    try {
      await context.sendActivity(say('turnError', lang));
    } catch (sendError) {
      logger.error({ err: errorSummary(sendError) }, 'could not send the apology');
    }
    try {
      await bot.resetDialog(context);
    } catch (resetError) {
      logger.error({ err: errorSummary(resetError) }, 'could not reset the dialog state');
    }
  };
}
