#!/usr/bin/env node
// Issue #15: the cold page, measured the way a visitor pays for it. Beside run.mjs's warm figures
// (which time from "data handed over" in a page whose code is already running), every run here is
// a fresh browser context and page with the cache disabled, and the clock starts in an inline
// script right before the library's script tags: downloading, parsing and running the code, the
// module waterfall, validating the data and the lazily loaded views all count.
//
// - Ours: the production build of each widget's `define` entry as ES modules with its real chunk
//   graph (Vite 8 / rolldown with the settings of packages/embed/build.mjs: minified, Lit literals
//   minified, `production` condition), served from 127.0.0.1 (bench/serve.mjs) with `no-store`.
//   The raw events go through `createMemoryAdapter` inside the timed part (validation counts).
// - FullCalendar 7: bench/peers/fullcalendar.js (daygrid + list + German + classic theme) built as
//   one classic script plus its stylesheet, its own input format parsed inside its timed part.
// - Data: n events, all in March 2026 (the shown month), 1 hour each, starting between 08:00 and
//   17:45; the switch case adds n events in April. Generated in Node and served as a classic
//   script that runs before the clock starts.
// - Stop: the first animation frame after the last DOM mutation (container and shadow roots),
//   once nothing has changed for 500 ms (bench/pages/cold-clock.js).
// - Bytes: every JavaScript request of a widget page until it has settled (Chrome DevTools
//   Protocol `Network.requestWillBeSent`), each file gzip -9, and the waterfall depth from the
//   request initiators.
//
//   node --conditions=si-source --import tsx bench/cold.mjs [RUNS]   prints the tables, writes bench/.tmp/cold.json
//   BENCH_ONLY=cold npm run bench                                     the same as a section of bench/results.md
//   BENCH_WHO=ours (or FullCalendar)                                  one library only
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minifyLiterals } from '../scripts/minify-literals-plugin.mjs';
import { serve } from './serve.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
/** Where the pages and builds go; `COLD_OUT` gives a parallel run its own folder. */
const OUT = process.env.COLD_OUT ? resolve(process.env.COLD_OUT) : join(BENCH, '.tmp', 'cold');
export const RESULTS_FILE = process.env.COLD_OUT ? join(resolve(process.env.COLD_OUT), 'cold.json') : join(BENCH, '.tmp', 'cold.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WHO = process.env.BENCH_WHO ? new Set(process.env.BENCH_WHO.split(',')) : undefined;
const log = (...a) => console.error(...a);
const KB = 1024;

// --- What is measured -------------------------------------------------------------------------

export const SPEED_CASES = [
  { id: 'month', label: 'month, first render', ns: [1000, 10000] },
  { id: 'list', label: 'list, first render', ns: [1000, 10000] },
  { id: 'switch', label: 'month switch (click → settled)', ns: [1000, 10000] },
];
/** The other widgets, cold, ours only (no peer of theirs is built here yet): page per case. */
export const OTHER_CASES = [
  { id: 'cards', label: 'initiative cards, first render (24 cards shown)', ns: [1000, 10000], page: 'cold-si-initiative-cards.html', peer: { name: 'List.js 2', page: 'cold-listjs.html' } },
  { id: 'match', label: 'match finder, start screen / first question shown', ns: [1000, 10000], page: 'cold-si-match-finder.html', peer: { name: 'SurveyJS 2', page: 'cold-surveyjs.html' } },
];
/** The peers of the other widgets, each one classic script (+ stylesheet) from bench/peers/. */
const OTHER_PEERS = [
  { entry: 'listjs.js', name: 'PeerListJs' },
  { entry: 'surveyjs.js', name: 'PeerSurveyJs', css: 'surveyjs' },
];
const LIBRARIES = {
  ours: 'cold-si-event-calendar.html',
  'ours (embed.js)': 'cold-embed-calendar.html',
  FullCalendar: 'cold-fullcalendar.html',
  floor: 'cold-floor.html',
};

/** Issue #15's targets for a widget page, adapter excluded; the iCal page with its adapter. */
export const BYTES_TARGETS = { gzip: 20 * KB, requests: 4, depth: 2, icsWithAdapter: 45 * KB };

/** Widget pages of the bytes table: what a partner page loads, each until it has settled. */
const BYTES_PAGES = [
  { id: 'month', label: 'calendar, month view (memory adapter, 1 000 events)', page: 'cold-si-event-calendar.html', data: 'month' },
  { id: 'embed-month', label: 'calendar, month view through embed.js (inline JSON, 1 000 events)', page: 'cold-embed-calendar.html', data: 'month' },
  { id: 'list', label: 'calendar, list view (memory adapter, 1 000 events)', page: 'cold-si-event-calendar.html', data: 'list' },
  { id: 'ics', label: 'calendar, month view, `.ics` feed (1 000 events, iCal adapter)', page: 'cold-si-event-calendar-ics.html', data: 'ics' },
  { id: 'cards', label: 'initiative cards (memory adapter, 1 000 initiatives)', page: 'cold-si-initiative-cards.html', data: 'cards' },
  { id: 'match', label: 'match finder (memory adapter, 1 000 offers)', page: 'cold-si-match-finder.html', data: 'match' },
  { id: 'fullcalendar', label: 'FullCalendar 7, month view (peer; plus its CSS)', page: 'cold-fullcalendar.html', data: 'month', peer: true },
  { id: 'floor', label: 'floor: Lit alone, month view (bench/floor)', page: 'cold-floor.html', data: 'month', peer: true, who: 'floor' },
  { id: 'listjs', label: 'List.js 2, 1 000 initiatives (peer of the initiative cards)', page: 'cold-listjs.html', data: 'cards', peer: true, who: 'peer' },
  { id: 'surveyjs', label: 'SurveyJS 2, first question (peer of the match finder)', page: 'cold-surveyjs.html', data: 'match', peer: true, who: 'peer' },
];

// --- Data ---------------------------------------------------------------------------------------

const pad = (n) => String(n).padStart(2, '0');

/**
 * `n` events of `month` (`YYYY-MM`, 2026) in the core JSON shape from demo/data/generate-events.ts
 * (titles, places, topics, registration …), each moved to 1 hour starting between 08:00 and 17:45
 * (quarter hours) on its day, Europe/Berlin.
 */
async function monthEvents(n, month, seed) {
  const { generateEvents } = await import('../demo/data/generate-events.ts');
  const { random } = await import('../demo/data/random.ts');
  const rand = random(seed + 100);
  return generateEvents(n, { from: `${month}-01`, months: 1, seed }).map((e) => {
    const day = e.start.slice(0, 10);
    if (!day.startsWith(month)) throw new Error(`generated event outside ${month}: ${e.start}`);
    const slot = Math.floor(rand() * 40); // 08:00 … 17:45
    const [h, m] = [8 + (slot >> 2), (slot & 3) * 15];
    // Summer time in 2026: 29 March to 25 October.
    const offset = day >= '2026-03-29' && day < '2026-10-25' ? '+02:00' : '+01:00';
    return { ...e, start: `${day}T${pad(h)}:${pad(m)}:00${offset}`, end: `${day}T${pad(h + 1)}:${pad(m)}:00${offset}` };
  });
}

/**
 * The questionnaire in SurveyJS's own JSON (the peer of the match finder; converting is the
 * partner's server's job: not timed): one page per question, German texts.
 */
function surveyJson(questionnaire) {
  const de = (t) => (typeof t === 'string' ? t : t?.de ?? '');
  const choices = (q) => (q.options ?? []).map((o) => ({ value: o.value, text: de(o.label) }));
  const question = (q) => {
    const base = { name: q.id, title: de(q.label), description: de(q.hint), isRequired: !!q.required };
    switch (q.kind) {
      case 'single': return { ...base, type: 'radiogroup', choices: choices(q) };
      case 'multiple': return { ...base, type: 'checkbox', choices: choices(q) };
      case 'scale': return { ...base, type: 'rating', rateValues: choices(q) };
      case 'boolean': return { ...base, type: 'boolean' };
      case 'range': return { ...base, type: 'text', inputType: 'number', min: q.min, max: q.max, step: q.step };
      default: return { ...base, type: 'text' };
    }
  };
  return { title: de(questionnaire.title), description: de(questionnaire.intro), pages: questionnaire.questions.map((q) => ({ name: q.id, elements: [question(q)] })) };
}

/** FullCalendar's own input format (converting is the partner's server's job: not timed). */
const fcInput = (events) => events.map((e) => ({ id: e.id, title: e.title, start: e.start, end: e.end }));

const dataCache = new Map();
/** The page's `window.__coldData` for a case: `{ view, date, months?, events?, fc? … }`. */
async function pageData(kind, n = 1000) {
  const key = `${kind}:${n}`;
  if (dataCache.has(key)) return dataCache.get(key);
  let data;
  if (kind === 'cards') {
    const { generateInitiatives } = await import('../demo/data/generate-initiatives.ts');
    data = { initiatives: generateInitiatives(n) };
  } else if (kind === 'match') {
    const { generateOffers, questionnaire } = await import('../demo/data/generate-offers.ts');
    data = { questionnaire, offers: generateOffers(n), survey: surveyJson(questionnaire) };
  } else {
    const events = await monthEvents(n, '2026-03', 1);
    if (kind === 'switch') events.push(...(await monthEvents(n, '2026-04', 2)));
    data = { view: kind === 'list' ? 'list' : 'month', date: '2026-03-01', months: kind === 'list' ? 1 : undefined, events, fc: fcInput(events) };
  }
  // A classic script: parsed and run before the clock starts.
  const body = Buffer.from(`window.__coldData = JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`);
  dataCache.set(key, body);
  return body;
}

// --- Build --------------------------------------------------------------------------------------

/** `chunks/event-calendar-month-view-<hash>.js`, as packages/embed/build.mjs names them. */
const chunkName = (info) => {
  const m = /packages\/([\w-]+)\/src\/(.+)\.ts$/.exec(info.facadeModuleId ?? '');
  return m ? `chunks/${m[1]}-${m[2].replaceAll('/', '-')}-[hash].js` : 'chunks/[name]-[hash].js';
};

/**
 * Builds ours (OUT/lib: one ES build of the embed loader, every widget's define entry and the memory
 * adapter, so the shared chunks are those of the published embed build: when
 * packages/embed/build.mjs exports `chunkGroups` (and `inlineRuntime`), its code-splitting groups
 * are applied as the embed build applies them) and FullCalendar (OUT/fc), and copies the pages.
 * Returns the module graph of ours (file → static imports) and how the chunks were made.
 */
async function buildAll() {
  rmSync(OUT, { recursive: true, force: true });
  const pkg = (p) => join(ROOT, 'packages', p);
  const config = (write, plugins = [], groups = undefined) => ({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [minifyLiterals(), ...plugins],
    resolve: { conditions: ['si-source', 'module', 'browser', 'production'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(OUT, 'lib'), emptyOutDir: true, target: 'es2022', minify: true, reportCompressedSize: false, copyPublicDir: false, write,
      lib: {
        entry: {
          embed: pkg('embed/src/loader.ts'),
          'event-calendar-define': pkg('event-calendar/src/define.ts'),
          'initiative-cards-define': pkg('initiative-cards/src/define.ts'),
          'match-finder-define': pkg('match-finder/src/define.ts'),
          'adapters-memory': pkg('adapters/src/memory/index.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: chunkName, minify: true, ...(groups && { codeSplitting: { groups } }) } },
    },
  });
  const outputOf = (r) => (Array.isArray(r) ? r[0] : r).output;
  let result;
  let chunking = "rolldown's default chunks (the embed build's settings)";
  try {
    const embed = await import('../packages/embed/build.mjs');
    if (typeof embed.chunkGroups === 'function') {
      const groups = embed.chunkGroups(outputOf(await build(config(false))));
      result = await build(config(true, typeof embed.inlineRuntime === 'function' ? [embed.inlineRuntime()] : [], groups));
      chunking = "the embed build's code-splitting groups (packages/embed/build.mjs `chunkGroups`)";
    }
  } catch (e) {
    log(`  cold: the embed build's chunk groups could not be applied (${String(e?.message ?? e).split('\n')[0]}); rolldown's default chunks`);
  }
  result ??= await build(config(true));
  const graph = {};
  const chunks = outputOf(result).filter((c) => c.type === 'chunk');
  for (const chunk of chunks) graph[`lib/${chunk.fileName}`] = { imports: chunk.imports.map((f) => `lib/${f}`) };
  // With code-splitting groups a define entry is a facade that only imports the widget's chunk (as
  // embed.js imports it): the pages load that chunk itself, as the loader would, not one more
  // round trip. (The memory adapter keeps its entry: its chunk's exports are minified.)
  const scripts = {};
  for (const name of ['event-calendar-define', 'initiative-cards-define', 'match-finder-define']) {
    const id = pkg(`${name.replace(/-define$/, '')}/src/define.ts`);
    const entry = chunks.find((c) => c.fileName === `${name}.js`);
    if (entry && !entry.moduleIds.includes(id)) {
      const owner = chunks.find((c) => c.moduleIds.includes(id));
      if (owner) scripts[`./lib/${name}.js`] = `./lib/${owner.fileName}`;
    }
  }
  // The peers (each one classic script, + its stylesheet) and the floor (Lit and one plain element,
  // one ES module): single minified files, no chunks.
  const single = (dir, entry, lib, conditions) => build({
    configFile: false,
    root: BENCH,
    logLevel: 'silent',
    ...(conditions && { resolve: { conditions } }),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(OUT, dir), emptyOutDir: false, target: 'es2022', minify: true, reportCompressedSize: false, copyPublicDir: false,
      lib: { entry, fileName: () => basename(entry), ...lib },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  for (const peer of OTHER_PEERS) {
    await single('peers', join(BENCH, 'peers', peer.entry), { formats: ['iife'], name: peer.name, ...(peer.css && { cssFileName: peer.css }) });
  }
  await single('floor', join(BENCH, 'floor', 'floor-calendar.js'), { formats: ['es'] }, ['module', 'browser', 'production']);
  await single('fc', join(BENCH, 'peers', 'fullcalendar.js'), { formats: ['iife'], name: 'FC', cssFileName: 'fullcalendar' });
  // The published script-tag build (packages/embed/dist), as the README's snippet loads it.
  // COLD_NO_EMBED=1 leaves it out (a parallel run must not rebuild the shared dist/).
  const embedded = !process.env.COLD_NO_EMBED;
  if (embedded) {
    const { buildEmbed } = await import('../packages/embed/build.mjs');
    await buildEmbed();
    cpSync(join(ROOT, 'packages', 'embed', 'dist'), join(OUT, 'embed'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  }
  // Its module graph (static imports only; `import()` is not one) for the bytes table.
  for (const f of embedded ? ['embed.js', ...readdirSync(join(OUT, 'embed', 'chunks')).map((c) => `chunks/${c}`)] : []) {
    if (!f.endsWith('.js')) continue;
    const code = readFileSync(join(OUT, 'embed', f), 'utf8');
    const imports = [...code.matchAll(/(?<![\w$.(])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)]
      .map((m) => `embed/${join(dirname(f), m[1])}`);
    graph[`embed/${f}`] = { imports };
  }
  for (const f of readdirSync(join(BENCH, 'pages'))) {
    if (f.endsWith('.html') && f.startsWith('cold-')) {
      const html = Object.entries(scripts).reduce((h, [from, to]) => h.replaceAll(`"${from}"`, `"${to}"`), readFileSync(join(BENCH, 'pages', f), 'utf8'));
      writeFileSync(join(OUT, f), withModulePreloads(html, graph));
    } else if (f.startsWith('cold-') || f === 'bench.css') copyFileSync(join(BENCH, 'pages', f), join(OUT, f));
  }
  return { graph, chunking };
}

/**
 * What a Vite app build does for its entry modules (`build.modulePreload`, on by default): a
 * `<link rel="modulepreload">` in the head for every chunk the page's module scripts import
 * statically, so the browser fetches the whole graph at once instead of finding each level only
 * after parsing the one above. Added to our pages that load `./lib/…` modules (a developer's page
 * built with Vite); embed.js adds its own at run time.
 */
function withModulePreloads(html, graph) {
  const roots = [...html.matchAll(/(?:src=|from\s*)["']\.\/(lib\/[^"']+\.js)["']/g)].map((m) => m[1]);
  const files = new Set();
  const visit = (f) => {
    if (files.has(f) || !graph[f]) return;
    files.add(f);
    graph[f].imports.forEach(visit);
  };
  roots.forEach(visit);
  if (!files.size) return html;
  const links = [...files].map((f) => `<link rel="modulepreload" href="./${f}">`).join('\n');
  return html.replace('</head>', `${links}\n</head>`);
}

// --- Drive Chromium -----------------------------------------------------------------------------

const CONTEXT = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'de-DE', timezoneId: 'Europe/Berlin' };

/**
 * One cold visit: a new context (incognito: empty cache, no code cache) with the cache disabled,
 * the page until settled, then optionally the switch until settled again. `requests`: every
 * request the page made, with its initiator.
 */
async function visit(browser, base, page, { next = false } = {}) {
  const context = await browser.newContext(CONTEXT);
  const errors = [];
  try {
    const tab = await context.newPage();
    tab.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(tab);
    const requests = [];
    cdp.on('Network.requestWillBeSent', (e) => requests.push({ url: e.request.url, type: e.type, initiator: e.initiator, at: e.timestamp }));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await tab.goto(`${base}/${page}`, { waitUntil: 'load' });
    const first = await tab.evaluate(() => window.__cold.settled('first'));
    const second = next
      ? await tab.evaluate(() => {
          window.__cold.restart(window.__cold.next);
          return window.__cold.settled('next');
        })
      : undefined;
    return { first, second, requests, errors };
  } catch (e) {
    throw new Error(`${String(e?.message ?? e).split('\n')[0]}${errors.length ? ` (page: ${errors[0]})` : ''}`);
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/** Speed: per case and n, ours and FullCalendar alternately, a fresh context each run. */
async function speed(browser, base, current, runs) {
  const results = {};
  const who = Object.keys(LIBRARIES).filter((w) => !WHO || WHO.has(w));
  // One discarded visit per page first (the server's and the OS's file caches).
  current.data = await pageData('month', 1000);
  for (const w of who) await visit(browser, base, LIBRARIES[w]).catch(() => {});
  for (const c of SPEED_CASES) {
    for (const n of c.ns) {
      current.data = await pageData(c.id, n);
      const samples = Object.fromEntries(who.map((w) => [w, []]));
      const failed = {};
      for (let i = 0; i < runs; i++) {
        // Alternate who goes first, so a slow spell of the machine hits both.
        for (const w of i % 2 ? [...who].reverse() : who) {
          if (failed[w]) continue;
          try {
            const r = await visit(browser, base, LIBRARIES[w], { next: c.id === 'switch' });
            const m = c.id === 'switch' ? r.second : r.first;
            samples[w].push({ ms: m.ms, rows: m.detail.rows, firstMs: r.first.ms });
          } catch (e) {
            failed[w] = String(e?.message ?? e);
          }
        }
      }
      for (const w of who) {
        const key = `${c.id}:${n}:${w}`;
        results[key] = failed[w] && !samples[w].length
          ? { error: failed[w] }
          : { ms: stats(samples[w].map((s) => s.ms)), rows: samples[w].at(-1).rows, ...(failed[w] ? { error: failed[w] } : {}) };
        const r = results[key];
        log(`  cold ${c.label} N=${n} ${w}: ${r.ms ? `${r.ms.median.toFixed(1)} ms (${r.ms.min.toFixed(1)}–${r.ms.max.toFixed(1)}), ${r.rows} rows` : `error: ${r.error}`}`);
      }
    }
  }
  const otherWho = [['ours', (c) => c.page], ['peer', (c) => c.peer.page]].filter(([w]) => !WHO || WHO.has(w));
  for (const c of OTHER_CASES) {
    for (const n of c.ns) {
      current.data = await pageData(c.id, n);
      const xs = Object.fromEntries(otherWho.map(([w]) => [w, []]));
      const errors = {};
      for (let i = 0; i < runs; i++) {
        for (const [w, page] of i % 2 ? [...otherWho].reverse() : otherWho) {
          if (errors[w]) continue;
          try {
            xs[w].push((await visit(browser, base, page(c))).first);
          } catch (e) {
            errors[w] = String(e?.message ?? e);
          }
        }
      }
      for (const [w] of otherWho) {
        const key = `${c.id}:${n}:${w}`;
        results[key] = xs[w].length ? { ms: stats(xs[w].map((x) => x.ms)), rows: xs[w].at(-1).detail.rows, ...(errors[w] && { error: errors[w] }) } : { error: errors[w] };
        log(`  cold ${c.label} N=${n} ${w}: ${xs[w].length ? `${results[key].ms.median.toFixed(1)} ms` : `error: ${errors[w]}`}`);
      }
    }
  }
  return results;
}

/**
 * Bytes and requests of one settled visit. Waterfall depth from the initiators: a request the
 * document's parser made is depth 1, one made by a script (a static `import`, an `import()`) is
 * one more than the deepest script on its initiator stack; module imports without a stack are
 * placed by the module graph (one more than the shallowest requested importer).
 */
function bytesOf(requests, graph, root, base) {
  const js = requests.filter((r) => r.type === 'Script' && r.url.startsWith(base) && /\/(lib|fc|embed|floor|peers)\//.test(r.url));
  const path = (url) => new URL(url).pathname.slice(1);
  const files = [...new Set(js.map((r) => path(r.url)))];
  const depth = {};
  const importers = (f) => files.filter((g) => graph[g]?.imports.includes(f));
  const depthOf = (f, seen = new Set()) => {
    if (depth[f] !== undefined) return depth[f];
    // An initiator chain that loops back (a chunk requested from a stack that holds itself): unknown here.
    if (seen.has(f)) return NaN;
    seen.add(f);
    const r = js.find((x) => path(x.url) === f);
    const init = r.initiator ?? {};
    const stackUrls = [...(init.stack?.callFrames ?? []), ...(init.stack?.parent?.callFrames ?? [])].map((c) => c.url);
    const byStack = stackUrls.map((u) => (u && files.includes(path(u)) ? path(u) : undefined)).filter(Boolean);
    let d;
    if (init.type === 'parser' && (!init.url || !files.includes(path(init.url)))) d = 1;
    else if (init.url && files.includes(path(init.url))) d = depthOf(path(init.url), seen) + 1;
    else if (byStack.some((g) => Number.isFinite(depthOf(g, seen)))) d = Math.max(...byStack.map((g) => depthOf(g, seen)).filter(Number.isFinite)) + 1;
    else {
      const from = importers(f).map((g) => depthOf(g, seen)).filter(Number.isFinite);
      d = from.length ? Math.min(...from) + 1 : 1;
    }
    if (!Number.isFinite(d)) return NaN; // inside a loop: the outer call places it
    return (depth[f] = d);
  };
  for (const f of files) depthOf(f);
  const gzip = Object.fromEntries(files.map((f) => [f, gzipSync(readFileSync(join(root, f)), { level: 9 }).length]));
  // The adapter's own files: what only the adapter's roots (the memory adapter entry, an adapter
  // chunk loaded by `import()`) reach through static imports, not the widget's roots.
  const imported = new Set(files.flatMap((f) => graph[f]?.imports ?? []));
  const roots = files.filter((f) => !imported.has(f));
  const isAdapterRoot = (f) => /^(lib\/(adapters-memory\.js|chunks\/adapters-)|embed\/chunks\/adapters-)/.test(f);
  const closure = (fs) => {
    const out = new Set();
    const walk = (f) => {
      if (out.has(f) || !files.includes(f)) return;
      out.add(f);
      for (const g of graph[f]?.imports ?? []) walk(g);
    };
    fs.forEach(walk);
    return out;
  };
  const widget = closure(roots.filter((f) => !isAdapterRoot(f)));
  const adapter = files.filter((f) => !widget.has(f));
  const sum = (fs) => fs.reduce((s, f) => s + gzip[f], 0);
  // A file whose initiators loop back has no depth here (NaN): the table prints "?".
  const maxDepth = (fs) => Math.max(0, ...fs.map((f) => depth[f] ?? NaN));
  const without = files.filter((f) => widget.has(f));
  return {
    all: { requests: files.length, gzip: sum(files), depth: maxDepth(files) },
    withoutAdapter: { requests: without.length, gzip: sum(without), depth: maxDepth(without) },
    adapter: { requests: adapter.length, gzip: sum(adapter) },
    files: files.map((f) => ({ file: f, gzip: gzip[f], depth: depth[f], adapter: adapter.includes(f), initiator: js.find((x) => path(x.url) === f).initiator?.type })),
  };
}

async function bytes(browser, base, current, graph) {
  const results = {};
  for (const p of BYTES_PAGES) {
    if (p.peer && WHO && !WHO.has(p.who ?? 'FullCalendar')) continue;
    if (!p.peer && WHO && !WHO.has('ours')) continue;
    current.data = p.data === 'ics' ? undefined : await pageData(p.data, 1000);
    try {
      const r = await visit(browser, base, p.page);
      results[p.id] = { label: p.label, peer: p.peer, ms: r.first.ms, ...bytesOf(r.requests, graph, OUT, base) };
      const b = results[p.id];
      log(`  cold bytes ${p.id}: ${b.all.requests} JS requests, ${(b.all.gzip / KB).toFixed(1)} KB gzip, depth ${b.all.depth}`);
    } catch (e) {
      results[p.id] = { label: p.label, peer: p.peer, error: String(e?.message ?? e) };
      log(`  cold bytes ${p.id}: error: ${results[p.id].error}`);
    }
  }
  return results;
}

export async function measureCold({ runs = 5 } = {}) {
  const load = { before: loadavg().map((x) => Number(x.toFixed(2))) };
  log('  cold: building ours (define entries, ES modules) and FullCalendar (classic script)');
  const { graph, chunking } = await buildAll();
  const { generateIcsFeed } = await import('./ics-feed.mjs');
  const feed = Buffer.from(generateIcsFeed(1000).text);
  const current = { data: undefined };
  const server = await serve(OUT, { '/cold-data.js': () => current.data ?? Buffer.from(''), '/feed.ics': () => feed });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions'],
  });
  try {
    const byteResults = await bytes(browser, base, current, graph);
    const speedResults = await speed(browser, base, current, runs);
    load.after = loadavg().map((x) => Number(x.toFixed(2)));
    return { runs, browser: browser.version(), chunking, load, speed: speedResults, bytes: byteResults, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  } finally {
    await browser.close();
    server.close();
  }
}

// --- Report -------------------------------------------------------------------------------------

const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (b) => (b / KB).toFixed(1);
const thousands = (n) => n.toLocaleString('en').replace(/,/g, ' ');

export function coldMarkdown(r) {
  const out = ['', '### Cold page (issue #15: a fresh page, the clock from before the script tags)', ''];
  if (!r || r.error) return [...out, `Not measured: ${r?.error ?? 'no figures'}`].join('\n');
  out.push(
    `${r.browser ? `Chromium ${r.browser}, ` : ''}median of ${r.runs} runs (min–max), ms, each a new browser context with the cache disabled; ` +
      'n events all in March 2026 (1 h, 08:00–17:45), the switch adds n in April. From the inline script before the library\'s script tags ' +
      '(the switch: from the click) to the first frame after the last DOM mutation, settled = 500 ms without one. ' +
      `Ours: ${r.chunking ?? 'the define entries'}. Load average (1/5/15 min) before ${r.load.before.join(' / ')}, after ${r.load.after?.join(' / ') ?? '?'}.`,
    '',
    '| case | n | FullCalendar 7 | ours | FC ÷ ours | ours through embed.js | FC ÷ that | target: 10× FC | floor: Lit alone | rows (FC / ours) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|',
  );
  const cell = (x) => (x?.ms ? `${ms(x.ms.median)} (${ms(x.ms.min)}–${ms(x.ms.max)})` : x?.error ? `error: ${x.error.slice(0, 80)}` : '');
  for (const c of SPEED_CASES) {
    for (const n of c.ns) {
      const ours = r.speed[`${c.id}:${n}:ours`];
      const embed = r.speed[`${c.id}:${n}:ours (embed.js)`];
      const fc = r.speed[`${c.id}:${n}:FullCalendar`];
      const floor = r.speed[`${c.id}:${n}:floor`];
      const target = fc?.ms ? fc.ms.median / 10 : undefined;
      const ratio = (x) => (fc?.ms && x?.ms ? `${(fc.ms.median / x.ms.median).toFixed(1)}×` : '');
      const best = [ours, embed].filter((x) => x?.ms).map((x) => x.ms.median);
      const verdict = target !== undefined && best.length ? (Math.min(...best) <= target ? ' ✓' : ' ✗') : '';
      out.push(`| ${c.label} | ${thousands(n)} | ${cell(fc)} | **${cell(ours)}** | ${ratio(ours)} | **${cell(embed)}** | ${ratio(embed)} | ${target !== undefined ? `≤ ${ms(target)}${verdict}` : ''} | ${cell(floor)} | ${fc?.rows ?? '–'} / ${ours?.rows ?? '–'} |`);
    }
  }
  const others = OTHER_CASES.flatMap((c) => c.ns.map((n) => [c, n, r.speed[`${c.id}:${n}:ours`], r.speed[`${c.id}:${n}:peer`]])).filter(([, , x, y]) => x || y);
  if (others.length) {
    out.push(
      '', 'The other widgets, the same way (ours: the memory adapter from the raw items, validation counts; the peer: its own format, one classic script):', '',
      '| case | n | peer | peer: ms | ours | peer ÷ ours | rows (peer / ours) |', '|---|--:|---|--:|--:|--:|---|',
    );
    for (const [c, n, x, y] of others) {
      const ratio = x?.ms && y?.ms ? `${(y.ms.median / x.ms.median).toFixed(1)}×` : '';
      out.push(`| ${c.label} | ${thousands(n)} | ${c.peer.name} | ${cell(y)} | **${cell(x)}** | ${ratio} | ${y?.rows ?? '–'} / ${x?.rows ?? '–'} |`);
    }
  }
  out.push(
    '',
    'JavaScript a visitor downloads until the page has settled (every request, each file gzip -9, KB = 1024 B; depth = ' +
      'sequential rounds of requests from the initiator chains: a script tag is 1, what it imports 2 …). ' +
      `Targets (issue #15, adapter excluded): ≤ ${kb(BYTES_TARGETS.gzip)} KB in ≤ ${BYTES_TARGETS.requests} requests, depth ≤ ${BYTES_TARGETS.depth}; the iCal page with its adapter ≤ ${kb(BYTES_TARGETS.icsWithAdapter)} KB.`,
    '',
    '| page | without adapter: requests / KB / depth | adapter: files / KB | with adapter: requests / KB / depth | target |',
    '|---|--:|--:|--:|---|',
  );
  for (const [id, b] of Object.entries(r.bytes ?? {})) {
    if (b.error) {
      out.push(`| ${b.label} | error: ${b.error.slice(0, 80)} | | | |`);
      continue;
    }
    const w = b.withoutAdapter;
    const ok = w.gzip <= BYTES_TARGETS.gzip && w.requests <= BYTES_TARGETS.requests && w.depth <= BYTES_TARGETS.depth;
    const icsOk = id !== 'ics' || b.all.gzip <= BYTES_TARGETS.icsWithAdapter;
    const target = b.peer ? '' : `${ok ? '✓' : '✗'}${id === 'ics' ? `, with adapter ${icsOk ? '✓' : '✗'}` : ''}`;
    const d = (x) => (Number.isFinite(x) ? x : '?');
    out.push(`| ${b.label} | ${w.requests} / ${kb(w.gzip)} / ${d(w.depth)} | ${b.adapter.requests ? `${b.adapter.requests} / ${kb(b.adapter.gzip)}` : '–'} | ${b.all.requests} / **${kb(b.all.gzip)}** / ${d(b.all.depth)} | ${target} |`);
  }
  return out.join('\n');
}

// --- Main ---------------------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Math.max(5, Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 5));
  let results;
  try {
    results = await measureCold({ runs });
  } catch (e) {
    results = { error: String(e?.message ?? e).split('\n')[0] };
    log(e);
  }
  // bench/run.mjs reads the figures from this file.
  mkdirSync(join(BENCH, '.tmp'), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 1)}\n`);
  console.log(coldMarkdown(results));
}
