import type { DialogContext, DialogState } from 'botbuilder-dialogs';

/**
 * The servers both benchmarks compare, all on the same stack (same server, gate, turn guard,
 * connector cache, Teams middleware, in-memory storage):
 * - guide: the real guide (src/index.ts `start`);
 * - echo: the reference, a bot whose whole turn is one line (`sendActivity(echo)`), no state;
 * - floor: the least a turn can do on the stack design.md prescribes (botbuilder-dialogs over
 *   ConversationState): load the conversation state, run one Dialog whose turn is one line,
 *   save the state. It shows how much of the guide's extra cost the dialog stack itself takes.
 * Loaded lazily so the benchmarks' load side does not pay for it.
 */
export async function startGuideAndEcho() {
  const { ActivityHandler, CloudAdapter, ConversationState } = await import('botbuilder');
  const { Dialog, DialogSet } = await import('botbuilder-dialogs');
  const { DialogContexts } = await import('../dialogs/dialogContexts');
  const { start } = await import('../src/index');
  const { loadConfig } = await import('../src/config');
  const { createServer } = await import('../src/server');
  const { createStorage, GuardedConversationState } = await import('../src/storage');
  const { createHardening } = await import('../src/safeguards');
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

  /**
   * One Dialog, one line a turn, its state in ConversationState: the dialog stack's floor. It
   * reuses the dialog memory configuration as the guide does (dialogs/dialogContexts.ts).
   */
  class OneLineDialog extends Dialog {
    async beginDialog(dc: DialogContext) {
      await dc.context.sendActivity(`echo: ${dc.context.activity.text}`);
      return Dialog.EndOfTurn;
    }
    async continueDialog(dc: DialogContext) {
      return this.beginDialog(dc);
    }
  }
  class FloorBot extends ActivityHandler {
    constructor(conversationState: InstanceType<typeof ConversationState>) {
      super();
      const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState')).add(
        new OneLineDialog('oneLine'),
      );
      const contexts = new DialogContexts();
      this.onMessage(async (context, next) => {
        const dc = await contexts.create(dialogs, context);
        if ((await dc.continueDialog()).status === 'empty') await dc.beginDialog('oneLine');
        await conversationState.saveChanges(context);
        await next();
      });
    }
  }

  const config = loadConfig({
    // The benchmarks drive the pilot period's routing (municipality, age, benefit: the longest
    // conversation the guide has); today's answer needs one turn. GUIDE_DATE may pin another day.
    GUIDE_DATE: '2022-06-15',
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_CONVERSATION_PER_MINUTE: '100000000',
  });
  const guide = await start(config);

  const serveOnStack = (
    makeBot: (conversationState: InstanceType<typeof ConversationState>) => InstanceType<typeof ActivityHandler>,
  ) => {
    const adapter = new CloudAdapter(new CachedConnectorAuthentication({}));
    adapter.use(new TeamsMiddleware());
    const storage = createStorage({ storage: 'memory', stateIdleMinutes: 30, stateMaxItems: 20000 });
    const conversationState = new GuardedConversationState(storage);
    const hardening = createHardening(config, { adapter, storage, states: [conversationState] });
    return createServer({
      adapter: hardening.adapter,
      bot: makeBot(conversationState),
      health: hardening.health,
      port: 0,
      host: '127.0.0.1',
      maxBodyBytes: config.MAX_BODY_BYTES,
      maxTextChars: config.MAX_TEXT_CHARS,
      before: hardening.before,
      wrapTurn: hardening.wrapTurn,
    });
  };
  const echo = await serveOnStack(() => new EchoBot());
  const floor = await serveOnStack((conversationState) => new FloorBot(conversationState));
  return { guide, echo, floor, EchoBot };
}

/** `--name N` from the command line, or `fallback`. */
export function flag(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

/** The guide conversation both benchmarks drive after the greeting: municipality, age, benefit. */
export const GUIDE_MESSAGES = ['asun Juvalla', 'olen 27', 'saan työmarkkinatukea'];
/** The floor's (and echo's) one message. */
export const HELLO = 'hei';

/** Throws unless the last guide reply holds the decision, and the floor's reply is its one line. */
export async function checkReplies(lastGuideReply: string, floorReply: string): Promise<void> {
  const { facts } = await import('../knowledge');
  if (!lastGuideReply.includes(facts.providers.mikkeliPilot.name.fi))
    throw new Error('the bench conversation did not reach its decision');
  if (!floorReply.includes(`echo: ${HELLO}`)) throw new Error('the floor dialog did not answer');
}

/** One benchmark activity, replies returned in the HTTP body. */
export const benchActivity = (conversationId: string, extra: Record<string, unknown>) =>
  JSON.stringify({
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversationId },
    from: { id: `u-${conversationId}` },
    recipient: { id: 'bot' },
    locale: 'fi-FI',
    deliveryMode: 'expectReplies',
    ...extra,
  });
