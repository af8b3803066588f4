import * as v from 'valibot';
import { ISO_DATE } from '../time.js';
import { DEFAULT_TIME_ZONE, EVENT_FORMATS, EVENT_STATUSES, REGISTRATION_STATES } from './constants.js';
import {
  ContactSchema, ImageSchema, LIMITS, PlaceSchema, SourceSchema, isoDateOrDateTime, validateItems,
} from './common.js';
import { cappedObject, parseIsoDateOrDateTime, requiredText, text, textList } from './fields.js';


// Creating an Intl.DateTimeFormat to test a zone costs ~0.1 ms; feeds repeat a handful of zones.
const knownZones = new Map<string, boolean>();
const isTimeZone = (tz: string) => {
  let ok = knownZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (knownZones.size < 1000) knownZones.set(tz, ok);
  }
  return ok;
};

export const RegistrationSchema = cappedObject({
  url: v.optional(text(LIMITS.url)),
  deadline: v.optional(isoDateOrDateTime),
  state: v.optional(v.picklist(REGISTRATION_STATES)),
});

/**
 * One occurrence of an event. A recurring series yields one `CalendarEvent` per occurrence:
 * `uid` names the series, `id` the occurrence.
 */
export const CalendarEventSchema = v.pipe(
  cappedObject({
    id: requiredText(),
    uid: v.optional(requiredText()),
    title: requiredText(),
    /** `YYYY-MM-DD` for all-day events, otherwise a date-time with offset. */
    start: v.string(),
    /** Exclusive end: for all-day events the day after the last day (as in iCalendar). */
    end: v.optional(v.string()),
    allDay: v.optional(v.boolean()),
    timeZone: v.optional(v.string(), DEFAULT_TIME_ZONE),
    location: v.optional(PlaceSchema),
    onlineUrl: v.optional(text(LIMITS.url)),
    topics: textList(),
    format: v.optional(v.picklist(EVENT_FORMATS)),
    status: v.optional(v.picklist(EVENT_STATUSES), 'scheduled'),
    registration: v.optional(RegistrationSchema),
    organizer: v.optional(ContactSchema),
    url: v.optional(text(LIMITS.url)),
    description: v.optional(text(LIMITS.text)),
    /** Easy-to-read German (Leichte Sprache) summary. */
    easyLanguage: v.optional(text(LIMITS.text)),
    image: v.optional(ImageSchema),
    source: v.optional(SourceSchema),
  }),
  // The dates, the time zone and the defaults in one pass, so each date is parsed once.
  v.rawTransform(({ dataset: { value: e }, addIssue, NEVER }) => {
    const start = parseIsoDateOrDateTime(e.start);
    const end = e.end === undefined ? start : parseIsoDateOrDateTime(e.end);
    const startIsDate = ISO_DATE.test(e.start);
    const allDay = e.allDay ?? startIsDate;
    const problem =
      Number.isNaN(start) || Number.isNaN(end) ? 'not an ISO 8601 date'
      : end < start ? 'end before start'
      : allDay && !startIsDate ? 'all-day event needs a date'
      : !isTimeZone(e.timeZone) ? 'unknown time zone'
      : undefined;
    if (problem) {
      addIssue({ message: problem });
      return NEVER;
    }
    return { ...e, uid: e.uid ?? e.id, allDay };
  }),
);

export type CalendarEvent = v.InferOutput<typeof CalendarEventSchema>;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** Validates untrusted event data; invalid items are dropped and counted. */
export const validateEvents = (input: unknown) => validateItems(CalendarEventSchema, input);

