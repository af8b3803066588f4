// Timing of the iCalendar adapter on a large feed: 5 000 hourly single events from 1 Jan 2025 plus
// 50 daily series running since 1 Jan 2020 (Europe/Berlin). Prints medians, not assertions:
//   node --conditions=si-source --import tsx packages/adapters/scripts/ical-timing.mjs [runs] [module]
// `module` (a path) compares another copy of src/ical/index.ts, e.g. one from an older commit.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

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
