// One local time, one instant, whatever the source: schema.org JSON-LD, a REST API, The Events
// Calendar (WordPress) and iCalendar all read wall-clock times through core's RFC 5545 rule.
// Around the 2026 transitions: a time in the spring gap is read with the offset before the gap,
// a time in the autumn fold is its first occurrence.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { clearFetchCache, type DataAdapter } from '@sozial-innovativ/core';
import { createIcalAdapter } from './ical/index.js';
import { VTIMEZONE_BERLIN, ics } from './ical/fixtures.js';
import { createJsonAdapter } from './json/index.js';
import { createRestAdapter, createTribeAdapter } from './rest/index.js';

interface Case {
  /** Wall-clock time, `YYYY-MM-DDTHH:MM`. */
  local: string;
  /** The instant all sources must agree on. */
  instant: string;
}

const BERLIN: Case[] = [
  { local: '2026-03-29T01:30', instant: '2026-03-29T00:30:00Z' }, // before the gap, CET
  { local: '2026-03-29T02:00', instant: '2026-03-29T01:00:00Z' }, // the gap's first minute: 03:00 CEST
  { local: '2026-03-29T02:30', instant: '2026-03-29T01:30:00Z' }, // in the gap: 03:30 CEST
  { local: '2026-03-29T03:30', instant: '2026-03-29T01:30:00Z' }, // after the gap, CEST
  { local: '2026-10-25T01:30', instant: '2026-10-24T23:30:00Z' }, // before the fold, CEST
  { local: '2026-10-25T02:00', instant: '2026-10-25T00:00:00Z' }, // the fold's first minute, CEST
  { local: '2026-10-25T02:30', instant: '2026-10-25T00:30:00Z' }, // in the fold: the first 02:30, CEST
  { local: '2026-10-25T03:00', instant: '2026-10-25T02:00:00Z' }, // after the fold, CET
];

const NEW_YORK: Case[] = [
  { local: '2026-03-08T02:30', instant: '2026-03-08T07:30:00Z' }, // in the gap: 03:30 EDT
  { local: '2026-11-01T01:30', instant: '2026-11-01T05:30:00Z' }, // in the fold: the first 01:30, EDT
];

/** The same wall times written as UTC (`…Z`): every source must read them as they are. */
const UTC: Case[] = BERLIN.map(({ local }) => ({ local, instant: `${local}:00Z` }));

const id = (c: Case) => `t${c.local.replace(/\D/g, '')}`;
const basic = (c: Case) => c.local.replace(/[-:]/g, '');
const spaced = (c: Case) => `${c.local.replace('T', ' ')}:00`;

// ---- The sources, each fed the same cases.

const jsonLd = (cases: Case[], utc = false): DataAdapter =>
  createJsonAdapter({
    data: {
      '@context': 'https://schema.org',
      '@graph': cases.map((c) => ({ '@type': 'Event', '@id': id(c), name: 'Termin', startDate: utc ? `${c.local}:00Z` : c.local })),
    },
  });

const fast = { retryDelay: 1, maxAge: 0, timeout: 300 };
const served = new Map<string, JsonBodyType>();
const server = setupServer(
  http.get('https://api.example.test/:feed', ({ params }) => HttpResponse.json(served.get(String(params.feed)))),
  http.get('https://wp.example.test/:feed/wp-json/tribe/events/v1/events', ({ params }) => HttpResponse.json(served.get(String(params.feed)))),
);

/** A generic REST API with local date-times (`2026-03-29 02:30:00`), read in Berlin. */
function rest(name: string, cases: Case[], utc = false): DataAdapter {
  served.set(name, { items: cases.map((c) => ({ id: id(c), title: 'Termin', start: utc ? `${c.local}:00Z` : spaced(c) })) });
  return createRestAdapter({ src: `https://api.example.test/${name}`, pagination: 'none', fetchOptions: fast });
}

/** The Events Calendar: local `start_date` in the event's `timezone`, or only `utc_start_date`. */
function tribe(name: string, cases: Case[], timezone: string, utc = false): DataAdapter {
  served.set(name, {
    events: cases.map((c) => ({
      id: id(c), title: 'Termin', all_day: false, timezone,
      ...(utc ? { utc_start_date: spaced(c) } : { start_date: spaced(c) }),
    })),
    total: cases.length, total_pages: 1,
  });
  return createTribeAdapter({ src: `https://wp.example.test/${name}`, fetchOptions: fast });
}

const vevents = (cases: Case[], dtstart: (c: Case) => string) =>
  cases.flatMap((c) => ['BEGIN:VEVENT', `UID:${id(c)}`, dtstart(c), 'SUMMARY:Termin', 'END:VEVENT']);

/** iCalendar with `TZID=` (with or without the zone's VTIMEZONE), floating times, or UTC. */
const ical = {
  tzid: (cases: Case[], zone: string, vtimezone: string[] = []): DataAdapter =>
    createIcalAdapter({ text: ics(...vtimezone, ...vevents(cases, (c) => `DTSTART;TZID=${zone}:${basic(c)}00`)) }),
  floating: (cases: Case[], zone?: string): DataAdapter =>
    createIcalAdapter({ text: ics(...(zone ? [`X-WR-TIMEZONE:${zone}`] : []), ...vevents(cases, (c) => `DTSTART:${basic(c)}00`)) }),
  utc: (cases: Case[]): DataAdapter => createIcalAdapter({ text: ics(...vevents(cases, (c) => `DTSTART:${basic(c)}00Z`)) }),
};

const YEAR = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

/** Each case's start instant as the adapter reads it. */
async function starts(adapter: DataAdapter, cases: Case[]): Promise<string[]> {
  const { items } = await adapter.events!(YEAR);
  const byId = new Map(items.map((e) => [e.id.replace(/@.*$/, ''), e.start]));
  return cases.map((c) => {
    const start = byId.get(id(c));
    return start === undefined ? `missing ${c.local}` : new Date(start).toISOString().replace('.000', '');
  });
}

/** Asserts that every source gives every case its expected instant. */
async function agree(cases: Case[], sources: Record<string, () => DataAdapter>) {
  const expected = cases.map((c) => c.instant);
  for (const [name, create] of Object.entries(sources)) {
    assert.deepEqual(await starts(create(), cases), expected, `${name} reads ${cases.map((c) => c.local).join(', ')}`);
  }
}

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => clearFetchCache());
afterEach(() => served.clear());

describe('time agreement: JSON, REST and iCal sources give the same instants', () => {
  it('around both 2026 Berlin transitions (gap: offset before it; fold: first occurrence)', async () => {
    await agree(BERLIN, {
      'schema.org JSON-LD': () => jsonLd(BERLIN),
      'REST API': () => rest('berlin', BERLIN),
      'The Events Calendar': () => tribe('berlin', BERLIN, 'Europe/Berlin'),
      'iCal TZID': () => ical.tzid(BERLIN, 'Europe/Berlin'),
      'iCal TZID with VTIMEZONE': () => ical.tzid(BERLIN, 'Europe/Berlin', VTIMEZONE_BERLIN),
      'iCal floating': () => ical.floating(BERLIN),
    });
  });

  it('in another zone that a source names (New York)', async () => {
    await agree(NEW_YORK, {
      'The Events Calendar': () => tribe('ny', NEW_YORK, 'America/New_York'),
      'iCal TZID': () => ical.tzid(NEW_YORK, 'America/New_York'),
      'iCal floating with X-WR-TIMEZONE': () => ical.floating(NEW_YORK, 'America/New_York'),
    });
  });

  it('for UTC times, whatever the zone rules around them', async () => {
    await agree(UTC, {
      'schema.org JSON-LD': () => jsonLd(UTC, true),
      'REST API': () => rest('utc', UTC, true),
      'The Events Calendar': () => tribe('utc', UTC, 'Europe/Berlin', true),
      'iCal UTC': () => ical.utc(UTC),
    });
  });
});
