/**
 * The two servers both benchmarks compare: the real guide (src/index.ts `start`, in-memory state)
 * and the reference, an echo bot whose whole turn is one line, on the same stack (same server,
 * gate, turn guard, connector cache, Teams middleware). Loaded lazily so the benchmarks' load
 * side does not pay for it.
 */
export async function startGuideAndEcho() {
  const { ActivityHandler, CloudAdapter, ConversationState, UserState } = await import('botbuilder');
  const { start } = await import('../src/index');
  const { loadConfig } = await import('../src/config');
  const { createServer } = await import('../src/server');
  const { createStorage } = await import('../src/storage');
  const { createHardening } = await import('../src/hardening');
  const { TeamsMiddleware } = await import('../src/teams');
  const { CachedConnectorAuthentication } = await import('../src/connectorCache');

  class EchoBot extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        await context.sendActivity(`echo: ${context.activity.text}`);
        await next();
      });
    }
  }

  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', RATE_CONVERSATION_PER_MINUTE: '100000000' });
  const guide = await start(config);

  const adapter = new CloudAdapter(new CachedConnectorAuthentication({}));
  adapter.use(new TeamsMiddleware());
  const storage = createStorage({ storage: 'memory', stateIdleMinutes: 30, stateMaxItems: 20000 });
  const hardening = createHardening(config, { adapter, storage, states: [new ConversationState(storage), new UserState(storage)] });
  const echo = await createServer({
    adapter: hardening.adapter, bot: new EchoBot(), health: hardening.health, port: 0, host: '127.0.0.1',
    maxBodyBytes: config.MAX_BODY_BYTES, maxTextChars: config.MAX_TEXT_CHARS, before: hardening.before, wrapTurn: hardening.wrapTurn,
  });
  return { config, guide, echo, EchoBot };
}

/** One benchmark activity, replies returned in the HTTP body. */
export const benchActivity = (conversationId: string, extra: Record<string, unknown>) =>
  JSON.stringify({
    channelId: 'bench', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: conversationId },
    from: { id: `u-${conversationId}` }, recipient: { id: 'bot' }, locale: 'fi-FI', deliveryMode: 'expectReplies', ...extra,
  });
