// The connector client cache: one client per (app id, audience, service url), bounded.
import { ClaimsIdentity } from 'botframework-connector';
import { CachedConnectorAuthentication } from '../../src/connectorCache';

const anonymous = new ClaimsIdentity([], 'anonymous');

test('a second turn to the same service url gets the same client; another url gets its own', async () => {
  const auth = new CachedConnectorAuthentication({});
  const first = await auth.createConnectorFactory(anonymous).create('https://a.example.test/', undefined);
  const again = await auth.createConnectorFactory(anonymous).create('https://a.example.test/', undefined);
  const other = await auth.createConnectorFactory(anonymous).create('https://b.example.test/', undefined);
  expect(again).toBe(first);
  expect(other).not.toBe(first);
  // baseUri is protected in the typings; the test still checks which host the client talks to.
  expect(Reflect.get(other, 'baseUri')).toBe('https://b.example.test/');
});

test('another bot app id never shares a client', async () => {
  const auth = new CachedConnectorAuthentication({});
  const a = await auth
    .createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: 'app-a' }], true))
    .create('https://a.example.test/', undefined);
  const b = await auth
    .createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: 'app-b' }], true))
    .create('https://a.example.test/', undefined);
  expect(b).not.toBe(a);
});

test('made-up service urls cannot grow the cache without bound', async () => {
  const auth = new CachedConnectorAuthentication({});
  for (let i = 0; i < 200; i++)
    await auth.createConnectorFactory(anonymous).create(`https://x${i}.example.test/`, undefined);
  expect(auth.cachedClients).toBeLessThanOrEqual(64);
});

test('turns processed by a CloudAdapter reuse one connector client and one user token client', async () => {
  const { CloudAdapter } = await import('botbuilder');
  const adapter = new CloudAdapter(new CachedConnectorAuthentication({}));
  const seen: unknown[][] = [];
  const activity = () => ({
    type: 'message',
    text: 'hei',
    channelId: 'test',
    serviceUrl: 'https://a.example.test/',
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
  });
  for (let i = 0; i < 2; i++) {
    await adapter.processActivityDirect('', activity() as never, async (context) => {
      seen.push([context.turnState.get(adapter.ConnectorClientKey), context.turnState.get(adapter.UserTokenClientKey)]);
    });
  }
  expect(seen[0][0]).toBeDefined();
  expect(seen[1][0]).toBe(seen[0][0]);
  expect(seen[1][1]).toBe(seen[0][1]);
});
