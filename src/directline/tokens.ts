import type * as restify from 'restify';
import type { Conversation, Conversations } from './conversations';
import { TokenSigner, type TokenClaims } from './token';
import { bearer, publicOrigin, sendError } from './http';

// The channel's tokens: what a client is handed for a conversation (a token bound to it, and the
// stream's URL), and the check each client route makes of the token it is shown.

export interface StartedConversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export class ChannelTokens {
  private readonly signer: TokenSigner;

  constructor(
    private readonly conversations: Conversations,
    private readonly ttlSeconds: number,
    signingKey?: string,
  ) {
    this.signer = new TokenSigner(signingKey);
  }

  /** A fresh token for the conversation. */
  issue(conv: Conversation): StartedConversation {
    return {
      conversationId: conv.id,
      token: this.signer.sign(conv.id, conv.userId, this.ttlSeconds),
      expires_in: this.ttlSeconds,
    };
  }

  /** The stream's URL as the browser reached us, carrying the token (WebSockets send no header). */
  streamUrl(req: restify.Request, conv: Conversation, token: string, watermark?: string): string {
    const { ws } = publicOrigin(req, 'localhost');
    const w = watermark && /^\d+$/.test(watermark) ? watermark : '-';
    return `${ws}/v3/directline/conversations/${conv.id}/stream?watermark=${w}&t=${encodeURIComponent(token)}`;
  }

  /** The claims of a valid, unexpired token of ours. */
  verify(token: string | undefined): TokenClaims | undefined {
    return this.signer.verify(token);
  }

  /**
   * Checks the request's bearer token (and that it is bound to `conversationId` when given) and
   * finds its conversation; answers 403 or 404 itself and returns undefined when it cannot.
   */
  authorize(
    req: restify.Request,
    res: restify.Response,
    conversationId?: string,
  ): { claims: TokenClaims; conv: Conversation } | undefined {
    const claims = this.verify(bearer(req));
    if (!claims) {
      sendError(res, 403, 'TokenExpired', 'The token is missing, invalid or expired.');
      return undefined;
    }
    if (conversationId !== undefined && claims.conv !== conversationId) {
      sendError(res, 403, 'BadArgument', 'The token is not valid for this conversation.');
      return undefined;
    }
    const conv = this.conversations.get(claims.conv);
    if (!conv) {
      sendError(res, 404, 'BadArgument', 'Conversation not found.');
      return undefined;
    }
    return { claims, conv };
  }
}
