// The DOM-free cases, in Node: match ranking and iCalendar parse + expansion. Run by bench/run.mjs
// as `node --conditions=si-source --import tsx bench/node-cases.mjs RUNS`; prints one JSON object.
// Every case: one discarded warm-up, then RUNS timed runs (same process, so the JIT is warm, as
// in a page that has been open for a moment).
import { performance } from 'node:perf_hooks';
import { generateIcsFeed } from './ics-feed.mjs';
import { ANSWERS } from './pages/answers.js';

const RUNS = Number(process.argv[2] ?? 5);

/** The package subpath, or (until the package exports it) the source file behind it. */
async function load(specifier, sourceFile) {
  try {
    return await import(specifier);
  } catch (e) {
    if (!/not exported|cannot find|ERR_MODULE_NOT_FOUND|ERR_PACKAGE_PATH_NOT_EXPORTED/i.test(`${e.code} ${e.message}`)) throw e;
    try {
      return await import(new URL(sourceFile, import.meta.url).href);
    } catch {
      return { unavailable: `${specifier} is not available yet` };
    }
  }
}

async function sample(fn) {
  await fn();
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const detail = await fn();
    runs.push({ ms: performance.now() - t0, detail });
  }
  return runs;
}


const results = {};

// --- Match ranking ------------------------------------------------------------------------
const engine = await load('@sozial-innovativ/match-finder/engine', '../packages/match-finder/src/engine/index.ts');
const offersModule = await load('../demo/data/generate-offers.ts', '../demo/data/generate-offers.ts');
if (engine.unavailable || offersModule.unavailable) {
  results.rank = { unavailable: engine.unavailable ?? offersModule.unavailable };
} else {
  const { validateOffers, validateQuestionnaire } = await import('@sozial-innovativ/core');
  const questionnaire = validateQuestionnaire(offersModule.questionnaire);
  results.rank = {};
  results.prepareRank = {};
  for (const n of [1000, 10000]) {
    const offers = validateOffers(offersModule.generateOffers(n)).items;
    const prepared = engine.prepareOffers(questionnaire, offers);
    results.rank[n] = await sample(() => ({ matches: engine.rankOffers(questionnaire, prepared, ANSWERS).matches.length }));
    results.prepareRank[n] = await sample(() => ({ matches: engine.rankOffers(questionnaire, offers, ANSWERS).matches.length }));
  }
}

// --- iCalendar ------------------------------------------------------------------------------
const ical = await load('@sozial-innovativ/adapters/ical', '../packages/adapters/src/ical/index.ts');
if (ical.unavailable || !ical.createIcalAdapter) {
  results.ics = { unavailable: ical.unavailable ?? 'createIcalAdapter is not exported yet' };
} else {
  const feed = generateIcsFeed(5000);
  const range = {
    month: { from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' },
    year: { from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' },
  };
  results.ics = { feed: { events: feed.count, recurring: feed.recurring, bytes: Buffer.byteLength(feed.text) } };
  for (const [name, query] of Object.entries(range)) {
    // A fresh adapter per run: parse + expand, as on a page load.
    results.ics[name] = await sample(async () => {
      const r = await ical.createIcalAdapter({ text: feed.text }).events(query);
      return { occurrences: r.items.length, dropped: r.dropped, truncated: r.truncated };
    });
  }
}

process.stdout.write(`${JSON.stringify(results)}\n`);
