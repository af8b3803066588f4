import * as v from 'valibot';
import { ISO_DATE } from '../time/dates.js';
import { LIMITS } from './constants.js';

export { LIMITS };


/** A string that is trimmed and cut to `max` characters instead of failing validation. */
export const cappedString = (max: number = LIMITS.shortText) =>
  v.pipe(
    v.string(),
    v.transform((s) => s.trim().slice(0, max)),
  );

/** A non-empty capped string. */
export const requiredString = (max: number = LIMITS.shortText) =>
  v.pipe(cappedString(max), v.minLength(1));

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

/** ISO 8601 date (`2025-10-21`) or date-time with offset or `Z` (`2025-10-21T17:00:00+02:00`). */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const isoDateOrDateTime = v.pipe(
  v.string(),
  v.check((s) => (ISO_DATE.test(s) || ISO_DATE_TIME.test(s)) && !Number.isNaN(Date.parse(s)), 'not an ISO 8601 date'),
);
export const isoDate = v.pipe(
  v.string(),
  v.check((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)), 'not an ISO 8601 date'),
);

/** A URL string; whether it is safe to render is decided later by `safeUrl()`. */
export const urlString = cappedString(LIMITS.url);

export const GeoPointSchema = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
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
  for (let i = 0; i < n; i++) {
    const result = v.safeParse(schema, input[i]);
    if (result.success) items.push(result.output);
    else dropped++;
  }
  return { items, dropped };
}

/** Validates one item; `undefined` when invalid. */
export function validateItem<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> | undefined {
  const result = v.safeParse(schema, input);
  return result.success ? result.output : undefined;
}
