import type { Attributes, Counter, Histogram, Meter } from '@opentelemetry/api';
import type { GuideEvent, GuideSession } from '../../dialogs';
import { channelOf, closed, routeOf, statusOf } from './attributes';

// The one set of instruments of the service's figures, made with OpenTelemetry's metrics API.
// Whatever exports them (Prometheus at /metrics, Azure Monitor, the /stats page's daily buckets)
// reads these instruments. Every attribute goes through `closed` (src/metrics/attributes.ts).

/** Turn durations in seconds: a turn takes milliseconds; a slow store or channel seconds. */
const TURN_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Metric names, as OpenTelemetry writes them (Prometheus: dots become _ and counters end in _total). */
export const METRIC = {
  started: 'guide.conversations.started',
  asked: 'guide.questions.asked',
  notUnderstood: 'guide.questions.not_understood',
  answers: 'guide.answers',
  topics: 'guide.topics',
  feedback: 'guide.feedback',
  left: 'guide.conversations.left',
  refused: 'guide.requests.refused',
  turnDuration: 'guide.turn.duration',
} as const;

export type LeftWhy = 'idle' | 'full';

export class GuideFigures {
  private readonly started: Counter;
  private readonly asked: Counter;
  private readonly notUnderstood: Counter;
  private readonly answers: Counter;
  private readonly topics: Counter;
  private readonly feedback: Counter;
  private readonly left: Counter;
  private readonly refused: Counter;
  private readonly turnDuration: Histogram;

  constructor(meter: Meter) {
    const counter = (name: string, description: string) => meter.createCounter(name, { description });
    this.started = counter(METRIC.started, 'Conversations started (first message), by channel and language');
    this.asked = counter(METRIC.asked, 'Questions put to a person (first time in a guidance), by question');
    this.notUnderstood = counter(METRIC.notUnderstood, 'Answers to a question that told nothing, by question');
    this.answers = counter(METRIC.answers, 'Answers given, by period, service, language and channel');
    this.topics = counter(METRIC.topics, 'Questions about the pilots answered, by topic');
    this.feedback = counter(METRIC.feedback, '"Was this helpful?" answers, by period and service');
    this.left = counter(METRIC.left, 'Conversations left with a question open, by question and reason');
    this.refused = counter(METRIC.refused, 'Requests refused by the host (4xx), by status and route');
    this.turnDuration = meter.createHistogram(METRIC.turnDuration, {
      description: 'Time a turn takes, from the request to the reply',
      unit: 's',
      advice: { explicitBucketBoundaries: TURN_BUCKETS },
    });
  }

  /** Counts an event the conversation reported (dialogs/guideEvents.ts), on this channel. */
  report(channelId: string | undefined, event: GuideEvent): void {
    switch (event.kind) {
      case 'conversationStarted':
        return this.started.add(1, { channel: channelOf(channelId), lang: closed('lang', event.lang) });
      case 'questionAsked':
        return this.asked.add(1, { slot: closed('slot', event.slot), lang: closed('lang', event.lang) });
      case 'notUnderstood':
        return this.notUnderstood.add(1, { slot: closed('slot', event.slot), lang: closed('lang', event.lang) });
      case 'answered':
        return this.answers.add(1, {
          ...service(event),
          lang: closed('lang', event.lang),
          channel: channelOf(channelId),
        });
      case 'topicAnswered':
        return this.topics.add(1, { topic: closed('topic', event.topic), lang: closed('lang', event.lang) });
      case 'feedback':
        return this.feedback.add(1, { ...service(event), helpful: event.helpful ? 'yes' : 'no' });
      case 'left':
        return this.left.add(1, { slot: closed('slot', event.slot), reason: closed('reason', event.reason) });
    }
  }

  /**
   * A conversation's state was forgotten by the memory store (idle too long, or the store full).
   * If a question was open, the person left there without an answer. Reads only the session's
   * phase and slot.
   */
  forgotten(stateJson: string, why: LeftWhy): void {
    let session: Partial<GuideSession> | undefined;
    try {
      session = (JSON.parse(stateJson) as { guideSession?: Partial<GuideSession> }).guideSession;
    } catch {
      return;
    }
    if (session?.phase === 'asking' && session.asking)
      this.left.add(1, { slot: closed('slot', session.asking), reason: closed('reason', why) });
  }

  /** A request the host refused (any 4xx), by status and the kind of route. */
  refusedRequest(status: number, path: string): void {
    this.refused.add(1, { status: statusOf(status), route: routeOf(path) });
  }

  /** How long one turn took. */
  turn(seconds: number, channelId: string | undefined): void {
    this.turnDuration.record(seconds, { channel: channelOf(channelId) });
  }
}

/** An answer's period and service as attributes (a provider in the pilot period, an area today). */
function service(target: { period: 'pilot'; provider: string } | { period: 'today'; area: string }): Attributes {
  return target.period === 'pilot'
    ? { period: 'pilot', service: closed('service', target.provider) }
    : { period: 'today', service: closed('service', target.area) };
}
