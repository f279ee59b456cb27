import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type {
  AuthenticateRequestResult,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';

// CloudAdapter asks its BotFrameworkAuthentication for a connector factory on every turn and builds
// a new ConnectorClient (credentials, an Azure HTTP pipeline of a dozen policies) from it — even for
// an expectReplies turn that never uses it (its cost is in docs/operations.md). A ConnectorClient
// holds no per-turn state (its credentials fetch and renew their own tokens), so, like the older
// BotFrameworkAdapter did, we keep one per (bot app id, audience, service url) and hand it out
// again; the same for the UserTokenClient (a TokenApiClient with its own pipeline) it builds per
// turn, kept per app id. The cache is small and bounded: channels have only a few service urls, and in local mode
// (no app id) a flood of made-up service urls only ever evicts the oldest entries.

const MAX_CLIENTS = 64;

/** The app id the inner factory would use for this identity (audience claim, else appid claim). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

export class CachedConnectorAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  /** CloudAdapter.processActivity takes its connector factory from here. */
  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.cachedFactory(result.claimsIdentity, result.connectorFactory) };
  }

  /** Proactive messages (continueConversation) take theirs from here. */
  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cachedFactory(claimsIdentity, undefined);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private cachedFactory(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory | undefined): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
        remember(this.clients, `${appId}\n${audience ?? ''}\n${serviceUrl}`, () => {
          inner ??= super.createConnectorFactory(claimsIdentity);
          return inner.create(serviceUrl, audience);
        }),
    };
  }

  /** Clients held (for tests). */
  get cachedClients(): number {
    return this.clients.size;
  }
}

/** The cached promise for `key`, or a new one; a failed creation is forgotten (the next turn tries again). */
function remember<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const created = create();
  cache.set(key, created);
  created.catch(() => {
    if (cache.get(key) === created) cache.delete(key);
  });
  if (cache.size > MAX_CLIENTS) cache.delete(cache.keys().next().value as string);
  return created;
}
