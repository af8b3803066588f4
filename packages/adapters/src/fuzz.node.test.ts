// Property-based tests of the JSON/schema.org, REST (WordPress, The Events Calendar) and Karte
// von morgen normalisers: real-format fixtures, mutated (types swapped, deep nesting, huge and
// odd strings, `__proto__`/`constructor` keys, long lists, cut-off text) and fed through each
// adapter as an HTTP response. Every case must end within the watchdog, fail with nothing but an
// AdapterError, return only items the model accepts with no relative URL left, and leave the
// prototypes alone. Fixed seed; `FUZZ_RUNS=5000` (per normaliser) for a longer run.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import {
  AdapterError, CalendarEventSchema, InitiativeSchema, LIMITS, MatchOfferSchema, clearFetchCache, type DataAdapter, type FetchOptions,
} from '@sozial-innovativ/core';
import { createJsonAdapter, fromSchemaOrg, normalizeJson } from './json/index.js';
import { sampleData, schemaOrgEvents } from './json/fixtures.js';
import { createTribeAdapter, createWordPressAdapter, tribeEvent, wordpressItem } from './rest/index.js';
import { kvmEntries, kvmEvents, tribeEvent as tribeFixture, wpPost } from './rest/fixtures.js';
import { createKvmAdapter, kvmEntry, kvmEvent } from './kvm/index.js';

const RUNS = Number(process.env.FUZZ_RUNS) || 150;
const SEED = Number(process.env.FUZZ_SEED) || 20251021;
/** A freeze detector per case (each takes milliseconds), measured after it: a freeze blocks timers too. */
const WATCHDOG_MS = 5_000;
const all = { from: '1900-01-01T00:00:00Z', to: '2200-01-01T00:00:00Z' };

// ---- hostile values --------------------------------------------------------------------------

const HOSTILE_UNITS = [
  '<', '>', '\u2003', '/', '//', '&', '&#x', '&#', '&amp;', ' ', '\n', '\r\n', '\t', 'rel=', '<script>', '</script', '<br>',
  '\ud800', '\udfff', '\u202e', '\u200b', '\ufeff', '\u0000', '😀', 'ß', 'ä', 'e\u0301', ',', ';', '"', '\\', ':', '#',
  'javascript:alert(1)', '../', '?', '%', '%00', '__proto__', '2025-10-21', 'T17:00', '+02:00', '0', '-', '.',
];
const hugeString = fc.tuple(fc.array(fc.constantFrom(...HOSTILE_UNITS), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 20_000 }))
  .map(([units, n]) => units.join('').repeat(Math.ceil(n / units.join('').length)));
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '2025-10-21 17:00:00', '2025-10-21T17:00', '2025-02-30', '9999-99-99T99:99:99Z', '2025-10-21T17:00:00.123456789123+02:00',
    `2025-10-21T17:00:00.${'1'.repeat(10_000)}x`, '1761058800', '/relative/path', 'bild.jpg', '//elsewhere.example/x', 'https://user:pw@x.example/',
    'http://[::1]/', 'mailto:a@b', 'Europe/Berlin', 'Mars/Olympus_Mons', 'EventCancelled', 'https://schema.org/Event', 'Organization',
    'ItemList', 'VirtualLocation', 'abgesagt: Treff', '@graph', 'x'.repeat(5000),
  ),
);
// Nesting deeper than JSON.stringify can write: a marker here, the nested text put in after it.
const DEEP = /"\\u0000deep:(\d+):(\w+)\\u0000"/g;
const deep = fc.tuple(fc.integer({ min: 50, max: 50_000 }), fc.constantFrom('array', 'graph', 'item')).map(([depth, kind]) => `\u0000deep:${depth}:${kind}\u0000`);
const nested = (depth: number, kind: string) => {
  const [open, close] = kind === 'array' ? ['[', ']'] : kind === 'graph' ? ['{"@type":"Event","@graph":', '}'] : ['{"@type":"ItemList","itemListElement":[{"item":', '}]}'];
  return `${open.repeat(depth)}"bottom"${close.repeat(depth)}`;
};
// Fresh objects per element: one shared object edited later would appear 130 000 times in the JSON.
const longList = fc.tuple(fc.integer({ min: 0, max: 130_000 }), fc.constantFrom<unknown>(0, null, '', {}, []))
  .map(([n, x]) => Array.from({ length: n }, () => (x !== null && typeof x === 'object' ? structuredClone(x) : x)));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
  { arbitrary: oddString, weight: 4 },
  { arbitrary: hugeString, weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [[]], [null]), weight: 3 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: longList, weight: 1 },
);

// ---- mutations of a fixture ------------------------------------------------------------------

type Path = (string | number)[];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Where an edit can land: the fixture's own structure, not the inside of an earlier huge value. */
function pathsOf(x: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (prefix.length >= 12) return out;
  if (Array.isArray(x)) x.slice(0, 12).forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (x !== null && typeof x === 'object') for (const [k, item] of Object.entries(x).slice(0, 40)) pathsOf(item, [...prefix, k], out);
  return out;
}
const at = (root: unknown, path: Path): unknown => path.reduce<unknown>((cur, k) => (cur as Record<string | number, unknown>)[k], root);
// defineProperty: a plain `o['__proto__'] = x` would set the prototype instead of a key.
const put = (o: object, key: string | number, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

type Edit = { at: number; op: 'set' | 'delete' | 'proto' | 'wrap' | 'repeat'; key: string; value: unknown; times: number };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'set', 'set', 'delete', 'proto', 'wrap', 'repeat'),
  key: fc.constantFrom(...PROTO_KEYS),
  value: hostileValue,
  times: fc.integer({ min: 2, max: 300 }),
});

function mutate(fixture: unknown, edits: Edit[]): unknown {
  let root: unknown = structuredClone(fixture);
  for (const e of edits) {
    const paths = pathsOf(root);
    const path = paths[e.at % paths.length]!;
    const parent = path.length ? (at(root, path.slice(0, -1)) as Record<string | number, unknown>) : undefined;
    const key = path[path.length - 1]!;
    const current = at(root, path);
    const replace = (value: unknown) => (parent ? put(parent, key, value) : (root = value));
    // Copies: fast-check hands out the same constant (`[]`, `{}`) again, and a later edit would change it everywhere.
    if (e.op === 'set') replace(structuredClone(e.value));
    else if (e.op === 'delete' && parent && !Array.isArray(parent)) delete parent[key];
    else if (e.op === 'proto' && current !== null && typeof current === 'object' && !Array.isArray(current)) put(current, e.key, structuredClone(e.value));
    else if (e.op === 'wrap') replace([current]);
    // Repeats multiply: kept to a few MB, so a run of cases stays within memory (the fetch cap is 10 MB).
    else if (e.op === 'repeat' && Array.isArray(current) && current.length && JSON.stringify(current).length * e.times < 4_000_000) {
      replace(Array.from({ length: e.times }, (_, i) => structuredClone(current[i % current.length])));
    }
  }
  return root;
}

/** A mutated fixture as response text; now and then cut off, or with a BOM in front. */
const payload = (fixture: unknown) =>
  fc.record({
    edits: fc.array(edit, { minLength: 1, maxLength: 6 }),
    cut: fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: fc.nat(), weight: 1 }),
    bom: fc.boolean(),
  })
    .map(({ edits, cut, bom }) => {
      // Past 12 MB it only tests the fetch cap, which has its own tests.
    const text = (JSON.stringify(mutate(fixture, edits)) ?? 'null').replace(DEEP, (_, depth: string, kind: string) => nested(+depth, kind)).slice(0, 12_000_000);
    return (bom ? '\ufeff' : '') + (cut === null ? text : text.slice(0, cut % (text.length + 1)));
  });

// ---- checks ----------------------------------------------------------------------------------

const snapshot = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).join());
const before = snapshot();

function unpolluted(): void {
  assert.deepEqual(snapshot(), before, 'a prototype gained keys');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
}

const URL_KEYS = ['url', 'onlineUrl'];
function assertAbsoluteUrls(item: Record<string, unknown>, what: string): void {
  const urls: unknown[] = [...URL_KEYS.map((k) => item[k])];
  for (const k of ['image', 'registration', 'organizer', 'contact', 'source']) urls.push((item[k] as { url?: unknown } | undefined)?.url);
  for (const l of (item.links as { url: unknown }[] | undefined) ?? []) urls.push(l.url);
  for (const u of urls) if (u !== undefined) assert.ok(typeof u === 'string' && URL.canParse(u), `${what}: relative URL ${String(u).slice(0, 80)}`);
}

function assertValid(items: unknown[], schema: v.GenericSchema, what: string): void {
  for (const item of items) {
    assert.equal(Object.getPrototypeOf(item), Object.prototype, `${what}: not a plain object`);
    const r = v.safeParse(schema, item);
    assert.ok(r.success, `${what} does not match the model: ${r.issues?.[0]?.message}`);
    assertAbsoluteUrls(item as Record<string, unknown>, what);
  }
}

/** Runs `work`: only AdapterError may escape; a longer run than the watchdog fails. */
async function guarded(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  try {
    await work();
  } catch (e) {
    if (!(e instanceof AdapterError)) throw e;
  }
  const took = performance.now() - started;
  assert.ok(took < WATCHDOG_MS, `froze for ${Math.round(took)} ms`);
  unpolluted();
  return took;
}

/** A fetch that answers every request with `text` (and `headers`), counting requests. */
const serving = (text: string | ((url: string) => string), headers: Record<string, string> = {}): Omit<FetchOptions, 'signal'> => ({
  retries: 0, maxAge: 0, timeout: 10_000,
  fetch: (async (input: string) => new Response(typeof text === 'string' ? text : text(String(input)), { headers: { 'Content-Type': 'application/json', ...headers } })) as typeof fetch,
});

async function callAll(a: DataAdapter, what: string): Promise<void> {
  const outcomes = await Promise.allSettled([
    a.events?.(all).then((r) => assertValid(r.items, CalendarEventSchema, `${what} event`)),
    a.initiatives?.({}).then((r) => assertValid(r.items, InitiativeSchema, `${what} initiative`)),
    a.offers?.().then((r) => assertValid(r.items, MatchOfferSchema, `${what} offer`)),
    a.questionnaire?.(),
  ]);
  for (const o of outcomes) if (o.status === 'rejected' && !(o.reason instanceof AdapterError)) throw o.reason;
}

// ---- the normalisers -------------------------------------------------------------------------

interface Target {
  name: string;
  fixture: unknown;
  /** The normaliser alone: it may throw nothing at all (REST adapters would hide it as "dropped"). */
  direct: (json: unknown) => unknown;
  /** The adapter over "HTTP", serving `text`; `link` is a fuzzed Link header. */
  adapter: (text: string, link: string) => DataAdapter;
}

/** Items as the adapters map them: at most LIMITS.items (the rest is counted, not mapped). */
const listOf = (json: unknown): unknown[] => (Array.isArray(json) ? json : [json]).slice(0, LIMITS.items);
const kvmSearch = JSON.stringify({ visible: kvmEntries.map(({ id }) => ({ id })) });
const targets: Target[] = [
  {
    name: 'json (documented format)',
    fixture: sampleData,
    direct: (json) => {
      try {
        return normalizeJson(json);
      } catch (e) {
        if (!(e instanceof AdapterError)) throw e;
      }
    },
    adapter: (text) => createJsonAdapter({ src: 'https://json.fuzz.test/daten/feed.json', fetchOptions: serving(text) }),
  },
  {
    name: 'json (schema.org)',
    fixture: schemaOrgEvents,
    direct: fromSchemaOrg,
    adapter: (text) => createJsonAdapter({ src: 'https://json.fuzz.test/daten/feed.json', fetchOptions: serving(text) }),
  },
  {
    name: 'rest (WordPress)',
    fixture: [wpPost(1), wpPost(2)],
    direct: (json) => listOf(json).map(wordpressItem),
    adapter: (text, link) => createWordPressAdapter({ src: 'https://wp.fuzz.test', fetchOptions: serving(text, { Link: link, 'X-WP-TotalPages': '3' }) }),
  },
  {
    name: 'rest (The Events Calendar)',
    fixture: { events: [tribeFixture(1, 7), tribeFixture(2, 14)], total: 2, total_pages: 1 },
    direct: (json) => listOf((json as { events?: unknown } | null)?.events ?? json).map(tribeEvent),
    adapter: (text, link) => createTribeAdapter({ src: 'https://wp.fuzz.test', fetchOptions: serving(text, { Link: link }) }),
  },
  {
    name: 'kvm (entries)',
    fixture: kvmEntries,
    direct: (json) => listOf(json).map(kvmEntry),
    adapter: (text) => createKvmAdapter({ src: 'https://kvm.fuzz.test/v0', fetchOptions: serving((url) => (url.includes('/search') ? kvmSearch : text)) }),
  },
  {
    name: 'kvm (events)',
    fixture: kvmEvents,
    direct: (json) => listOf(json).map(kvmEvent),
    adapter: (text) => createKvmAdapter({ src: 'https://kvm.fuzz.test/v0', fetchOptions: serving(text) }),
  },
];

const linkHeader = fc.oneof(
  fc.constant(''),
  fc.constant('<https://wp.fuzz.test/wp-json/wp/v2/posts?page=2>; rel="next"'),
  fc.constant('<https://elsewhere.fuzz.test/?page=2>; rel="next"'),
  fc.constant('</relative?page=2>; rel=next'),
  hugeString.map((s) => s.replace(/[\r\n\0]/g, ' ').slice(0, 8000)),
);

const stats: string[] = [];
after(() => console.log(`fuzz (seed ${SEED}, ${RUNS} runs each):\n  ${stats.join('\n  ')}`));

describe('fuzz: hostile payloads through the normalisers', () => {
  for (const t of targets) {
    it(`${t.name}: ends in time, throws only AdapterError, returns valid items, pollutes nothing`, async () => {
      let cases = 0;
      let slowest = { ms: 0, bytes: 0 };
      const details = await fc.check(
        fc.asyncProperty(payload(t.fixture), linkHeader, async (text, link) => {
          cases++;
          clearFetchCache();
          const took = await guarded(async () => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(text.replace(/^\ufeff/, ''));
            } catch {
              parsed = undefined;
            }
            // Past the fetch cap the adapters never see it; the normaliser alone need not either.
            if (parsed !== undefined && text.length <= 10_000_000) t.direct(parsed);
            await callAll(t.adapter(text, link), t.name);
          });
          if (took > slowest.ms) {
            slowest = { ms: took, bytes: text.length };
            if (process.env.FUZZ_DUMP) writeFileSync(`${process.env.FUZZ_DUMP}/${t.name.replace(/\W+/g, '-')}.json`, text);
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: !process.env.FUZZ_SHRINK },
      );
      if (details.failed) {
        // The counterexample can be megabytes: name it by seed and path, show its start.
        const [text] = details.counterexample ?? [''];
        assert.fail(`${t.name}: ${String(details.errorInstance)} (seed ${details.seed}, path "${details.counterexamplePath}", ` +
          `${text.length} chars: ${JSON.stringify(text.slice(0, 300))})`);
      }
      stats.push(`${t.name}: ${cases} cases, slowest ${slowest.ms.toFixed(0)} ms (${slowest.bytes} chars of JSON)`);
    });
  }
});
