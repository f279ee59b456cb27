import pino from 'pino';

// One structured logger for the whole host. Never log a user's text, age, benefit,
// municipality or identity code: log ids, outcomes and timings only.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
});
