import { CloudAdapter, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { GuideBot } from './bot';
import { CachedConnectorAuthentication } from './connectorCache';
import { ConfigError, loadConfig, type Config } from './config';
import { logger } from './logger';
import { createServer, type RunningServer } from './server';
import { BoundedMemoryStorage, createStorage, GuardedConversationState } from './storage';
import { countRefusals, mountFigures, startTelemetry, timeTurns, type Telemetry } from './metrics';
import { createHardening } from './safeguards';
import { createTurnErrorHandler } from './turnError';
import { TeamsMiddleware } from './teams';
import { mountWebChat } from './web/mountWebChat';
import { isLoopbackUrl } from './http/loopback';
import { clientAddress } from './http/rateLimiter';

// The wiring, like the Bot Framework samples: config → adapter → storage → state → bot → server.
// `start` is exported so tests run exactly what production runs (on port 0).

export async function start(config: Config = loadConfig()): Promise<
  RunningServer & {
    bot: GuideBot;
    hardening: ReturnType<typeof createHardening>;
    telemetry: Telemetry;
    storage: ReturnType<typeof createStorage>;
  }
> {
  if (config.LOG_LEVEL) logger.level = config.LOG_LEVEL;
  // The service's figures (src/metrics): Prometheus at /metrics, the /stats page, Azure Monitor.
  const telemetry = await startTelemetry({ connectionString: config.APPLICATIONINSIGHTS_CONNECTION_STRING });
  const { figures } = telemetry;
  // Without MicrosoftAppId the adapter accepts unauthenticated requests (local mode).
  const authOptions: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
  // One ConnectorClient per service url instead of one per turn (src/connectorCache.ts).
  const auth = new CachedConnectorAuthentication(authOptions);
  const adapter = new CloudAdapter(auth);
  // Microsoft Teams specifics (welcome on install, @mentions, group chat, card version): src/teams.ts.
  adapter.use(new TeamsMiddleware(config.today));

  // Memory (bounded, idle expiry) or Azure Blob Storage (STORAGE=blob), eTag-guarded per turn.
  const storage = createStorage({
    storage: config.STORAGE,
    blobConnectionString: config.BLOB_CONNECTION_STRING,
    blobAccountUrl: config.BLOB_ACCOUNT_URL,
    blobIdentityClientId: config.BLOB_IDENTITY_CLIENT_ID,
    blobContainer: config.BLOB_CONTAINER,
    stateIdleMinutes: config.STATE_IDLE_MINUTES,
    stateMaxItems: config.STATE_MAX_ITEMS,
    // A conversation forgotten with a question open was left there.
    onForget: (json, why) => figures.forgotten(json, why),
  });
  const conversationState = new GuardedConversationState(storage);
  // The memory store forgets idle conversations when it is used; on a quiet server this does it.
  const memory = storage.inner instanceof BoundedMemoryStorage ? storage.inner : undefined;
  const sweeper = memory ? setInterval(() => memory.sweep(), 60_000).unref() : undefined;

  const bot = new GuideBot({
    conversationState,
    today: config.today,
    report: (context, event) => figures.report(context.activity.channelId, event),
  });
  adapter.onTurnError = createTurnErrorHandler(bot);
  // Auth pre-check and 401s, per-conversation 429, request logs, turn guard, health, graceful stop.
  const hardening = createHardening(config, { adapter, storage, states: [conversationState] });

  const running = await createServer({
    adapter: hardening.adapter,
    bot,
    health: hardening.health,
    port: config.PORT,
    host: config.HOST,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxTextChars: config.MAX_TEXT_CHARS,
    before: [...hardening.before, (server) => countRefusals(server.server, figures)],
    wrapTurn: (logic) => timeTurns(figures, hardening.wrapTurn(logic)),
    // Without an app id nothing vouches for the serviceUrl: replies go to loopback only.
    serviceUrlAllowed: config.localMode ? isLoopbackUrl : undefined,
    // The page at /, the widget, the built-in Direct Line channel (local mode) and the token route:
    mount: [
      (server) => {
        if (config.WEB_CHAT === 'off') return;
        mountWebChat(server, {
          directLineSecret: config.DIRECT_LINE_SECRET,
          directLineDomain: config.DIRECT_LINE_DOMAIN,
          today: config.today,
          clientAddress: (req) => clientAddress(req, config.TRUST_PROXY),
        });
      },
      // GET /metrics and /stats: loopback only in local mode, else only with STATS_KEY.
      (server) =>
        mountFigures(server, {
          telemetry,
          localMode: config.localMode,
          key: config.STATS_KEY,
          ratePerMinute: config.RATE_CLIENT_PER_MINUTE,
          trustedHops: config.TRUST_PROXY,
        }),
    ],
  });
  logger.info({ localMode: config.localMode, port: running.port }, 'bot started');
  const close = async () => {
    clearInterval(sweeper);
    await running.close();
    await telemetry.shutdown();
  };
  return { ...running, close, bot, hardening, telemetry, storage };
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
    (running) => {
      running.hardening.installShutdown(running); // SIGTERM: stop accepting, finish turns, exit 0
      console.log(`Etelä-Savo jobseeker guide listening on ${running.url}/api/messages`);
      if (config.localMode) {
        console.log(
          config.HOST === '127.0.0.1'
            ? 'Local mode (no MicrosoftAppId): listening on 127.0.0.1 only; set HOST to listen elsewhere.'
            : `Local mode (no MicrosoftAppId) on ${config.HOST}: anyone who reaches this address can talk to the bot.`,
        );
      }
    },
    (e) => {
      console.error('could not start:', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
