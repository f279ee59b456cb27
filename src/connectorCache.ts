import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';

// CloudAdapter asks its BotFrameworkAuthentication for a connector factory on every turn and builds
// a new ConnectorClient (credentials, an Azure HTTP pipeline of a dozen policies) from it — even for
// an expectReplies turn that never uses it. That was about 5 % of a turn's CPU. A ConnectorClient
// holds no per-turn state (its credentials fetch and renew their own tokens), so, like the older
// BotFrameworkAdapter did, we keep one per (bot app id, audience, service url) and hand it out
// again. The cache is small and bounded: channels have only a few service urls, and in local mode
// (no app id) a flood of made-up service urls only ever evicts the oldest entries.

const MAX_CLIENTS = 64;

/** The app id the inner factory would use for this identity (audience claim, else appid claim). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

export class CachedConnectorAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    let inner: ConnectorFactory | undefined;
    return {
      create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
        const key = `${appId}\n${audience ?? ''}\n${serviceUrl}`;
        const known = this.clients.get(key);
        if (known) return known;
        inner ??= super.createConnectorFactory(claimsIdentity);
        const created = inner.create(serviceUrl, audience);
        this.clients.set(key, created);
        // A failed creation is not remembered: the next turn tries again.
        created.catch(() => {
          if (this.clients.get(key) === created) this.clients.delete(key);
        });
        if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
        return created;
      },
    };
  }

  /** Clients held (for tests). */
  get cachedClients(): number {
    return this.clients.size;
  }
}
