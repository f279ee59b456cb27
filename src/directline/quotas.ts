import { WebSocket } from 'ws';
import { RateLimiter } from '../http/rateLimiter';
import type { ChannelSettings } from './settings';

// How many streams the channel holds, and for whom: open streams per conversation (a newer one
// cuts the oldest) and per client address (more are refused), and WebSocket upgrades per minute
// per address. Conversations per address are counted by the conversation store itself.

export class StreamQuotas {
  private readonly byConversation = new Map<string, Set<WebSocket>>();
  private readonly byAddress = new Map<string, Set<WebSocket>>();
  private readonly upgrades: RateLimiter;

  constructor(private readonly limits: ChannelSettings['streams']) {
    this.upgrades = new RateLimiter({ perMinute: limits.upgradesPerMinute });
  }

  /** Counts an upgrade from `address`; false when it has asked too often this minute. */
  takeUpgrade(address: string): boolean {
    return this.upgrades.take(address).allowed;
  }

  /** True when `address` holds as many open streams as it may. */
  addressFull(address: string): boolean {
    return openIn(this.byAddress.get(address)).length >= this.limits.maxPerAddress;
  }

  /**
   * Counts a new stream, first cutting the conversation's oldest beyond its share: terminated, not
   * closed, so a client that never answers the close frame cannot keep its socket.
   */
  add(ws: WebSocket, conversationId: string, address: string): void {
    const mine = setIn(this.byConversation, conversationId);
    const open = openIn(mine);
    for (const old of open.slice(0, Math.max(0, open.length - this.limits.maxPerConversation + 1))) {
      old.terminate();
      this.forget(old, conversationId, address);
    }
    mine.add(ws);
    setIn(this.byAddress, address).add(ws);
  }

  /** Forgets a stream in every count (it no longer holds a place). */
  forget(ws: WebSocket, conversationId: string, address: string): void {
    deleteFrom(this.byConversation, conversationId, ws);
    deleteFrom(this.byAddress, address, ws);
  }

  /** Closes the streams of a conversation that ended. */
  closeConversation(conversationId: string): void {
    for (const ws of this.byConversation.get(conversationId) ?? []) ws.close(1000, 'conversation ended');
    this.byConversation.delete(conversationId);
  }

  /** Cuts every stream (the channel is closing). */
  terminateAll(): void {
    for (const set of this.byConversation.values()) for (const ws of set) ws.terminate();
    this.byConversation.clear();
  }
}

/** Only open streams count against a cap: one closing (its client may never answer) does not. */
const openIn = (set: Set<WebSocket> | undefined) => [...(set ?? [])].filter((ws) => ws.readyState === WebSocket.OPEN);

function setIn(map: Map<string, Set<WebSocket>>, key: string): Set<WebSocket> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function deleteFrom(map: Map<string, Set<WebSocket>>, key: string, ws: WebSocket): void {
  map.get(key)?.delete(ws);
  if (map.get(key)?.size === 0) map.delete(key);
}
