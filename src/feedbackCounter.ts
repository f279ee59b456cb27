import type { Storage, StoreItem } from 'botbuilder';
import { logger } from './logger';
import { CREATE_ONLY_ETAG, isETagConflict } from './storage';

// "Was this helpful?" is stored as two numbers in one storage item: no user id, no text,
// nothing that could point back to a person.

export const FEEDBACK_KEY = 'guide/feedbackCounts';

export interface FeedbackCounts extends StoreItem {
  helpful: number;
  notHelpful: number;
}

export function createFeedbackCounter(storage: Storage): (helpful: boolean) => Promise<void> {
  return async (helpful) => {
    // Optimistic concurrency: two answers at once must both count, so retry on an eTag clash.
    for (let attempt = 0; attempt < 5; attempt++) {
      const items = await storage.read([FEEDBACK_KEY]);
      // The very first count is written "create only", so two first counts cannot both win.
      const current = (items[FEEDBACK_KEY] as FeedbackCounts | undefined) ?? {
        helpful: 0,
        notHelpful: 0,
        eTag: CREATE_ONLY_ETAG,
      };
      const next: FeedbackCounts = {
        helpful: current.helpful + (helpful ? 1 : 0),
        notHelpful: current.notHelpful + (helpful ? 0 : 1),
        eTag: current.eTag,
      };
      try {
        await storage.write({ [FEEDBACK_KEY]: next });
        return;
      } catch (err) {
        // A store that fails is no race to retry: the count is lost, the person is still thanked.
        if (!isETagConflict(err)) return logger.warn({ err: (err as Error).name }, 'feedback count not stored');
        // another turn wrote first: read again
      }
    }
  };
}

export async function readFeedbackCounts(storage: Storage): Promise<{ helpful: number; notHelpful: number }> {
  const items = await storage.read([FEEDBACK_KEY]);
  const c = items[FEEDBACK_KEY] as FeedbackCounts | undefined;
  return { helpful: c?.helpful ?? 0, notHelpful: c?.notHelpful ?? 0 };
}
