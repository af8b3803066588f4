/**
 * Differential test (issue #12): for every feed of the corpus and every range of RANGES, the
 * occurrences of our adapter (`createIcalAdapter({ text }).events()`, ical.js inside) equal those of an
 * independent engine: rrule-rust 2.0.2 (the Rust `rrule` crate with chrono-tz), a pinned
 * devDependency that `npm ci` installs as a prebuilt Node-API binary from npm, without install
 * scripts or network. The feed itself is read by the small reader in `reference.ts`, not by
 * ical.js; it also applies RDATE, EXDATE and RECURRENCE-ID.
 *
 * An occurrence is compared as `uid start [cancelled]`: start as the UTC instant, all-day as the
 * date; events without UID as `?`. Lists are compared as multisets, so a duplicate counts.
 *
 * Run: node --conditions=si-source --import tsx --test packages/adapters/src/ical/differential/differential.node.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createIcalAdapter } from '../index.js';
import { expandReference, readReferenceFeed } from './reference.js';
import { generatedFeeds, RANGES, type CorpusFeed } from './corpus.js';
import { ics } from '../fixtures.js';

const feedsDir = new URL('./feeds/', import.meta.url);
/** Real feeds end lines with CRLF; the files keep LF for readable diffs. */
const handwritten: CorpusFeed[] = readdirSync(feedsDir).filter((f) => f.endsWith('.ics')).sort().map((f) => ({
  name: f.replace(/\.ics$/, ''),
  text: readFileSync(new URL(f, feedsDir), 'utf8').replace(/\r?\n/g, '\r\n'),
}));

interface KnownEngineBug {
  feed: string;
  /** `+key`: only the engine yields it; `-key`: only we do. */
  differences: string[];
  /** Why the engine is wrong, with the RFC 5545 text it breaks. */
  reason: string;
}

/**
 * Differences where the engine, not our adapter, breaks RFC 5545. Each entry must still show up
 * (a fixed engine makes the test ask to delete the entry), and nothing else may differ.
 *
 * Empty: the engine's known faults are kept out of the comparison in `reference.ts`, each where
 * it is handled. rrule-rust 2 refuses a DTSTART in a DST gap or repeated hour, which §3.3.5
 * defines (expanded at noon, time of day put back); it has no DATE values (all-day series recur
 * as midnight UTC); rrule-rust 3, tried first, yields an RDATE that repeats an RRULE instance
 * twice (§3.8.5.3: "only one recurrence is considered"; RDATE/EXDATE are applied by the reader)
 * and repeats the moved time of a gap DTSTART (03:30 for 02:30) on later days (§3.3.10: the time
 * comes from DTSTART).
 */
const KNOWN_ENGINE_BUGS: KnownEngineBug[] = [];

interface Diff {
  range: string;
  key: string;
}

const stats = { feeds: 0, comparisons: 0, occurrences: 0, agreeing: 0, known: 0 };

/** `a` minus `b` as multisets of strings. */
function minus(a: string[], b: string[]): string[] {
  const count = new Map<string, number>();
  for (const x of b) count.set(x, (count.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    return n === 0;
  });
}

/** Our side through the public API, one adapter per feed, so later ranges reuse what earlier ones computed. */
async function compare(feed: CorpusFeed): Promise<{ diffs: Diff[]; droppedOurs: number; droppedEngine: number }> {
  const reference = readReferenceFeed(feed.text);
  const adapter = createIcalAdapter({ text: feed.text });
  const diffs: Diff[] = [];
  let droppedOurs = 0;
  for (const [fromIso, toIso] of RANGES) {
    const from = Date.parse(fromIso);
    const to = Date.parse(toIso);
    const expansion = await adapter.events({ from: fromIso, to: toIso });
    droppedOurs = expansion.dropped;
    // A cut-short result explains missing occurrences: say so instead of listing them as wrong.
    if (expansion.truncated) diffs.push({ range: `${fromIso}/${toIso}`, key: 'ours: truncated (a cap or budget cut the expansion short)' });
    const ours = expansion.items.map((e) => {
      const uid = reference.uids.has(e.uid) ? e.uid : '?';
      const start = e.allDay ? e.start : new Date(Date.parse(e.start)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return `${uid} ${start}${e.status === 'cancelled' ? ' cancelled' : ''}`;
    });
    const engine = expandReference(reference, from, to).map((o) => `${o.uid ?? '?'} ${o.start}${o.cancelled ? ' cancelled' : ''}`);
    const range = `${fromIso}/${toIso}`;
    const engineOnly = minus(engine, ours);
    const oursOnly = minus(ours, engine);
    for (const key of engineOnly) diffs.push({ range, key: `+${key}` });
    for (const key of oursOnly) diffs.push({ range, key: `-${key}` });
    stats.comparisons++;
    stats.occurrences += Math.max(ours.length, engine.length);
    stats.agreeing += engine.length - engineOnly.length;
  }
  return { diffs, droppedOurs, droppedEngine: reference.dropped };
}

const corpus = [...handwritten, ...generatedFeeds()];

describe('iCalendar expansion equals rrule-rust on the differential corpus (issue #12)', () => {
  it('has a corpus of at least 40 feeds, hand-written ones among them', () => {
    assert.ok(corpus.length >= 40, `${corpus.length} feeds`);
    assert.ok(handwritten.length >= 12, `${handwritten.length} handwritten feeds`);
  });

  for (const feed of corpus) {
    it(feed.name, async () => {
      const { diffs, droppedOurs, droppedEngine } = await compare(feed);
      stats.feeds++;
      const known = KNOWN_ENGINE_BUGS.filter((k) => k.feed === feed.name).flatMap((k) => k.differences);
      const seen = new Set(diffs.map((d) => d.key));
      stats.known += diffs.filter((d) => known.includes(d.key)).length;
      const unexplained = diffs.filter((d) => !known.includes(d.key));
      assert.deepEqual(unexplained, [], 'occurrences that differ from the engine (+ only the engine, - only ours)');
      assert.deepEqual(known.filter((k) => !seen.has(k)), [], 'a known engine bug no longer shows: remove its entry');
      assert.equal(droppedOurs, droppedEngine, 'events dropped as unreadable');
    });
  }

  it('reports the size of the comparison', (t) => {
    t.diagnostic(`${stats.feeds} feeds × ${RANGES.length} ranges: ${stats.occurrences} occurrences compared, `
      + `${stats.agreeing} agreeing, ${stats.known} differences explained as engine bugs`);
    assert.ok(stats.occurrences > 1000, 'the corpus yields occurrences in the ranges');
  });
});

/**
 * RFC 5545 §3.8.5.3 lists recurrences with their instances; both sides must reproduce them. For
 * the reference this checks the harness itself, for us it ties a difference to the RFC's own text.
 */
const RFC_EXAMPLES: Array<{ name: string; dtstart: string; rrule: string; expected: string[] }> = [
  {
    name: 'every other week on Tuesday and Sunday, WKST=MO',
    dtstart: '19970805T090000', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    expected: ['1997-08-05T13:00:00Z', '1997-08-10T13:00:00Z', '1997-08-19T13:00:00Z', '1997-08-24T13:00:00Z'],
  },
  {
    name: 'the same with WKST=SU',
    dtstart: '19970805T090000', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
    expected: ['1997-08-05T13:00:00Z', '1997-08-17T13:00:00Z', '1997-08-19T13:00:00Z', '1997-08-31T13:00:00Z'],
  },
  {
    name: 'the third instance of Tuesday, Wednesday or Thursday (BYSETPOS=3)',
    dtstart: '19970904T090000', rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    expected: ['1997-09-04T13:00:00Z', '1997-10-07T13:00:00Z', '1997-11-06T14:00:00Z'],
  },
  {
    name: 'the second-to-last Monday for 6 months',
    dtstart: '19970922T090000', rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    expected: ['1997-09-22T13:00:00Z', '1997-10-20T13:00:00Z', '1997-11-17T14:00:00Z', '1997-12-22T14:00:00Z', '1998-01-19T14:00:00Z', '1998-02-16T14:00:00Z'],
  },
  {
    name: 'the last work day of the month (BYSETPOS=-1)',
    dtstart: '19970930T090000', rrule: 'FREQ=MONTHLY;COUNT=7;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    expected: ['1997-09-30T13:00:00Z', '1997-10-31T14:00:00Z', '1997-11-28T14:00:00Z', '1997-12-31T14:00:00Z', '1998-01-30T14:00:00Z', '1998-02-27T14:00:00Z', '1998-03-31T14:00:00Z'],
  },
  {
    name: 'Monday of week number 20 (BYWEEKNO)',
    dtstart: '19970512T090000', rrule: 'FREQ=YEARLY;COUNT=3;BYWEEKNO=20;BYDAY=MO',
    expected: ['1997-05-12T13:00:00Z', '1998-05-11T13:00:00Z', '1999-05-17T13:00:00Z'],
  },
  {
    name: 'every third year on the 1st, 100th and 200th day (BYYEARDAY)',
    dtstart: '19970101T090000', rrule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    expected: [
      '1997-01-01T14:00:00Z', '1997-04-10T13:00:00Z', '1997-07-19T13:00:00Z', '2000-01-01T14:00:00Z', '2000-04-09T13:00:00Z',
      '2000-07-18T13:00:00Z', '2003-01-01T14:00:00Z', '2003-04-10T13:00:00Z', '2003-07-19T13:00:00Z', '2006-01-01T14:00:00Z',
    ],
  },
];

describe('both sides reproduce the examples of RFC 5545 §3.8.5.3', () => {
  const range = { from: '1997-01-01T00:00:00Z', to: '2007-01-01T00:00:00Z' };
  for (const example of RFC_EXAMPLES) {
    const text = ics('BEGIN:VEVENT', 'UID:rfc@example.test', 'DTSTAMP:19970101T000000Z', `DTSTART;TZID=America/New_York:${example.dtstart}`,
      `RRULE:${example.rrule}`, 'SUMMARY:RFC 5545', 'END:VEVENT');
    it(`reference: ${example.name}`, () => {
      const list = expandReference(readReferenceFeed(text), Date.parse(range.from), Date.parse(range.to)).map((o) => o.start).sort();
      assert.deepEqual(list, example.expected);
    });
    it(`ours: ${example.name}`, async () => {
      const { items } = await createIcalAdapter({ text }).events(range);
      assert.deepEqual(items.map((e) => new Date(Date.parse(e.start)).toISOString().replace(/\.\d{3}Z$/, 'Z')), example.expected);
    });
  }
});
