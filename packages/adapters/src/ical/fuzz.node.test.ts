// Property-based tests of the iCalendar adapter against generated and mutated feeds (issue #13):
// every run ends within its step budget, throws nothing but AdapterError, returns items that
// validate against the model, and pollutes no prototype. The properties run in a worker thread:
// a freeze there cannot stop the watchdog here, which then reports the feed that froze.
//   FUZZ_RUNS=20000 node --conditions=si-source --import tsx --test packages/adapters/src/ical/fuzz.node.test.ts
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import type { Arbitrary } from 'fast-check';

/** Runs per property; the default keeps the whole suite near 15 s on a CI machine. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_206);
/** Per-call bounds under test: small, so that a hostile case costs little and the bound shows. */
const MAX_STEPS = 50_000;
const MAX_OCCURRENCES = 2_000;

interface Report {
  property: string;
  runs: number;
  slowestMs: number;
  slowestFeed: string;
}

type Message = { kind: 'start'; property: string; feed: string } | { kind: 'done'; report: Report } | { kind: 'failed'; property: string; error: string };

if (!isMainThread) {
  const fc = (await import('fast-check')).default;
  const { AdapterError, CalendarEventSchema, validateItem } = await import('@sozial-innovativ/core');
  const { parseIcs } = await import('./parse.js');
  const { expandIcs } = await import('./expand.js');
  const { featureFeed, weeklyBerlin, bigFeed, VTIMEZONE_BERLIN } = await import('./fixtures.js');
  const post = (m: Message) => parentPort!.postMessage(m);

  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const int = (min: number, max: number) => fc.integer({ min, max });
  /** Mostly valid values, sometimes just out of range: a feed should mostly be read, not dropped. */
  const mostly = (min: number, max: number, ...wrong: number[]) => fc.oneof({ arbitrary: int(min, max), weight: 12 }, { arbitrary: fc.constantFrom(...wrong), weight: 1 });
  const list = (arb: ReturnType<typeof int>, max = 4) => fc.array(arb, { minLength: 1, maxLength: max }).map((xs) => xs.join(','));
  const date = fc.record({ y: fc.oneof({ arbitrary: int(2018, 2030), weight: 8 }, { arbitrary: pick(1, 1969, 2038, 9999), weight: 1 }), m: mostly(1, 12, 0, 13), d: mostly(1, 31, 0, 32) })
    .map(({ y, m, d }) => `${String(y).padStart(4, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
  const time = fc.record({ h: mostly(0, 23, 24, 25), mi: mostly(0, 59, 60), s: mostly(0, 59, 60, 61) })
    .map(({ h, mi, s }) => `T${[h, mi, s].map((n) => String(n).padStart(2, '0')).join('')}`);
  const tzid = pick('Europe/Berlin', 'America/New_York', 'W. Europe Standard Time', 'Custom Zone', 'Nowhere/Land', '"quoted"', 'UTC', '__proto__');
  /** A date or date-time value in every form generators write, some broken. */
  const stamp = (name: string) => fc.oneof(
    { arbitrary: fc.tuple(date, time).map(([d, t]) => `${name}:${d}${t}Z`), weight: 4 },
    { arbitrary: fc.tuple(date, time).map(([d, t]) => `${name}:${d}${t}`), weight: 2 },
    { arbitrary: fc.tuple(tzid, date, time).map(([z, d, t]) => `${name};TZID=${z}:${d}${t}`), weight: 4 },
    { arbitrary: date.map((d) => `${name};VALUE=DATE:${d}`), weight: 3 },
    { arbitrary: date.map((d) => `${name}:${d}`), weight: 1 },
    { arbitrary: pick(`${name}:`, `${name}:garbage`, `${name};VALUE=PERIOD:20250101T100000Z/PT1H`), weight: 1 },
  );
  /** A rule part that is usually absent: real rules have a few, and each extra one narrows the set. */
  const rarely = <T>(arb: Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });
  const rrule = fc.record({
    freq: fc.oneof({ arbitrary: pick('SECONDLY', 'MINUTELY', 'HOURLY'), weight: 3 }, { arbitrary: pick('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'), weight: 6 }, { arbitrary: pick('', 'FOO'), weight: 1 }),
    interval: rarely(mostly(1, 5, 0, -1, 1_000_000, 2 ** 31)),
    end: rarely(fc.oneof(int(-1, 40).map((n) => `COUNT=${n}`), pick('COUNT=1000000'), fc.tuple(date, time).map(([d, t]) => `UNTIL=${d}${t}Z`), date.map((d) => `UNTIL=${d}`))),
    byMonth: rarely(list(mostly(1, 12, 0, 13))),
    byMonthDay: rarely(list(mostly(-31, 31, 0, 32, -32))),
    byYearDay: rarely(list(mostly(-366, 366, 0, 367))),
    byWeekNo: rarely(list(mostly(-53, 53, 0, 54))),
    byDay: rarely(fc.array(fc.tuple(fc.option(mostly(-5, 5, 6, -6, 10, 53), { nil: undefined, freq: 2 }), pick('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')), { minLength: 1, maxLength: 4 })
      .map((xs) => xs.map(([n, d]) => `${n ?? ''}${d}`).join(','))),
    byHour: rarely(list(mostly(0, 23, 24, 25))),
    byMinute: rarely(list(mostly(0, 59, 60), 3)),
    bySecond: rarely(list(mostly(0, 59, 60, 61), 3)),
    bySetPos: rarely(list(mostly(-5, 5, 0, 400), 3)),
    wkst: rarely(pick('MO', 'SU', 'XX')),
  }).map((r) => 'RRULE:' + [
    `FREQ=${r.freq}`, r.interval !== undefined && `INTERVAL=${r.interval}`, r.end, r.byMonth && `BYMONTH=${r.byMonth}`,
    r.byMonthDay && `BYMONTHDAY=${r.byMonthDay}`, r.byYearDay && `BYYEARDAY=${r.byYearDay}`, r.byWeekNo && `BYWEEKNO=${r.byWeekNo}`,
    r.byDay && `BYDAY=${r.byDay}`, r.byHour && `BYHOUR=${r.byHour}`, r.byMinute && `BYMINUTE=${r.byMinute}`,
    r.bySecond && `BYSECOND=${r.bySecond}`, r.bySetPos && `BYSETPOS=${r.bySetPos}`, r.wkst && `WKST=${r.wkst}`,
  ].filter(Boolean).join(';'));
  const text = fc.oneof(fc.string({ maxLength: 30 }), pick('__proto__', 'constructor', 'https://example.test/x', '../relative', 'javascript:alert(1)'));
  const vevent = fc.record({
    uid: fc.option(fc.oneof(pick('a', 'b', '__proto__', 'constructor'), fc.string({ maxLength: 8 })), { nil: undefined }),
    start: stamp('DTSTART'),
    end: fc.option(fc.oneof(stamp('DTEND'), pick('DURATION:PT1H', 'DURATION:P1D', 'DURATION:-PT1H', 'DURATION:P99999W', 'DURATION:garbage')), { nil: undefined }),
    rrules: fc.array(rrule, { maxLength: 2 }),
    extra: fc.array(fc.oneof(
      { arbitrary: fc.oneof(stamp('EXDATE'), stamp('RDATE'), stamp('RECURRENCE-ID')), weight: 6 },
      { arbitrary: fc.oneof(text.map((t) => `URL:${t}`), text.map((t) => `X-${t.replace(/[^A-Z-]/gi, '') || 'Y'}:${t}`), pick('STATUS:CANCELLED', 'GEO:91;181')), weight: 3 },
      { arbitrary: pick('BEGIN:VALARM', 'END:VALARM', 'garbage'), weight: 1 },
    ), { maxLength: 4 }),
    summary: text,
  }).map((e) => ['BEGIN:VEVENT', e.uid !== undefined && `UID:${e.uid}`, e.start, e.end, ...e.rrules, ...e.extra, `SUMMARY:${e.summary}`, 'END:VEVENT']
    .filter((l): l is string => typeof l === 'string'));
  const vtimezone = fc.record({
    tzid: tzid,
    offset: pick('+0100', '+0200', '-0500', '+9999', 'xx'),
    start: stamp('DTSTART'),
    rule: fc.option(rrule, { nil: undefined }),
  }).map((z) => ['BEGIN:VTIMEZONE', `TZID:${z.tzid}`, 'BEGIN:STANDARD', z.start, `TZOFFSETFROM:${z.offset}`, 'TZOFFSETTO:+0100', ...(z.rule ? [z.rule] : []), 'END:STANDARD', 'END:VTIMEZONE']);
  const generatedFeed = fc.record({
    wrTz: fc.option(fc.oneof(tzid, pick('Mars/Olympus')), { nil: undefined }),
    zones: fc.array(vtimezone, { maxLength: 2 }),
    events: fc.array(vevent, { minLength: 1, maxLength: 5 }),
  }).map((f) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Fuzz//DE', ...(f.wrTz ? [`X-WR-TIMEZONE:${f.wrTz}`] : []),
    ...f.zones.flat(), ...f.events.flat(), 'END:VCALENDAR'].join('\r\n'));

  // Mutations of real feeds: lines lost, doubled, swapped, replaced by hostile ones; cut text.
  const realFeeds = [featureFeed, weeklyBerlin(true), weeklyBerlin(false), bigFeed(10), ['BEGIN:VCALENDAR', ...VTIMEZONE_BERLIN, 'END:VCALENDAR'].join('\r\n')];
  const mutation = fc.oneof(
    fc.record({ op: pick('delete', 'double', 'swap', 'lower', 'fold'), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: pick('insert'), at: fc.nat(), line: fc.oneof(rrule, stamp('DTSTART'), stamp('EXDATE'), pick('BEGIN:VEVENT', 'END:VEVENT', 'BEGIN:VTIMEZONE', 'END:VCALENDAR', ' folded', '')) }),
  );
  const mutatedFeed = fc.record({
    feed: fc.nat(realFeeds.length - 1),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
    lf: fc.boolean(),
    bom: fc.boolean(),
  }).map((m) => {
    const lines = realFeeds[m.feed]!.split('\r\n');
    for (const mu of m.mutations) {
      const i = mu.at % lines.length;
      if (mu.op === 'delete') lines.splice(i, 1);
      else if (mu.op === 'double') lines.splice(i, 0, lines[i]!);
      else if (mu.op === 'swap' && 'to' in mu) [lines[i], lines[mu.to % lines.length]] = [lines[mu.to % lines.length]!, lines[i]!];
      else if (mu.op === 'lower') lines[i] = lines[i]!.toLowerCase();
      else if (mu.op === 'fold') lines[i] = lines[i]!.replace(/^(.{3})/, '$1\r\n ');
      else if (mu.op === 'insert' && 'line' in mu) lines.splice(i, 0, mu.line);
      if (!lines.length) lines.push('BEGIN:VCALENDAR');
    }
    let t = lines.join(m.lf ? '\n' : '\r\n');
    if (m.cut !== undefined) t = t.slice(0, Math.max(20, m.cut % (t.length + 1)));
    return (m.bom ? '\ufeff' : '') + t;
  });
  const range = fc.oneof(
    fc.record({ y: int(1995, 2035), m: int(0, 11) }).map(({ y, m }) => [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)] as const),
    pick([Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1)] as const, [Date.UTC(2025, 2, 30), Date.UTC(2025, 2, 31)] as const),
  );

  const prototypeKeys = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).join()).join('|');
  const clean = prototypeKeys();

  const check = (property: string, feeds: typeof generatedFeed) => {
    let slowestMs = -1;
    let slowestFeed = '';
    fc.assert(fc.property(feeds, range, (feed, [from, to]) => {
      post({ kind: 'start', property, feed });
      const t0 = performance.now();
      let result: ReturnType<typeof expandIcs> | undefined;
      try {
        result = expandIcs(parseIcs(feed, { baseUrl: 'https://cal.example/feed.ics' }), from, to, { maxSteps: MAX_STEPS, maxOccurrences: MAX_OCCURRENCES });
      } catch (e) {
        if (!(e instanceof AdapterError)) throw new Error(`threw a ${(e as Error)?.name}, not an AdapterError: ${(e as Error)?.stack}`);
      }
      const ms = performance.now() - t0;
      if (ms > slowestMs) [slowestMs, slowestFeed] = [ms, feed];
      if (prototypeKeys() !== clean || ({} as Record<string, unknown>).uid !== undefined) throw new Error('a prototype was polluted');
      if (!result) return;
      if (result.steps > MAX_STEPS) throw new Error(`took ${result.steps} steps, budget ${MAX_STEPS}`);
      if (result.items.length > MAX_OCCURRENCES) throw new Error(`returned ${result.items.length} items, cap ${MAX_OCCURRENCES}`);
      const ids = new Set<string>();
      for (const item of result.items) {
        if (!validateItem(CalendarEventSchema, item)) throw new Error(`an item does not match the model: ${JSON.stringify(item).slice(0, 500)}`);
        if (ids.has(item.id)) throw new Error(`duplicate id ${item.id}`);
        ids.add(item.id);
      }
    }), { numRuns: RUNS, seed: SEED });
    return { property, runs: RUNS, slowestMs, slowestFeed };
  };

  parentPort!.on('message', (property: string) => {
    try {
      const report = property === 'generated' ? check(property, generatedFeed) : check(property, mutatedFeed);
      post({ kind: 'done', report });
    } catch (e) {
      // fast-check names the error after the (long) counterexample: keep both ends.
      const message = String((e as Error)?.message ?? e);
      post({ kind: 'failed', property, error: message.length > 6000 ? `${message.slice(0, 3000)}\n…\n${message.slice(-3000)}` : message });
    }
  });
} else {
  const { after, describe, it } = await import('node:test');
  /** Generous: a freeze fails the suite here instead of hanging it. */
  const WATCHDOG_MS = Math.max(120_000, RUNS * 400);
  let worker: Worker | undefined;
  const run = (property: string) => new Promise<Report>((resolve, reject) => {
    // tsx's hooks do not reach worker threads on Node 20: the worker registers them itself.
    worker ??= new Worker(
      `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
      { eval: true, execArgv: ['--conditions=si-source'] },
    );
    const w = worker;
    let current = '';
    const watchdog = setTimeout(() => {
      void w.terminate();
      worker = undefined;
      reject(new Error(`no result within ${WATCHDOG_MS} ms: the adapter froze on\n${current.slice(0, 3000)}`));
    }, WATCHDOG_MS);
    const onMessage = (m: Message) => {
      if (m.kind === 'start') {
        current = m.feed;
        return;
      }
      clearTimeout(watchdog);
      w.off('message', onMessage);
      if (m.kind === 'done') resolve(m.report);
      else reject(new Error(m.error));
    };
    w.on('message', onMessage);
    w.once('error', (e) => {
      clearTimeout(watchdog);
      worker = undefined;
      reject(e);
    });
    w.postMessage(property);
  });

  describe(`ical fuzzing (${RUNS} runs per property, seed ${SEED})`, () => {
    after(() => worker?.terminate());
    for (const property of ['generated', 'mutated']) {
      it(`${property} feeds: bounded, only AdapterError, valid items, no pollution`, { timeout: WATCHDOG_MS * 2 }, async (t) => {
        const report = await run(property);
        const rules = report.slowestFeed.split(/\r?\n/).filter((l) => /^RRULE|^DTSTART/i.test(l)).slice(0, 6).join(' | ');
        t.diagnostic(`${report.runs} ${property} feeds; slowest ${report.slowestMs.toFixed(1)} ms: ${rules}`);
      });
    }
  });
}
