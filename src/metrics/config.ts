import { z } from 'zod';
import { blankAsUnset, optionalText } from '../envVars';

// The figures' configuration variables, spread into the host's schema (src/config.ts).

export const metricsShape = {
  /**
   * The key that opens /metrics and /stats when the bot has an app id (Bearer token for Prometheus,
   * the password a browser asks for). Unset = both answer 404. Long and random: it guards the raw figures.
   */
  STATS_KEY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9._~+/=-]{24,200}$/, 'must be 24 to 200 characters of A-Z, a-z, 0-9 and ._~+/=-')
      .optional(),
  ),
  /** Application Insights' connection string: the figures (metrics only) go to Azure Monitor too. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.refine(
    (v) => v === undefined || /(^|;)\s*InstrumentationKey=[0-9a-f-]{36}\s*(;|$)/i.test(v),
    'must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)',
  ),
};
