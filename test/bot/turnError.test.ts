import { ConversationState, MemoryStorage } from 'botbuilder';
import { facts } from '../../knowledge';
import { GuideBot } from '../../src/bot';
import { captureLogs } from '../../src/logger';
import { t } from '../../dialogs/replies/texts';
import { createTurnErrorHandler } from '../../src/turnError';
import { lastText, LOCALE, PILOT_DAY, Talk, texts } from './helpers';

// A failing turn: the user gets a kind apology in their language, the dialog starts afresh,
// and the log holds the error but not the user's words.

function brittleBot() {
  const storage = new MemoryStorage();
  let broken = false;
  const bot = new GuideBot({
    conversationState: new ConversationState(storage),
    today: () => {
      if (broken) throw new Error('clock failed');
      return new Date(`${PILOT_DAY}T12:00:00Z`);
    },
  });
  return { bot, breakIt: (b: boolean) => (broken = b) };
}

test.each(['fi', 'sv', 'en'] as const)(
  '%s: an error mid-dialog → apology in the language, dialog reset, no user text in the log',
  async (lang) => {
    const { bot, breakIt } = brittleBot();
    const talk = new Talk(bot, LOCALE[lang]);
    talk.adapter.onTurnError = createTurnErrorHandler(bot);
    const name = facts.municipalities.mikkeli.fi;
    expect(lastText(await talk.say(name))).toBe(facts.texts.questions.age[lang]);

    const logs = captureLogs('error');
    try {
      breakIt(true);
      const replies = await talk.say('my-private-words 44');
      expect(texts(replies)).toContain(t('turnError', lang));
    } finally {
      logs.restore();
    }
    // The error's kind and where it was thrown are logged; its message (which may quote a remote
    // service, and through it the user) is not.
    expect(logs.lines.join('\n')).toContain('DialogContextError');
    expect(logs.lines.join('\n')).toMatch(/"frames":\[".*\.ts:\d+/);
    expect(logs.lines.join('\n')).not.toContain('clock failed');
    expect(logs.lines.join('\n')).not.toContain('my-private-words');

    // The dialog was reset: the next message starts the guide again (asks the municipality).
    breakIt(false);
    expect(lastText(await talk.say('44'))).toBe(facts.texts.questions.municipality[lang]);
  },
);
