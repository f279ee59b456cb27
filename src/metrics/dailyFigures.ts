import type { Attributes } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, MetricReader } from '@opentelemetry/sdk-metrics';
import { finnishDate } from '../../knowledge';

// The counts of each day, for the /stats page ("answers per area per day"), read from the same
// instruments as every other export: a metric reader of our own that asks for what was counted
// since it last asked (delta temporality) and adds it to the bucket of the day (Finnish time).
// Kept in this process's memory, so it is per instance and starts empty at each start; at most
// `days` days are kept, and each day holds at most one number per combination of the closed
// attribute values (src/metrics/attributes.ts), so the memory it takes is bounded.

export interface DailyFiguresOptions {
  /** Days kept, today included. */
  days: number;
  /** How often the counts are read into the day's bucket (a turn just before midnight lands on its day within this). */
  sampleMs?: number;
  /** Injected clock for tests. */
  now?: () => Date;
}

/** One count of one day: a metric, its attributes, the number. */
export interface DayCount {
  day: string;
  name: string;
  attributes: Attributes;
  value: number;
}

interface Series {
  name: string;
  attributes: Attributes;
  value: number;
}

export class DailyFigures extends MetricReader {
  /** day (YYYY-MM-DD) → series key → count; a Map keeps the days in the order they came. */
  private readonly byDay = new Map<string, Map<string, Series>>();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => Date;
  private sampling: Promise<void> = Promise.resolve();

  constructor(private readonly options: DailyFiguresOptions) {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.DELTA });
    this.now = options.now ?? (() => new Date());
    this.timer = setInterval(() => void this.sample(), options.sampleMs ?? 60_000);
    this.timer.unref();
  }

  /** Reads what was counted since the last time into today's bucket. One at a time. */
  sample(): Promise<void> {
    this.sampling = this.sampling.then(
      () => this.collectIntoToday(),
      () => this.collectIntoToday(),
    );
    return this.sampling;
  }

  /** Every count kept, oldest day first (after reading the latest ones). */
  async counts(): Promise<DayCount[]> {
    await this.sample();
    return [...this.byDay].flatMap(([day, series]) => [...series.values()].map((s) => ({ day, ...s })));
  }

  /** The days kept, oldest first, ending today (days without counts included). */
  window(): string[] {
    const today = finnishDate(this.now());
    const days: string[] = [];
    const noon = new Date(`${today}T12:00:00Z`).getTime();
    for (let i = this.options.days - 1; i >= 0; i--)
      days.push(new Date(noon - i * 86_400_000).toISOString().slice(0, 10));
    return days;
  }

  protected async onForceFlush(): Promise<void> {
    await this.sample();
  }

  protected async onShutdown(): Promise<void> {
    clearInterval(this.timer);
  }

  private async collectIntoToday(): Promise<void> {
    const { resourceMetrics } = await this.collect();
    const day = finnishDate(this.now());
    let bucket = this.byDay.get(day);
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) {
        // Counters only: the page shows counts, not the turn-duration histogram.
        if (metric.dataPointType !== DataPointType.SUM) continue;
        for (const point of metric.dataPoints) {
          if (!point.value) continue;
          if (!bucket) this.byDay.set(day, (bucket = new Map()));
          const key = `${metric.descriptor.name}\u0000${JSON.stringify(Object.entries(point.attributes).sort())}`;
          const series = bucket.get(key);
          if (series) series.value += point.value;
          else bucket.set(key, { name: metric.descriptor.name, attributes: point.attributes, value: point.value });
        }
      }
    }
    const keep = new Set(this.window());
    for (const old of this.byDay.keys()) if (!keep.has(old)) this.byDay.delete(old);
  }
}
