import * as v from 'valibot';
import { ISO_DATE } from '../time/dates.js';
import { LIMITS } from './constants.js';
import { UNSURE, fastValidator, type FastValidator } from './fast.js';
import { parseTime } from './parse-time.js';

export { LIMITS };


/** A string that is trimmed and cut to `max` characters instead of failing validation. */
export const cappedString = (max: number = LIMITS.shortText) =>
  v.pipe(
    v.string(),
    v.transform((s) => s.trim().slice(0, max)),
  );

/** A non-empty capped string. */
export const requiredString = (max: number = LIMITS.shortText) =>
  v.pipe(cappedString(max), v.check((s) => s !== ''));

/** A list of capped strings, cut to `LIMITS.list` entries; non-strings are dropped, not fatal. */
export const stringList = (max: number = LIMITS.shortText) =>
  v.optional(
    v.pipe(
      v.array(v.unknown()),
      v.transform((list) =>
        list
          .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
          .slice(0, LIMITS.list)
          .map((s) => s.trim().slice(0, max)),
      ),
    ),
    [],
  );

// The checks carry no messages: nothing shows valibot's issues, and every adapter bundle carries
// the strings. Likewise bounds are plain checks rather than valibot's minValue/maxLength/…:
// each of those adds its own code to every adapter, and the fast path (fast.ts) knows checks.

/** ISO 8601 date (`2025-10-21`) or date-time with offset or `Z` (`2025-10-21T17:00:00+02:00`). */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const isoDateOrDateTime = v.pipe(
  v.string(),
  v.check((s) => (ISO_DATE.test(s) || ISO_DATE_TIME.test(s)) && !Number.isNaN(parseTime(s))),
);
/** ISO 8601 date (`2025-10-21`). */
export const isoDate = v.pipe(
  v.string(),
  v.check((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s))),
);

/** A URL string; whether it is safe to render is decided later by `safeUrl()`. */
export const urlString = cappedString(LIMITS.url);

export const GeoPointSchema = v.object({
  lat: v.pipe(v.number(), v.check((n) => n >= -90 && n <= 90)),
  lon: v.pipe(v.number(), v.check((n) => n >= -180 && n <= 180)),
});
export type GeoPoint = v.InferOutput<typeof GeoPointSchema>;

export const PlaceSchema = v.object({
  name: v.optional(cappedString()),
  address: v.optional(cappedString()),
  postalCode: v.optional(cappedString(10)),
  town: v.optional(cappedString()),
  /** Landkreis or kreisfreie Stadt. */
  district: v.optional(cappedString()),
  geo: v.optional(GeoPointSchema),
  /** Free-text accessibility notes (step-free access, hearing loop …). */
  accessibility: v.optional(cappedString(LIMITS.text)),
});
export type Place = v.InferOutput<typeof PlaceSchema>;

export const ImageSchema = v.object({
  url: urlString,
  /** Alternative text; an empty string marks a decorative image. */
  alt: v.optional(cappedString(), ''),
});
export type Image = v.InferOutput<typeof ImageSchema>;

export const SourceSchema = v.object({
  name: v.optional(cappedString()),
  url: v.optional(urlString),
  licence: v.optional(cappedString()),
});
export type Source = v.InferOutput<typeof SourceSchema>;

export const ContactSchema = v.object({
  name: v.optional(cappedString()),
  email: v.optional(cappedString()),
  phone: v.optional(cappedString(40)),
  url: v.optional(urlString),
});
export type Contact = v.InferOutput<typeof ContactSchema>;

export const LinkSchema = v.object({ label: requiredString(), url: urlString });
export type Link = v.InferOutput<typeof LinkSchema>;

/**
 * Text in several languages. A plain string is German. `de-x-ls` is easy-to-read German
 * (Leichte Sprache).
 */
export const LocalizedTextSchema = v.union([
  cappedString(LIMITS.text),
  v.object({
    de: cappedString(LIMITS.text),
    en: v.optional(cappedString(LIMITS.text)),
    hsb: v.optional(cappedString(LIMITS.text)),
    'de-x-ls': v.optional(cappedString(LIMITS.text)),
  }),
]);
export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;

/** The result of validating untrusted items: what survived and how many were dropped. */
export interface Validated<T> {
  items: T[];
  dropped: number;
}

const fastValidators = new WeakMap<v.GenericSchema, FastValidator>();

/** The schema's fast validator, built on first use. */
function fastOf(schema: v.GenericSchema) {
  let fast = fastValidators.get(schema);
  if (!fast) fastValidators.set(schema, (fast = fastValidator(schema)));
  return fast;
}

/**
 * Validates every item on its own, so one bad item never hides the good ones. Returns fresh
 * objects that hold only known keys (no prototype pollution through `__proto__` keys).
 */
export function validateItems<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Validated<v.InferOutput<S>> {
  if (!Array.isArray(input)) return { items: [], dropped: input == null ? 0 : 1 };
  const items: v.InferOutput<S>[] = [];
  let dropped = Math.max(0, input.length - LIMITS.items);
  const n = Math.min(input.length, LIMITS.items);
  const fast = fastOf(schema);
  for (let i = 0; i < n; i++) {
    const output = fast(input[i]);
    if (output !== UNSURE) items.push(output as v.InferOutput<S>);
    else {
      const result = v.safeParse(schema, input[i]);
      if (result.success) items.push(result.output);
      else dropped++;
    }
  }
  return { items, dropped };
}

/** Validates one item; `undefined` when invalid. */
export function validateItem<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> | undefined {
  const output = fastOf(schema)(input);
  if (output !== UNSURE) return output as v.InferOutput<S>;
  const result = v.safeParse(schema, input);
  return result.success ? result.output : undefined;
}
