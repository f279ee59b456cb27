import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  UserState,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { GuideBot } from './bot';
import { ConfigError, loadConfig, type Config } from './config';
import { logger } from './logger';
import { createServer, type RunningServer } from './server';
import { createTurnErrorHandler } from './turnError';
import { TeamsMiddleware } from './teams';
import { mountWebChat } from './web/mountWebChat';

// The wiring, like the Bot Framework samples: config → adapter → storage → state → bot → server.
// `start` is exported so tests run exactly what production runs (on port 0).

export async function start(config: Config = loadConfig()): Promise<RunningServer & { bot: GuideBot }> {
  // Without MicrosoftAppId the adapter accepts unauthenticated requests (local mode).
  const authOptions: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
  const auth = new ConfigurationBotFrameworkAuthentication(authOptions);
  const adapter = new CloudAdapter(auth);
  // Microsoft Teams specifics (welcome on install, @mentions, group chat, card version): src/teams.ts.
  adapter.use(new TeamsMiddleware());

  // Engineer F: swap for `createStorage(config)` from ./storage (memory | blob).
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const bot = new GuideBot({ conversationState, userState, storage, today: config.today });
  adapter.onTurnError = createTurnErrorHandler(bot);

  const running = await createServer({
    adapter,
    bot,
    port: config.PORT,
    host: config.HOST,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxTextChars: config.MAX_TEXT_CHARS,
    // Engineer F: plugins before every route (rate limit, auth pre-check), and the turn guard:
    before: [],
    // wrapTurn: (logic) => guardTurn(logic, { states: [conversationState, userState] }),
    // Engineer D: the page at /, the widget, the local Direct Line channel and its token route:
    mount: [
      (server) => {
        mountWebChat(server, { directLineSecret: config.DIRECT_LINE_SECRET, directLineDomain: config.DIRECT_LINE_DOMAIN });
      },
    ],
  });
  logger.info({ localMode: config.localMode, port: running.port }, 'bot started');
  return { ...running, bot };
}

if (require.main === module) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    // Fail fast with the variable's name, before anything listens.
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  }
  start(config).then(
    (running) => console.log(`Etelä-Savo jobseeker guide listening on ${running.url}/api/messages`),
    (e) => {
      console.error('could not start:', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
