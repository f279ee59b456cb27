// Teams-shaped activities (channelId msteams, Teams channelData, mention and clientInfo entities,
// Teams locales) through the real HTTP endpoint: the server as src/index.ts starts it, on port 0,
// with deliveryMode expectReplies so the replies come back in the HTTP body.
import { facts } from '../../knowledge';
import { greeting } from '../../dialogs/replies/messages';
import { request, startHost, type Host } from '../ops/host';
import { t } from '../../dialogs/replies/texts';
import { TEAMS_MAX_CARD_VERSION } from '../../src/teams';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- activities as JSON from the wire

let running: Host;
beforeAll(async () => {
  running = await startHost({ GUIDE_DATE: '2022-06-15' });
});
afterAll(() => running.close());

const BOT = { id: '28:0f8fad5b-d9cb-469f-a165-70867728950e', name: 'Työnhakijan opas' };
const USER = { id: '29:1user-aad', name: 'Maija Meikäläinen', aadObjectId: '6a1c4c1e-0000-4000-8000-000000000001' };
const TENANT = { id: '72f988bf-0000-4000-8000-0000000000aa' };
let seq = 0;

function teamsActivity(scope: 'personal' | 'groupChat', conversationId: string, extra: Json = {}): Json {
  return {
    type: 'message',
    id: `1700000000${++seq}`,
    channelId: 'msteams',
    // Local mode sends replies to loopback only; expectReplies brings them back in the body anyway.
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: new Date().toISOString(),
    from: USER,
    recipient: BOT,
    conversation:
      scope === 'personal'
        ? { id: `a:${conversationId}`, conversationType: 'personal', tenantId: TENANT.id }
        : { id: `19:${conversationId}@thread.v2`, conversationType: 'groupChat', isGroup: true, tenantId: TENANT.id },
    channelData: { tenant: TENANT },
    locale: 'fi-FI',
    textFormat: 'plain',
    entities: [{ type: 'clientInfo', locale: 'fi-FI', country: 'FI', platform: 'Web', timezone: 'Europe/Helsinki' }],
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

/** A message that @mentions the bot the way Teams writes it: <at>name</at> in the text + a mention entity. */
function mentioning(text: string, locale = 'fi-FI', name = BOT.name): Json {
  const mention = `<at>${name}</at>`;
  return {
    text: `${mention} ${text}`,
    locale,
    entities: [
      { type: 'mention', text: mention, mentioned: { id: BOT.id, name } },
      { type: 'clientInfo', locale, country: 'FI', platform: 'Desktop', timezone: 'Europe/Helsinki' },
    ],
  };
}

async function send(activity: Json): Promise<Json[]> {
  const res = await request(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBe(200);
  return (res.json as { activities?: Json[] } | undefined)?.activities ?? [];
}

const texts = (replies: Json[]) => replies.map((r) => r.text ?? '');
const installed = (scope: 'personal' | 'groupChat', conversationId: string, extra: Json = {}) =>
  teamsActivity(scope, conversationId, {
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: BOT.id }],
    ...extra,
  });
const oneSentence = () => `${facts.municipalities.mikkeli.fi}, 25 vuotta, työmarkkinatuki`;

describe('Teams personal scope', () => {
  it('welcomes the user when the app is installed (only the bot is added)', async () => {
    const replies = await send(installed('personal', 'install-fi', { locale: undefined, entities: undefined }));
    expect(texts(replies)).toEqual(greeting('fi', new Date('2022-06-15T12:00:00Z')).map((g) => g.text));
  });

  it('welcomes in the language of the Teams locale', async () => {
    const replies = await send(installed('personal', 'install-en', { locale: 'en-US' }));
    expect(texts(replies)).toEqual(greeting('en', new Date('2022-06-15T12:00:00Z')).map((g) => g.text));
  });

  it('answers in the language of the locale Teams sends, when the words themselves do not tell', async () => {
    // A bare place name is no language; the locale decides, as on any other channel with that locale.
    const place = facts.municipalities.juva.fi;
    const webChat = (locale: string, id: string) =>
      send({ ...teamsActivity('personal', id), channelId: 'webchat', text: place, locale, entities: undefined });
    const en = await send(
      teamsActivity('personal', 'locale-en', {
        text: place,
        locale: 'en-US',
        entities: [{ type: 'clientInfo', locale: 'en-US' }],
      }),
    );
    expect(en.every((r) => String(r.locale).startsWith('en'))).toBe(true);
    expect(texts(en)).toEqual(texts(await webChat('en-US', 'locale-en-ref')));
    // No activity.locale at all: the clientInfo entity's locale decides.
    const sv = await send(
      teamsActivity('personal', 'locale-sv', {
        text: place,
        locale: undefined,
        entities: [{ type: 'clientInfo', locale: 'sv-SE' }],
      }),
    );
    expect(sv.every((r) => String(r.locale).startsWith('sv'))).toBe(true);
    expect(texts(sv)).toEqual(texts(await webChat('sv-SE', 'locale-sv-ref')));
    const fi = await send(teamsActivity('personal', 'locale-fi', { text: place }));
    expect(fi.every((r) => String(r.locale).startsWith('fi'))).toBe(true);
    expect(texts(fi)).not.toEqual(texts(en));
  });

  it('removes the @mention before understanding: a bot name that contains a place is not read as the municipality', async () => {
    // The bot is mentioned as "Mikkelin opas": read as text, that would be Mikkeli, not Juva.
    const juva = facts.municipalities.juva.fi;
    const plain = await send(
      teamsActivity('personal', 'mention-plain', { text: `${juva}, 25 vuotta, työmarkkinatuki` }),
    );
    const mentioned = await send(
      teamsActivity(
        'personal',
        'mention-at',
        mentioning(`${juva}, 25 vuotta, työmarkkinatuki`, 'fi-FI', `${facts.municipalities.mikkeli.fi}n opas`),
      ),
    );
    expect(texts(mentioned)).toEqual(texts(plain));
  });

  it('sends the answer as an Adaptive Card no newer than Teams renders, with buttons as suggested actions', async () => {
    const replies = await send(teamsActivity('personal', 'card', { text: oneSentence() }));
    const cards = replies
      .flatMap((r) => r.attachments ?? [])
      .filter((a: Json) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const [major, minor] = String(card.content.version).split('.').map(Number);
      const [maxMajor, maxMinor] = TEAMS_MAX_CARD_VERSION.split('.').map(Number);
      expect(major * 100 + minor).toBeLessThanOrEqual(maxMajor * 100 + maxMinor);
    }
  });
});

describe('Teams group chat', () => {
  it('introduces itself once when added, saying it answers only when mentioned', async () => {
    const replies = await send(installed('groupChat', 'group-added'));
    expect(texts(replies)).toContain(t('teamsGroupChatHint', 'fi'));
    expect(texts(replies)).toEqual(
      expect.arrayContaining(greeting('fi', new Date('2022-06-15T12:00:00Z')).map((g) => g.text)),
    );
  });

  it('does not greet every person who joins the group chat', async () => {
    const replies = await send(
      teamsActivity('groupChat', 'group-joined', {
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: '29:another-person' }],
      }),
    );
    expect(replies).toEqual([]);
  });

  it('stays silent on messages that do not mention it', async () => {
    const replies = await send(teamsActivity('groupChat', 'group-silent', { text: oneSentence() }));
    expect(replies).toEqual([]);
  });

  it('answers a message that mentions it, as it would the same words in a personal chat', async () => {
    const group = await send(teamsActivity('groupChat', 'group-mention', mentioning(oneSentence())));
    const personal = await send(teamsActivity('personal', 'group-mention-ref', { text: oneSentence() }));
    expect(texts(group).join(' ')).toContain(facts.providers.mikkeliPilot.name.fi);
    expect(texts(group)).toEqual(texts(personal));
  });

  it('turns suggested buttons into messageBack card buttons, whose presses reach it without a mention', async () => {
    const added = await send(installed('groupChat', 'group-buttons'));
    expect(added.some((r) => r.suggestedActions)).toBe(false);
    const buttons: Json[] = added
      .flatMap((r) => r.attachments ?? [])
      .filter((a: Json) => a.contentType === 'application/vnd.microsoft.card.hero')
      .flatMap((a: Json) => a.content.buttons);
    const english = buttons.find((b) => b.title === 'English');
    expect(english).toMatchObject({ type: 'messageBack', text: 'English', displayText: 'English' });
    // Teams sends a messageBack press as a message with the button's text and value, no mention.
    const pressed = await send(
      teamsActivity('groupChat', 'group-buttons', { text: english!.text, value: english!.value }),
    );
    expect(pressed.length).toBeGreaterThan(0);
    expect(pressed.every((r) => String(r.locale ?? '').startsWith('en'))).toBe(true);
  });
});

describe("the Teams app's links", () => {
  it('the default privacy link points at the privacy section of the page the server serves', async () => {
    const { PRIVACY_ANCHOR, teamsValues } = await import('../../scripts/teams-package');
    const values = teamsValues({ appId: BOT.id.slice(3), domain: 'guide-demo.azurewebsites.net' });
    const url = new URL(values.PRIVACY_URL);
    expect(url.hash).toBe(`#${PRIVACY_ANCHOR}`);
    const page = await (await fetch(`${running.url}${url.pathname}`)).text();
    expect(page).toContain(`id="${PRIVACY_ANCHOR}"`);
  });
});

describe('other channels are left alone', () => {
  it('a Web Chat conversation still gets suggested actions, and plain text is read as typed', async () => {
    const replies = await send({
      ...teamsActivity('personal', 'webchat'),
      channelId: 'webchat',
      type: 'conversationUpdate',
      membersAdded: [{ id: USER.id }],
    });
    expect(replies.some((r) => r.suggestedActions?.actions?.length)).toBe(true);
  });
});
