import { metrics, type Meter } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { DailyFigures } from './dailyFigures';
import { GuideFigures } from './instruments';

// Where the figures go. Always: Prometheus's text format, served at /metrics by our own server
// (the exporter's own port is never opened), and the daily buckets of the /stats page. With an
// Application Insights connection string also Azure Monitor, through its OpenTelemetry distro.

export const METER_NAME = 'etela-savo-jobseeker-guide';
/** Days of daily buckets the /stats page shows. */
export const STATS_DAYS = 14;

export interface TelemetryOptions {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING; unset = no Azure Monitor. */
  connectionString?: string;
}

export interface Telemetry {
  figures: GuideFigures;
  prometheus: PrometheusExporter;
  daily: DailyFigures;
  /** Flushes every reader (Azure Monitor sends what it holds). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export async function startTelemetry(options: TelemetryOptions = {}): Promise<Telemetry> {
  // No target_info or scope labels: the figures carry only their own closed attributes.
  const prometheus = new PrometheusExporter({
    preventServerStart: true,
    withoutScopeInfo: true,
    withoutTargetInfo: true,
  });
  const daily = new DailyFigures({ days: STATS_DAYS });
  let meter: Meter;
  let provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> };
  if (options.connectionString) {
    // The distro owns the process's meter provider; our readers join it. Loaded only when used:
    // it brings the whole OpenTelemetry SDK.
    const { startAzureMonitor } = await import('./azureMonitor');
    provider = startAzureMonitor(options.connectionString, [prometheus, daily]);
    meter = metrics.getMeter(METER_NAME);
  } else {
    // One provider per server (tests start several in one process), not the global one.
    const own = new MeterProvider({ readers: [prometheus, daily] });
    provider = own;
    meter = own.getMeter(METER_NAME);
  }
  return {
    figures: new GuideFigures(meter),
    prometheus,
    daily,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
