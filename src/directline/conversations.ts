import { randomBytes } from 'crypto';
import { redactIdentityCodes } from '../../knowledge';

// The local channel's memory: conversations and the activities each has seen, with bounds so a
// busy or abused server cannot grow without limit: at most `maxConversations`, at most
// `maxPerAddress` started from one client address (so one address cannot push everyone else out),
// and only a conversation idle for `evictIdleMs` is dropped to make room (else the channel is
// full and says so); per conversation at most `maxActivities` activities and
// `maxBytes` of them as JSON (older ones fall off; the watermark keeps counting); and
// conversations idle for `idleMs` are dropped. Worst case ≈ maxConversations × maxBytes.

/** A Bot Framework activity as it travels on the wire (only the fields the channel touches). */
export interface WireActivity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  from?: { id: string; name?: string; role?: string };
  recipient?: { id: string; name?: string; role?: string };
  conversation?: { id: string };
  replyToId?: string;
  [key: string]: unknown;
}

export interface ActivitySet {
  activities: WireActivity[];
  watermark: string;
}

export type Listener = (set: ActivitySet) => void;

export interface Conversation {
  id: string;
  userId: string;
  /** The client address that started it ('' when unknown). */
  owner: string;
  locale?: string;
  /** Set when the client first starts the conversation (the bot is told once). */
  started: boolean;
  lastActive: number;
  /** Sequence number of the last activity stamped. */
  seq: number;
  /** Sequence number of the last activity kept; the watermark. */
  keptSeq: number;
  activities: { seq: number; activity: WireActivity; bytes: number }[];
  /** JSON size of the kept activities. */
  bytes: number;
  listeners: Set<Listener>;
  /**
   * While a user's activity waits for the bot's verdict, the activities stamped after it wait
   * here, so the transcript keeps its order whether or not the user's activity is kept.
   */
  held?: WireActivity[];
}

export interface ConversationLimits {
  maxConversations: number;
  /** Conversations one client address may hold at once (default: no own cap). */
  maxPerAddress?: number;
  /** Only a conversation idle this long may be evicted to make room (default 10 minutes). */
  evictIdleMs?: number;
  maxActivities: number;
  maxBytes: number;
  idleMs: number;
}

export class Conversations {
  /** Map order = least recently active first (touch re-inserts). */
  private readonly byId = new Map<string, Conversation>();
  private readonly dropListeners = new Set<(id: string) => void>();
  private readonly perOwner = new Map<string, number>();

  constructor(
    private readonly limits: ConversationLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  /**
   * A new conversation; 'perAddress' when `owner` holds its share already, 'full' when every
   * conversation is in use (none idle long enough to be evicted).
   */
  create(userId: string, locale?: string, owner = ''): Conversation | 'perAddress' | 'full' {
    if (owner && (this.perOwner.get(owner) ?? 0) >= (this.limits.maxPerAddress ?? Infinity)) return 'perAddress';
    const evictBefore = this.now() - (this.limits.evictIdleMs ?? 10 * 60_000);
    while (this.byId.size >= this.limits.maxConversations) {
      const oldest = this.byId.values().next().value as Conversation;
      if (oldest.lastActive > evictBefore) return 'full';
      this.drop(oldest.id);
    }
    // 128 random bits: an id is not guessable, so it can appear in URLs.
    const id = randomBytes(16).toString('base64url');
    const conv: Conversation = {
      id,
      userId,
      owner,
      locale,
      started: false,
      lastActive: this.now(),
      seq: 0,
      keptSeq: 0,
      activities: [],
      bytes: 0,
      listeners: new Set(),
    };
    this.byId.set(id, conv);
    if (owner) this.perOwner.set(owner, (this.perOwner.get(owner) ?? 0) + 1);
    return conv;
  }

  get(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  /** Marks the conversation active now (moves it to the back of the eviction order). */
  touch(conv: Conversation): void {
    conv.lastActive = this.now();
    this.byId.delete(conv.id);
    this.byId.set(conv.id, conv);
  }

  /**
   * The activity as the channel keeps it: every identity code in any of its strings replaced by
   * the knowledge's placeholder, and its id (the next watermark), timestamp and conversation set.
   * Nothing is kept yet.
   */
  stamp(conv: Conversation, activity: WireActivity): WireActivity {
    conv.seq += 1;
    return {
      ...redactIdentityCodes(activity),
      id: `${conv.id}|${String(conv.seq).padStart(7, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
      channelId: 'directline',
      conversation: { id: conv.id },
    };
  }

  /** Stamps the activity, keeps it and pushes it to live listeners (later, if a user's activity awaits its verdict). */
  append(conv: Conversation, activity: WireActivity): WireActivity {
    const stamped = this.stamp(conv, activity);
    if (conv.held) conv.held.push(stamped);
    else this.keep(conv, stamped);
    return stamped;
  }

  /**
   * Runs `deliver` for a user's stamped activity and keeps the activity only if `deliver` says the
   * bot accepted it; what was appended meanwhile is kept after it, in order.
   */
  async keepIfAccepted(conv: Conversation, stamped: WireActivity, deliver: () => Promise<boolean>): Promise<boolean> {
    conv.held = [];
    let accepted = false;
    try {
      accepted = await deliver();
    } finally {
      const later = conv.held;
      conv.held = undefined;
      if (this.byId.get(conv.id) === conv) {
        if (accepted) this.keep(conv, stamped);
        for (const activity of later) this.keep(conv, activity);
      }
    }
    return accepted;
  }

  private keep(conv: Conversation, stamped: WireActivity): void {
    const seq = Number(String(stamped.id).split('|').pop());
    conv.keptSeq = seq;
    const bytes = JSON.stringify(stamped).length;
    conv.activities.push({ seq, activity: stamped, bytes });
    conv.bytes += bytes;
    // Keep at least the newest activity, so a live listener and the next poll still see it.
    while (
      conv.activities.length > 1 &&
      (conv.activities.length > this.limits.maxActivities || conv.bytes > this.limits.maxBytes)
    ) {
      conv.bytes -= conv.activities.shift()!.bytes;
    }
    this.touch(conv);
    const set: ActivitySet = { activities: [stamped], watermark: String(seq) };
    for (const listener of conv.listeners) listener(set);
  }

  /** Activities after `watermark` (all kept ones when absent or not a number). */
  since(conv: Conversation, watermark?: string): ActivitySet {
    const after = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    return {
      activities: conv.activities.filter((a) => a.seq > after).map((a) => a.activity),
      watermark: String(conv.keptSeq),
    };
  }

  onDrop(listener: (id: string) => void): void {
    this.dropListeners.add(listener);
  }

  drop(id: string): void {
    const conv = this.byId.get(id);
    if (!conv || !this.byId.delete(id)) return;
    if (conv.owner) {
      const left = (this.perOwner.get(conv.owner) ?? 1) - 1;
      if (left > 0) this.perOwner.set(conv.owner, left);
      else this.perOwner.delete(conv.owner);
    }
    for (const listener of this.dropListeners) listener(id);
  }

  /** Drops every conversation idle for longer than the limit; returns how many. */
  sweep(): number {
    const cutoff = this.now() - this.limits.idleMs;
    let dropped = 0;
    for (const conv of [...this.byId.values()]) {
      // Polling and stream pings count as activity (the tab is still open); the cap on
      // conversations bounds memory even when many tabs stay open.
      if (conv.lastActive < cutoff) {
        this.drop(conv.id);
        dropped += 1;
      }
    }
    return dropped;
  }
}
