import { metrics } from '@opentelemetry/api';
import {
  shutdownAzureMonitor,
  useAzureMonitor,
  type AzureMonitorOpenTelemetryOptions,
} from '@azure/monitor-opentelemetry';
import type { MetricReader } from '@opentelemetry/sdk-metrics';

// Azure Monitor's OpenTelemetry distro, for metrics only. Its automatic collection is off: request
// and dependency traces (a request's URL carries Direct Line tokens and conversation ids),
// exceptions (a message may quote a user's words), logs and console output, live metrics, the
// standard and performance-counter metrics, and its own usage reports to Microsoft (statsbeat).
// What reaches Application Insights is the figures of src/metrics/instruments.ts, nothing else.

/** The distro's options: metrics only (exported for the test that checks what is sent). */
export function azureMonitorOptions(
  connectionString: string,
  readers: MetricReader[],
): AzureMonitorOpenTelemetryOptions {
  const off = { enabled: false };
  return {
    azureMonitorExporterOptions: { connectionString, disableOfflineStorage: true },
    // No span is ever sampled, whatever an instrumentation might start.
    samplingRatio: 0,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    enableStandardMetrics: false,
    enablePerformanceCounters: false,
    enableTraceBasedSamplingForLogs: false,
    instrumentationOptions: {
      http: off,
      azureSdk: off,
      mongoDb: off,
      mySql: off,
      postgreSql: off,
      redis: off,
      redis4: off,
      bunyan: off,
      winston: off,
      console: off,
    },
    metricReaders: readers,
  };
}

/** Starts the distro with our readers on its meter provider; returns that provider. */
export function startAzureMonitor(
  connectionString: string,
  readers: MetricReader[],
): { forceFlush(): Promise<void>; shutdown(): Promise<void> } {
  // The distro's and exporter's usage reports (statsbeat, SDK stats) go to Microsoft, not to this
  // service's resource: off, unless the operator set these variables otherwise.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT ??= 'true';
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED ??= 'true';
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED ??= 'true';
  useAzureMonitor(azureMonitorOptions(connectionString, readers));
  const provider = metrics.getMeterProvider() as { forceFlush?: () => Promise<void> };
  return {
    forceFlush: () => provider.forceFlush?.() ?? Promise.resolve(),
    // Sends what is left, and stops the distro's providers and timers.
    shutdown: () => shutdownAzureMonitor(),
  };
}
