// Timing of the iCalendar adapter on a large feed: 5 000 hourly single events from 1 Jan 2025 plus
// 50 daily series running since 1 Jan 2020 (Europe/Berlin). Prints medians, not assertions:
//   node --conditions=si-source --import tsx packages/adapters/scripts/ical-timing.mjs [runs] [module]
// `module` (a path) compares another copy of src/ical/index.ts, e.g. one from an older commit.
//
// `--browser` loads a ≈ 2 MB feed (5 000 events with descriptions, 50 series, hostile rules) through
// the adapter in Debian's Chromium and reports the long tasks (> 50 ms) the page saw:
//   node packages/adapters/scripts/ical-timing.mjs --browser [runs]
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

if (process.argv[2] === '--browser') {
  await browserTiming(Number(process.argv[3] ?? 3));
  process.exit(0);
}

const { createIcalAdapter, parseIcs } = await import(process.argv[3] ? pathToFileURL(process.argv[3]).href : '@sozial-innovativ/adapters/ical');

const runs = Number(process.argv[2] ?? 7);

function feed(n, series, run) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Timing//DE', `X-RUN:${run}`];
  const start = Date.UTC(2025, 0, 1, 8);
  for (let i = 0; i < n; i++) {
    const d = new Date(start + i * 3_600_000).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    lines.push('BEGIN:VEVENT', `UID:e${i}@big.test`, 'DTSTAMP:20250101T000000Z', `DTSTART:${d}`, 'DURATION:PT1H', `SUMMARY:Termin ${i}`, 'END:VEVENT');
  }
  for (let i = 0; i < series; i++) {
    lines.push('BEGIN:VEVENT', `UID:daily${i}@big.test`, 'DTSTAMP:20250101T000000Z', 'DTSTART;TZID=Europe/Berlin:20200101T100000',
      'RRULE:FREQ=DAILY', `SUMMARY:Täglich ${i}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

const month = { from: '2025-03-01T00:00:00+01:00', to: '2025-04-01T00:00:00+02:00' };
const nextMonth = { from: '2025-04-01T00:00:00+02:00', to: '2025-05-01T00:00:00+02:00' };
const year = { from: '2025-01-01T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00' };

const samples = { parse: [], firstMonth: [], parseAndFirstMonth: [], nextMonth: [], sameMonthAgain: [], year: [] };
let counts;
for (let run = 0; run < runs; run++) {
  // A different text each run, so the per-text parse cache never answers.
  const text = feed(5000, 50, run);
  const adapter = createIcalAdapter({ text });
  const t0 = performance.now();
  parseIcs(text);
  const t1 = performance.now();
  const a = await adapter.events(month);
  const t2 = performance.now();
  const b = await adapter.events(nextMonth);
  const t3 = performance.now();
  await adapter.events(month);
  const t4 = performance.now();
  const c = await adapter.events(year);
  const t5 = performance.now();
  samples.parse.push(t1 - t0);
  samples.firstMonth.push(t2 - t1);
  samples.parseAndFirstMonth.push(t2 - t0);
  samples.nextMonth.push(t3 - t2);
  samples.sameMonthAgain.push(t4 - t3);
  samples.year.push(t5 - t4);
  counts = { month: a.items.length, nextMonth: b.items.length, year: c.items.length, yearTruncated: c.truncated };
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`node ${process.version}, ${runs} runs, medians in ms (occurrences: ${JSON.stringify(counts)})`);
for (const [name, xs] of Object.entries(samples)) console.log(`${name.padEnd(20)} ${median(xs).toFixed(1).padStart(8)}   (min ${Math.min(...xs).toFixed(1)})`);

/** The adapter bundled for the page, a feed built there, and the long tasks Chromium reports. */
async function browserTiming(browserRuns) {
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const { fileURLToPath } = await import('node:url');
  const entry = fileURLToPath(new URL('../src/ical/index.ts', import.meta.url));
  const bundle = await build({
    entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: 'ical', target: 'es2022',
    conditions: ['si-source', 'browser'], logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>ical timing</title><p>feed</p>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    for (let run = 0; run < browserRuns; run++) {
      const result = await page.evaluate(async (run) => {
        const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Timing//DE', `X-RUN:${run}`];
        const start = Date.UTC(2025, 0, 1, 8);
        const words = 'Beratung Nachbarschaft Treffpunkt Ehrenamt Sprechstunde Werkstatt Verein Quartier '.repeat(4);
        for (let i = 0; i < 5000; i++) {
          const d = new Date(start + i * 3_600_000).toISOString().replace(/[-:]|\.\d+/g, '');
          lines.push('BEGIN:VEVENT', `UID:e${i}@big.test`, 'DTSTAMP:20250101T000000Z', `DTSTART:${d}`, 'DURATION:PT1H', `SUMMARY:Termin ${i}`,
            `DESCRIPTION:${words}`, 'LOCATION:Stadtteilladen\\, Leipzig', 'END:VEVENT');
        }
        for (let i = 0; i < 50; i++) {
          lines.push('BEGIN:VEVENT', `UID:daily${i}@big.test`, 'DTSTAMP:20250101T000000Z', 'DTSTART;TZID=Europe/Berlin:20200101T100000', 'RRULE:FREQ=DAILY', `SUMMARY:Täglich ${i}`, 'END:VEVENT');
        }
        for (const rule of ['FREQ=SECONDLY', 'FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=29']) {
          lines.push('BEGIN:VEVENT', `UID:${rule}`, 'DTSTART:20250101T000000Z', `RRULE:${rule}`, 'SUMMARY:feindlich', 'END:VEVENT');
        }
        lines.push('END:VCALENDAR');
        const text = lines.join('\r\n');
        const longTasks = [];
        const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(Math.round(e.duration)); });
        observer.observe({ type: 'longtask' });
        const adapter = globalThis.ical.createIcalAdapter({ text });
        const t0 = performance.now();
        const month = await adapter.events({ from: '2025-03-01T00:00:00+01:00', to: '2025-04-01T00:00:00+02:00' });
        const t1 = performance.now();
        const year = await adapter.events({ from: '2025-01-01T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00' });
        const t2 = performance.now();
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        return {
          bytes: text.length, firstMonthMs: Math.round(t1 - t0), yearMs: Math.round(t2 - t1), month: month.items.length, year: year.items.length,
          cut: year.truncatedSeries.length, longTasks,
        };
      }, run);
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
  }
}
