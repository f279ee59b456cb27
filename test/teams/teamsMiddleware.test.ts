// The parts of the Teams middleware that the real bot does not exercise today: a card newer
// than Teams renders, and other channels passing through untouched; reading scope and locale.
import { ActivityTypes, CardFactory, TestAdapter, type Activity } from 'botbuilder';
import { TEAMS_MAX_CARD_VERSION, TeamsMiddleware, teamsLocale, teamsScope } from '../../src/teams';

function card(version: string) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version,
    fallbackText: `card ${version} as text`,
    body: [{ type: 'TextBlock', text: 'x' }],
  });
}

async function replyTo(channelId: string, sent: Partial<Activity>): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter(
    async (context) => {
      await context.sendActivity(sent);
    },
    {
      channelId,
      conversation: { id: 'c', conversationType: 'personal' },
      user: { id: 'u' },
      bot: { id: 'b' },
    } as never,
  );
  adapter.use(new TeamsMiddleware());
  await adapter.receiveActivity({ type: ActivityTypes.Message, text: 'hei' });
  return adapter.activeQueue.splice(0);
}

describe('cards in Teams', () => {
  it(`keeps a card of version ${TEAMS_MAX_CARD_VERSION}`, async () => {
    const [reply] = await replyTo('msteams', {
      type: 'message',
      text: 'answer',
      attachments: [card(TEAMS_MAX_CARD_VERSION)],
    });
    expect(reply.attachments).toHaveLength(1);
  });

  it('replaces a newer card by its fallback text instead of an error box', async () => {
    const [reply] = await replyTo('msteams', { type: 'message', attachments: [card('1.6')] });
    expect(reply.attachments).toEqual([]);
    expect(reply.text).toBe('card 1.6 as text');
  });

  it('leaves the same card alone on Web Chat, which renders newer versions', async () => {
    const [reply] = await replyTo('webchat', { type: 'message', attachments: [card('1.6')] });
    expect(reply.attachments).toHaveLength(1);
  });
});

describe('reading a Teams activity', () => {
  it('tells the scope from the conversation type (personal when absent)', () => {
    expect(teamsScope({ conversation: { conversationType: 'groupChat' } as never })).toBe('groupChat');
    expect(teamsScope({ conversation: { conversationType: 'channel' } as never })).toBe('channel');
    expect(teamsScope({ conversation: { conversationType: 'personal' } as never })).toBe('personal');
    expect(teamsScope({})).toBe('personal');
  });

  it('takes the locale from the activity, else from the clientInfo entity', () => {
    expect(teamsLocale({ locale: 'en-US', entities: [{ type: 'clientInfo', locale: 'sv-SE' }] })).toBe('en-US');
    expect(teamsLocale({ entities: [{ type: 'clientInfo', locale: 'sv-SE' }] })).toBe('sv-SE');
    expect(teamsLocale({})).toBeUndefined();
  });
});
