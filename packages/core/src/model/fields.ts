import * as v from 'valibot';
import { ISO_DATE } from '../time.js';
import { LIMITS } from './constants.js';

// Building blocks of the hot schemas (events, initiatives and their parts). Not re-exported from
// the model's index: a `text()` field is trimmed and capped only inside a `cappedObject()`.
//
// Why: valibot runs every schema and action of a pipe as its own step. A field written as
// `v.optional(v.pipe(v.string(), v.transform(cap)))` costs four steps; `v.optional(v.string())`
// costs two, and one transform per object then trims and caps all its strings. With 10 000
// events this halved validation time (bench/validate.mjs). valibot still checks every type;
// the pass after it only trims, caps, and rejects what trimming left empty.

const CAP = Symbol('cap');
const REQUIRED = Symbol('required');
const LIST = Symbol('list');

/** What `text()`, `requiredText()` and `textList()` add to their schema (kept out of their types). */
type Marks = { [CAP]?: number; [REQUIRED]?: true; [LIST]?: true };

/** Trimmed, then cut to `max` characters. */
export const cap = (s: string, max: number): string => {
  const t = s.trim();
  return t.length > max ? t.slice(0, max) : t;
};

/** A string field of a `cappedObject()`, trimmed and cut to `max` characters. */
export const text = (max: number = LIMITS.shortText): v.StringSchema<undefined> =>
  Object.assign(v.string(), { [CAP]: max });

/** A `text()` field that must not be empty after trimming. */
export const requiredText = (max: number = LIMITS.shortText): v.StringSchema<undefined> =>
  Object.assign(v.string(), { [CAP]: max, [REQUIRED]: true as const });

/**
 * A list of strings in a `cappedObject()`, empty by default: non-strings and blank strings are
 * dropped (not fatal), the rest trimmed and capped, at most `LIMITS.list` entries.
 */
export const textList = (max: number = LIMITS.shortText) =>
  v.optional(Object.assign(v.custom<string[]>(Array.isArray), { [CAP]: max, [LIST]: true }) as v.CustomSchema<string[], undefined>, []);

const capList = (list: readonly unknown[], max: number): string[] => {
  // Always a new array: the `[]` default of `v.optional` is one shared instance.
  const out: string[] = [];
  for (let i = 0; i < list.length && out.length < LIMITS.list; i++) {
    const x = list[i];
    if (typeof x !== 'string') continue;
    const s = cap(x, max);
    if (s !== '') out.push(s);
  }
  return out;
};

/** `YYYY-MM-DD` or a date-time with offset or `Z`, and a real date. */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Epoch ms of an ISO 8601 date or date-time, `NaN` when it is neither. */
export const parseIsoDateOrDateTime = (s: string): number =>
  ISO_DATE.test(s) || ISO_DATE_TIME.test(s) ? Date.parse(s) : Number.NaN;
export const isIsoDateOrDateTime = (s: string) => !Number.isNaN(parseIsoDateOrDateTime(s));
export const isIsoDate = (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s));

type Field = { key: string; max: number; required: boolean; list: boolean };

/**
 * `v.object(entries)` followed by one pass that trims and caps its `text()`, `requiredText()`
 * and `textList()` fields and fails when a required one is empty after trimming. Like
 * `v.object`, the output is a fresh object holding only the known keys.
 */
export function cappedObject<const E extends v.ObjectEntries>(entries: E) {
  const fields: Field[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const schema = (entry.type === 'optional' ? (entry as v.OptionalSchema<v.GenericSchema, unknown>).wrapped : entry) as v.GenericSchema & Marks;
    const max = schema[CAP];
    if (max !== undefined) fields.push({ key, max, required: schema[REQUIRED] === true, list: schema[LIST] === true });
  }
  const required = fields.filter((f) => f.required).map((f) => f.key);
  type Output = v.InferOutput<v.ObjectSchema<E, undefined>>;
  const capFields = v.transform<Output, Output>((o) => {
    const out = o as Record<string, unknown>;
    for (const { key, max, list } of fields) {
      const value = out[key];
      if (list) out[key] = capList(value as unknown[], max);
      else if (typeof value === 'string') out[key] = cap(value, max);
    }
    return o;
  });
  return required.length === 0
    ? v.pipe(v.object(entries), capFields)
    : v.pipe(
        v.object(entries),
        capFields,
        v.check((o) => required.every((key) => (o as Record<string, unknown>)[key] !== ''), 'empty text'),
      );
}
