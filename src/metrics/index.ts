/**
 * The service's figures: one set of OpenTelemetry instruments and where they go.
 *
 * - {@link startTelemetry}: the instruments ({@link GuideFigures}) with their readers: Prometheus
 *   for /metrics, the daily buckets of /stats ({@link DailyFigures}) and, with a connection
 *   string, Azure Monitor.
 * - {@link mountFigures}: GET /metrics and GET /stats, for the operators only.
 * - {@link countRefusals}, {@link timeTurns}: the host's own figures (refused requests, turn time).
 * - {@link ATTRIBUTE_VALUES}: every value an exported figure may carry.
 *
 * Only re-exports live here; each name is documented where it is declared.
 * @packageDocumentation
 */
export { startTelemetry, STATS_DAYS, type Telemetry } from './telemetry';
export { GuideFigures, METRIC } from './instruments';
export { DailyFigures } from './dailyFigures';
export { mountFigures } from './routes';
export { countRefusals, timeTurns } from './hostFigures';
export { ATTRIBUTE_VALUES } from './attributes';
export { MIN_SHOWN } from './statsModel';
