/**
 * Runs work of one conversation one after another, in the order it was asked for; different
 * conversations never wait for each other. Memory holds one promise per busy conversation. A
 * failed piece of work does not stop the ones queued after it.
 *
 * Two instances exist: the turn guard's (two turns of one conversation must not run on the same
 * state at once) and the built-in Direct Line channel's (a conversation's activities reach the bot
 * in order, each after the bot has answered the one before).
 */
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Conversations with work running or waiting. */
  get busy(): number {
    return this.tails.size;
  }
}
