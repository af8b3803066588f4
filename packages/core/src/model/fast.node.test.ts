// The fast path (fast.ts) against valibot alone: for generated near-valid and hostile items,
// validateEvents / validateInitiatives / validateOffers must return exactly what the pure
// valibot loop returns (same items, same keys in the same order, same `dropped`). Fixed seed;
// `FUZZ_RUNS=20000` for a longer run.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as v from 'valibot';
import {
  CalendarEventSchema, InitiativeSchema, LIMITS, MatchOfferSchema, validateEvents, validateInitiatives, validateItem,
  validateOffers, type Validated,
} from './index.js';
import { UNSURE, fastValidator } from './fast.js';

const RUNS = Number(process.env.FUZZ_RUNS) || 600;
const SEED = Number(process.env.FUZZ_SEED) || 20260305;

/** validateItems as it was before the fast path: valibot for every item. */
function valibotOnly<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  if (!Array.isArray(input)) return { items: [], dropped: input == null ? 0 : 1 };
  const items: v.InferOutput<S>[] = [];
  let dropped = Math.max(0, input.length - LIMITS.items);
  for (let i = 0; i < Math.min(input.length, LIMITS.items); i++) {
    const result = v.safeParse(schema, input[i]);
    if (result.success) items.push(result.output);
    else dropped++;
  }
  return { items, dropped };
}

/** Every own key in order, recursively: deepStrictEqual does not compare key order. */
const keyOrder = (x: unknown): unknown =>
  x && typeof x === 'object' ? Object.entries(x).map(([k, value]) => [k, keyOrder(value)]) : typeof x;

function assertSame<T>(actual: Validated<T>, expected: Validated<T>) {
  assert.deepStrictEqual(actual, expected);
  assert.deepStrictEqual(keyOrder(actual), keyOrder(expected));
}

// ---- values ----------------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const HOSTILE = [
  '', ' ', '  x  ', '\u00a0', '\t\n', '\u2028', '\u0000', '\ud800', '😀'.repeat(200), ' '.repeat(400) + 'x', 'x'.repeat(301),
  '<script>alert(1)</script>', 'javascript:alert(1)', '__proto__', 'constructor', 'toString', 'Europe/Berlin', 'UTC', 'utc',
  'Mars/Olympus', 'Etc/GMT+1', '2025-10-21', 'scheduled', 'cancelled', 'online', 'open',
];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
const hugeString = fc.tuple(fc.constantFrom(' ', 'ab', 'ä ', '😀', '\u2003'), fc.integer({ min: 250, max: 9_000 })).map(([s, n]) => s.repeat(n));
const text = fc.oneof({ weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) }, { weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: hugeString });
/** Anything at all, now and then in place of a well-typed value. */
const junk = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -1, NaN, Infinity, 1e308, '', [], {}, [[]], { length: 2 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true, withBoxedValues: true }),
);
const maybeJunk = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 20, arbitrary: arb }, { weight: 1, arbitrary: junk });

/** Mostly `valid`, now and then `odd`. */
// noBias: fast-check otherwise prefers the rare branch and the edges of every range.
const mostly = <T, U>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.noBias(fc.oneof({ weight: 29, arbitrary: valid }, { weight: 1, arbitrary: odd }));

/** ISO dates and date-times, mostly valid, with every field now and then out of range. */
const dateOnly = fc.tuple(
  mostly(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 0, max: 9999 })),
  mostly(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
  mostly(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 99 })),
).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const dateTime = fc.tuple(
  dateOnly,
  mostly(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 99 })),
  mostly(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 99 })),
  fc.option(mostly(fc.integer({ min: 0, max: 59 }), fc.constantFrom(60, 61)), { freq: 3 }),
  fc.option(mostly(fc.stringMatching(/^\d{1,9}$/), fc.constant('1234567890')), { freq: 5 }),
  mostly(
    fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45)).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`)),
    fc.constantFrom('', '+0100', 'z', '+25:00', '+01:60', '-00:00'),
  ),
).map(([day, h, m, s, f, zone]) => `${day}T${pad(h)}:${pad(m)}${s === null ? '' : `:${pad(s)}${f === null ? '' : `.${f}`}`}${zone}`);
const date = fc.oneof({ weight: 12, arbitrary: dateTime }, { weight: 6, arbitrary: dateOnly }, { weight: 1, arbitrary: hostileString });

const geo = fc.record({
  lat: maybeJunk(fc.oneof(fc.double({ min: -91, max: 91, noNaN: true }), fc.constantFrom(-90, 90, 0, -0))),
  lon: maybeJunk(fc.oneof(fc.double({ min: -181, max: 181, noNaN: true }), fc.constantFrom(-180, 180))),
}, { requiredKeys: ['lat', 'lon'] });
const place = fc.record({
  name: maybeJunk(text), address: maybeJunk(text), postalCode: maybeJunk(fc.oneof(fc.constant('02826'), text)), town: maybeJunk(text),
  district: maybeJunk(text), geo: maybeJunk(geo), accessibility: maybeJunk(text),
}, { requiredKeys: [] });
const url = fc.oneof(fc.webUrl(), fc.constantFrom('/relative', 'javascript:alert(1)', ' https://x.example/ '), hostileString);
const topics = fc.oneof(
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom('Wohnen', 'Pflege', ' Kultur ', '') }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: text }), { maxLength: 8 }),
  fc.sparseArray(fc.constantFrom('Wohnen', 'Pflege'), { maxLength: 6 }),
  fc.constant(Array(60).fill('Wohnen')),
);
const contact = fc.record({ name: maybeJunk(text), email: maybeJunk(text), phone: maybeJunk(fc.oneof(fc.constant('+49 3581 123456'), text)), url: maybeJunk(url) }, { requiredKeys: [] });
const image = fc.record({ url: maybeJunk(url), alt: maybeJunk(fc.oneof(fc.constant(''), text)) }, { requiredKeys: ['url'] });
const source = fc.record({ name: maybeJunk(text), url: maybeJunk(url), licence: maybeJunk(fc.constantFrom('CC0-1.0', 'CC-BY-4.0')) }, { requiredKeys: [] });

const eventFields = {
  id: fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) }, { weight: 1, arbitrary: hostileString }),
  uid: fc.string({ minLength: 1, maxLength: 12 }),
  title: text,
  start: date,
  end: date,
  allDay: fc.boolean(),
  timeZone: mostly(fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'europe/berlin'), fc.constantFrom('Mars/Olympus', '', 'Berlin')),
  location: place,
  onlineUrl: url,
  topics,
  format: mostly(fc.constantFrom('onsite', 'online', 'hybrid'), fc.constantFrom('Online', '')),
  status: mostly(fc.constantFrom('scheduled', 'cancelled', 'postponed'), fc.constantFrom('maybe', '')),
  registration: fc.record({
    url: maybeJunk(url), deadline: maybeJunk(date), state: mostly(fc.constantFrom('open', 'closed', 'waitlist', 'not-required'), fc.constant('x')),
  }, { requiredKeys: [] }),
  organizer: contact,
  url,
  description: text,
  easyLanguage: text,
  image,
  source,
};
/** A near-valid event: its end often derived from its start, and up to two fields replaced by junk. */
const event = fc.tuple(
  fc.record(eventFields, { requiredKeys: ['id', 'title', 'start'] }),
  fc.constantFrom('as is', 'same as start', 'an hour later', 'next day', 'no end'),
  mostly(fc.constant([]), fc.array(fc.tuple(fc.constantFrom(...Object.keys(eventFields)), junk), { minLength: 1, maxLength: 2 })),
).map(([e, end, mutations]) => {
  const x: Record<string, unknown> = { ...e };
  const start = typeof e.start === 'string' ? e.start : '';
  if (end === 'same as start') x.end = start;
  else if (end === 'an hour later') x.end = start.replace(/T(\d\d)/, (_, h: string) => `T${pad(Math.min(23, Number(h) + 1))}`);
  else if (end === 'next day') x.end = start.replace(/^(\d{4}-\d\d-)(\d\d)/, (_, ym: string, d: string) => ym + pad(Number(d) + 1));
  else if (end === 'no end') delete x.end;
  for (const [key, value] of mutations) x[key] = value;
  return x;
});

/**
 * An item as untrusted input may shape it: extra keys, keys present but undefined, own
 * `__proto__`/`constructor` keys (as JSON.parse makes them), known keys inherited from a
 * prototype, or not an object at all.
 */
const shaped = <T extends object>(item: fc.Arbitrary<T>) =>
  fc.tuple(item, fc.nat(11), fc.constantFrom(...Object.keys(CalendarEventSchema.pipe[0].entries), 'name', 'links', 'kind'), junk).map(([x, how, key, value]) => {
    switch (how) {
      case 0: return { ...x, extra: value, [key]: undefined };
      case 1: return JSON.parse(`{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, ${JSON.stringify(x).slice(1)}`.replace(', }', '}'));
      case 2: return Object.assign(Object.create({ [key]: value, title: 'inherited' }), x);
      case 3: return value;
      case 4: { const copy = { ...x } as Record<string, unknown>; delete copy[key]; return copy; }
      default: return x;
    }
  });

const listOf = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 12 });

// ---- properties ------------------------------------------------------------------------------

describe('fast path = valibot', () => {
  it('answers for the common event shape, so these tests compare something', () => {
    const common = { id: 'e1', title: 'Sprechstunde', start: '2026-03-05T09:00:00+01:00', end: '2026-03-05T10:00:00+01:00', location: { name: 'Rathaus', town: 'Görlitz' }, topics: ['Wohnen'] };
    const fast = fastValidator(CalendarEventSchema)(common);
    assert.notEqual(fast, UNSURE);
    assert.deepStrictEqual(fast, v.parse(CalendarEventSchema, common));
    // An invalid item is always left to valibot.
    assert.equal(fastValidator(CalendarEventSchema)({ ...common, end: '2026-03-05T08:00:00+01:00' }), UNSURE);
  });

  it('validateEvents gives what valibot gives, item for item and key for key', () => {
    let answered = 0;
    let total = 0;
    const fast = fastValidator(CalendarEventSchema);
    fc.assert(
      fc.property(listOf(shaped(event)), (list) => {
        total += list.length;
        answered += list.filter((item) => fast(item) !== UNSURE).length;
        assertSame(validateEvents(list), valibotOnly(CalendarEventSchema, list));
        // validateItem (the iCalendar adapter's way in) takes the same path.
        for (const item of list) {
          const r = v.safeParse(CalendarEventSchema, item);
          assert.deepStrictEqual(validateItem(CalendarEventSchema, item), r.success ? r.output : undefined);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generators must reach both sides: items the fast path validates and items it leaves.
    assert.ok(answered > total / 10 && answered < total, `fast path answered ${answered} of ${total}`);
  });

  it('validateInitiatives and validateOffers give what valibot gives', () => {
    const initiative = fc.record({
      id: maybeJunk(fc.string({ minLength: 1, maxLength: 10 })), name: maybeJunk(text),
      kind: maybeJunk(fc.constantFrom('initiative', 'project', 'verein')), summary: maybeJunk(text), topics: maybeJunk(topics),
      targetGroups: maybeJunk(topics), region: maybeJunk(place), contact: maybeJunk(contact),
      links: maybeJunk(fc.array(maybeJunk(fc.record({ label: maybeJunk(text), url: maybeJunk(url) })), { maxLength: 4 })),
      url: maybeJunk(url), image: maybeJunk(image), founded: maybeJunk(fc.oneof(fc.constantFrom('1990', '19900'), dateOnly)),
      lastChecked: maybeJunk(dateOnly), source: maybeJunk(source),
    }, { requiredKeys: ['id', 'name'] });
    const offer = fc.record({
      id: maybeJunk(fc.string({ minLength: 1, maxLength: 10 })), name: maybeJunk(text), location: maybeJunk(place),
      attributes: maybeJunk(fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), text, fc.boolean()), { maxKeys: 3 })),
    }, { requiredKeys: ['id', 'name'] });
    fc.assert(
      fc.property(listOf(shaped(initiative)), listOf(shaped(offer)), (initiatives, offers) => {
        assertSame(validateInitiatives(initiatives), valibotOnly(InitiativeSchema, initiatives));
        assertSame(validateOffers(offers), valibotOnly(MatchOfferSchema, offers));
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });

  it('leaves the prototypes alone', () => {
    validateEvents([JSON.parse('{"id":"p","title":"t","start":"2025-01-01","__proto__":{"polluted":1},"location":{"__proto__":{"polluted":1}}}')]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
