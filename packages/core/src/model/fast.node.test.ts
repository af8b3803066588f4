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
const shaped = <T extends object>(item: fc.Arbitrary<T>, keys: string[]) =>
  fc.tuple(item, fc.nat(11), fc.constantFrom(...keys, 'title'), junk).map(([x, how, key, value]) => {
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

const initiativeFields = {
  id: fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) }, { weight: 1, arbitrary: hostileString }),
  name: text,
  kind: mostly(fc.constantFrom('initiative', 'organisation', 'social-enterprise', 'project', 'network', 'public-body'), fc.constantFrom('verein', 'Project', '')),
  summary: text,
  description: text,
  easyLanguage: text,
  topics,
  targetGroups: topics,
  region: place,
  contact,
  links: fc.oneof(
    fc.array(mostly(fc.record({ label: maybeJunk(text), url: maybeJunk(url) }, { requiredKeys: [] }), junk), { maxLength: 4 }),
    fc.constant(Array.from({ length: 60 }, (_, i) => ({ label: `Link ${i}`, url: `https://x.example/${i}` }))),
  ),
  url,
  image,
  /** Year or date of founding: the two options of a union. */
  founded: fc.oneof(fc.integer({ min: 1900, max: 2030 }).map(String), dateOnly, fc.constantFrom('19900', '1990 ', '2020-02-30', '')),
  lastChecked: mostly(dateOnly, fc.constantFrom('2024-13-01', '2024', '')),
  source,
};
/** A near-valid initiative, with up to two fields replaced by junk. */
const initiative = fc.tuple(
  fc.record(initiativeFields, { requiredKeys: ['id', 'name'] }),
  mostly(fc.constant([]), fc.array(fc.tuple(fc.constantFrom(...Object.keys(initiativeFields)), junk), { minLength: 1, maxLength: 2 })),
).map(([x, mutations]) => Object.assign({ ...x }, Object.fromEntries(mutations)));

/**
 * A record as JSON.parse makes it (own `__proto__` keys, integer-like keys that sort first), now
 * and then an array, an object without prototype or one with inherited keys.
 */
const recordOf = <T>(value: fc.Arbitrary<T>) => fc.tuple(
  fc.array(fc.tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('rent', 'householdSize', 'stepFree', 'setting', 'household') },
      { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '10', '0', 'k'.repeat(100), 'k'.repeat(101)) },
    ),
    value,
  ), { maxLength: 5 }),
  mostly(fc.constant('object'), fc.constantFrom('array', 'no prototype', 'inherited')),
).map(([entries, how]) => {
  const x = how === 'array' ? entries.map(([, value]) => value) : how === 'no prototype' ? Object.create(null) : how === 'inherited' ? Object.create({ rent: 1, __proto__: { x: 2 } }) : {};
  if (how !== 'array') for (const [key, value] of entries) Object.defineProperty(x, key, { value, enumerable: true, writable: true, configurable: true });
  return x as object;
});
/** An attribute value: each option of the union, with values just outside each option. */
const attributeValue = mostly(
  fc.oneof(
    text,
    fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
    fc.boolean(),
    fc.array(mostly(text, junk), { maxLength: 4 }),
    fc.record({ min: maybeJunk(fc.integer()), max: maybeJunk(fc.double()) }, { requiredKeys: [] }),
  ),
  fc.oneof(fc.constantFrom(NaN, Infinity, -Infinity, null, undefined, Array(51).fill('x')), junk),
);
const offerFields = {
  id: fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) }, { weight: 1, arbitrary: hostileString }),
  name: text,
  summary: text,
  description: text,
  easyLanguage: text,
  location: place,
  url,
  contact,
  image,
  attributes: recordOf(attributeValue),
  seeks: recordOf(attributeValue),
  source,
};
/** A near-valid offer, with up to two fields replaced by junk. */
const offer = fc.tuple(
  fc.record(offerFields, { requiredKeys: ['id', 'name'] }),
  mostly(fc.constant([]), fc.array(fc.tuple(fc.constantFrom(...Object.keys(offerFields)), junk), { minLength: 1, maxLength: 2 })),
).map(([x, mutations]) => Object.assign({ ...x }, Object.fromEntries(mutations)));

/**
 * `validate` gives what valibot alone gives for every generated list, and so does validateItem;
 * the fast path answers for some items and leaves others, so both sides are compared.
 */
function assertSameAsValibot<S extends v.GenericSchema>(schema: S, validate: (input: unknown) => Validated<v.InferOutput<S>>, items: fc.Arbitrary<unknown>, runs = RUNS) {
  let answered = 0;
  let total = 0;
  const fast = fastValidator(schema);
  fc.assert(
    fc.property(listOf(items), (list) => {
      total += list.length;
      answered += list.filter((item) => fast(item) !== UNSURE).length;
      assertSame(validate(list), valibotOnly(schema, list));
      for (const item of list) {
        const r = v.safeParse(schema, item);
        const expected = r.success ? r.output : undefined;
        const one = validateItem(schema, item);
        assert.deepStrictEqual(one, expected);
        assert.deepStrictEqual(keyOrder(one), keyOrder(expected));
      }
    }),
    { numRuns: runs, seed: SEED },
  );
  assert.ok(answered > total / 10 && answered < total, `fast path answered ${answered} of ${total}`);
}

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

  it('answers for a common initiative and offer too', () => {
    const initiative = { id: 'i1', name: 'Lernpaten', kind: 'project', topics: ['Bildung'], region: { town: 'Flöha' }, links: [{ label: 'Web', url: 'https://x.example' }, { nope: 1 }], founded: '2019' };
    const offer = {
      id: 'o1', name: 'Wohnhof', location: { town: 'Görlitz', geo: { lat: 51.15, lon: 14.99 } },
      attributes: { rent: 450, householdSize: { min: 2, max: 5 }, stepFree: true, setting: ['village', 'town'], note: ' ruhig ' },
      seeks: { household: ['family'] },
    };
    for (const [schema, item] of [[InitiativeSchema, initiative], [MatchOfferSchema, offer]] as const) {
      const fast = fastValidator(schema)(item);
      assert.notEqual(fast, UNSURE);
      assert.deepStrictEqual(fast, v.parse(schema, item));
      assert.deepStrictEqual(keyOrder(fast), keyOrder(v.parse(schema, item)));
    }
  });

  it('validateEvents gives what valibot gives, item for item and key for key', () => {
    assertSameAsValibot(CalendarEventSchema, validateEvents, shaped(event, Object.keys(CalendarEventSchema.pipe[0].entries)));
  });

  it('validateInitiatives gives what valibot gives', () => {
    assertSameAsValibot(InitiativeSchema, validateInitiatives, shaped(initiative, Object.keys(InitiativeSchema.entries)));
  });

  it('validateOffers gives what valibot gives', () => {
    assertSameAsValibot(MatchOfferSchema, validateOffers, shaped(offer, Object.keys(MatchOfferSchema.entries)));
  });

  it('takes a union option only where valibot would', () => {
    // The first option has a part the fast path does not know (minLength; a fallback): its
    // UNSURE may mean "valid", so the second option must not answer in its place.
    const long = v.union([v.pipe(v.string(), v.minLength(3), v.transform(() => 'long')), v.pipe(v.string(), v.transform(() => 'short'))]);
    const fallback = v.union([v.fallback(v.pipe(v.string(), v.check((s) => s !== 'x')), 'fallback'), v.string()]);
    const known = v.union([v.pipe(v.string(), v.check((s) => s.length >= 3), v.transform(() => 'long')), v.pipe(v.string(), v.transform(() => 'short'))]);
    const nested = v.object({ a: v.optional(v.union([v.object({ n: v.number() }), v.record(v.string(), known)])) });
    assert.equal(fastValidator(long)('abcd'), UNSURE);
    assert.equal(fastValidator(fallback)('x'), UNSURE);
    assert.equal(fastValidator(known)('abcd'), 'long');
    assert.equal(fastValidator(known)('ab'), 'short');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 5 }), junk, fc.record({ a: fc.oneof(junk, fc.record({ n: fc.double() }), fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string({ maxLength: 5 }), junk)) ) })), (input) => {
        for (const schema of [long, fallback, known, nested]) {
          const r = v.safeParse(schema, input);
          assert.deepStrictEqual(validateItem(schema, input), r.success ? r.output : undefined);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('leaves the prototypes alone', () => {
    validateEvents([JSON.parse('{"id":"p","title":"t","start":"2025-01-01","__proto__":{"polluted":1},"location":{"__proto__":{"polluted":1}}}')]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
