import { z } from 'zod';

// The building blocks of every environment variable's schema (src/config.ts and
// src/operationsConfig.ts), so each rule about how a value is read is written once.

/** An empty or blank value (a line `X=` copied from .env.example) means "not set". */
export const blankAsUnset = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Optional text; blank = not set. */
export const optionalText = z.preprocess(blankAsUnset, z.string().trim().optional());

/** One of `values`, optional; blank = not set. */
export const optionalChoice = <T extends [string, ...string[]]>(values: T) =>
  z.preprocess(blankAsUnset, z.enum(values).optional());

/** `schema`, or `fallback` when not set or blank. */
export const withDefault = <S extends z.ZodTypeAny>(fallback: unknown, schema: S) =>
  z.preprocess((v) => blankAsUnset(v) ?? fallback, schema);

/** A whole number of at least `min` (at most `max`), `fallback` when not set or blank. */
export const wholeNumber = (fallback: number, min: number, max?: number) => {
  const range = max === undefined ? `must be at least ${min}` : `must be ${min}..${max}`;
  const n = z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(min, range);
  return withDefault(fallback, max === undefined ? n : n.max(max, range));
};
