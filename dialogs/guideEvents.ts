import type { TurnContext } from './sdk';
import type { Branch, Lang, ProviderId, Slot, Topic, TodayGuidance } from '../knowledge';

// What the conversation tells its host about itself, for the service's figures: a closed set of
// events whose every field is an id from the knowledge (a language, a slot, a topic, a provider or
// an employment area) or a fixed word. Never a message's text, an age, a benefit or a municipality:
// the type has no place for them. The host (src/metrics) turns each event into counts.

/** Which service an answer named: by the pilot period's routing a provider, today an employment area. */
export type AnswerTarget =
  | {
      period: 'pilot';
      /** outside: the municipality is not in Etelä-Savo; several: the answer named more than one. */
      provider: ProviderId | 'outside' | 'several';
    }
  | {
      period: 'today';
      /** An id of facts.employmentAreas; disputed: the sources disagree; outside / several as above. */
      area: string | 'outside' | 'disputed' | 'several';
    };

/** Why a conversation ended before an answer. */
export type LeftReason = 'restart' | 'cancel' | 'deleteData';

export type GuideEvent =
  /** The first message of a conversation (or the first after it was cancelled or deleted). */
  | { kind: 'conversationStarted'; lang: Lang }
  /** A question put for the first time in a guidance (re-asks are not counted again). */
  | { kind: 'questionAsked'; slot: Slot; lang: Lang }
  /** An answer to that question that told nothing the guide could use. */
  | { kind: 'notUnderstood'; slot: Slot; lang: Lang }
  | ({ kind: 'answered'; lang: Lang } & AnswerTarget)
  | { kind: 'topicAnswered'; topic: Topic; lang: Lang }
  | ({ kind: 'feedback'; helpful: boolean } & AnswerTarget)
  /** The person started again, cancelled or deleted their data while a question was open. */
  | { kind: 'left'; slot: Slot; reason: LeftReason };

/** The host's side: counts an event of this turn (the context gives it the channel). Never throws. */
export type ReportEvent = (context: TurnContext, event: GuideEvent) => void;

/**
 * The service a routing answer names (during the pilot period, or about it afterwards): the
 * provider of that time.
 */
export function routingTarget(branches: readonly Branch[]): AnswerTarget {
  const providers = new Set(branches.map((b): ProviderId | 'outside' => b.guidance.provider?.id ?? 'outside'));
  return { period: 'pilot', provider: providers.size === 1 ? [...providers][0] : 'several' };
}

/** The service today's answer names: the employment area that serves the municipality now. */
export function todayTarget(g: TodayGuidance): AnswerTarget {
  // A municipality outside Etelä-Savo counts as outside, even where a source names its area.
  if (g.outcome === 'outside' || !g.area) return { period: 'today', area: 'outside' };
  if (g.status === 'disputed') return { period: 'today', area: 'disputed' };
  return { period: 'today', area: g.area.id };
}
