#!/usr/bin/env node
// `npm run bench`: sizes, then speed in headless Chromium next to FullCalendar and EventCalendar,
// then the DOM-free cases in Node. Prints the tables and writes bench/results.md (+ results.json).
// Never fails on a timing: a slow figure is a finding, not an error. The peers are bench's own
// dependencies (bench/package.json, not a workspace): installed into bench/node_modules first
// when any is missing.
//
//   BENCH_RUNS=5         timed runs per case, at least 5 (plus one discarded warm-up run per page)
//   BENCH_ONLY=calendar  only the areas named (comma-separated: calendar, showcase, match, node, longtask, cold)
//   BENCH_WHO=ours       only these libraries (comma-separated: ours, FullCalendar, EventCalendar)
//   CHROMIUM_PATH=…      the browser (default /usr/bin/chromium)
import { build, defaultClientConditions } from 'vite';
import { chromium } from 'playwright-core';
import { spawnSync, execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSizes, missingBenchDependencies, sizesMarkdown } from './sizes.mjs';
import { serve } from './serve.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const OUT = join(BENCH, '.tmp', 'pages');
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const WHO = process.env.BENCH_WHO ? new Set(process.env.BENCH_WHO.split(',')) : undefined;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const started = Date.now();
const log = (...a) => console.error(...a);

// --- What is measured -------------------------------------------------------------------------

/** Bench pages (bench/pages/NAME.html); a page whose imports do not resolve yet is skipped. */
const PAGES = ['si-event-calendar', 'fullcalendar', 'event-calendar', 'si-initiative-cards', 'si-match'];

const CALENDAR_PAGES = { ours: 'si-event-calendar', FullCalendar: 'fullcalendar', EventCalendar: 'event-calendar' };
/**
 * `target` (ms) is compared with our `layout` figure (the work, without waiting for a frame);
 * ratios are peer ÷ ours on the same figure.
 */
const CASES = [
  { area: 'calendar', id: 'month', label: 'month view, first render', ns: [100, 1000, 10000], targets: { 1000: 35 }, pages: CALENDAR_PAGES, ready: true },
  { area: 'calendar', id: 'list', label: 'list view, first render', ns: [100, 1000, 10000], targets: { 10000: 250 }, pages: CALENDAR_PAGES, ready: true },
  { area: 'calendar', id: 'switch', label: 'next month, N loaded', ns: [10000], targets: { 10000: 18 }, pages: CALENDAR_PAGES },
  { area: 'showcase', id: 'render', label: 'showcase, first render', ns: [1000, 10000], targets: {}, pages: { ours: 'si-initiative-cards' } },
  { area: 'showcase', id: 'keystroke', label: 'search keystroke → results', ns: [1000, 10000], targets: { 10000: 16 }, pages: { ours: 'si-initiative-cards' } },
  { area: 'match', id: 'rank', label: 'rank offers (in the page)', ns: [1000, 10000], targets: { 10000: 16 }, pages: { ours: 'si-match' } },
  { area: 'match', id: 'prepareRank', label: 'prepare + rank offers (in the page)', ns: [1000, 10000], targets: {}, pages: { ours: 'si-match' } },
];

// --- Statistics and formatting ----------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const cell = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)}${s.n < RUNS ? `, ${s.n} runs` : ''})` : '');
const mb = (bytes) => (bytes / 1048576).toFixed(1);
const ratio = (peer, ours) => (peer && ours ? `${(peer.median / ours.median).toFixed(1)}×` : '');

// --- Machine ------------------------------------------------------------------------------------

function machine(browserVersion) {
  const cpuModel = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })();
  const os = existsSync('/etc/debian_version') ? `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}` : process.platform;
  const git = (() => {
    try {
      const head = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
      return head;
    } catch {
      return 'unknown';
    }
  })();
  const version = (pkg) => {
    for (const base of [join(BENCH, 'node_modules'), join(ROOT, 'node_modules')]) {
      const f = join(base, pkg, 'package.json');
      if (existsSync(f)) return JSON.parse(readFileSync(f, 'utf8')).version;
    }
    return '?';
  };
  return {
    cpu: `${cpuModel}, ${cpus().length} cores (nproc)`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os,
    node: process.version,
    browser: browserVersion ? `Chromium ${browserVersion} (headless, ${CHROMIUM})` : 'not run',
    tools: `vite ${version('vite')}, playwright-core ${version('playwright-core')}`,
    peers: `fullcalendar ${version('fullcalendar')}, @event-calendar/core ${version('@event-calendar/core')}`,
    commit: git,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

// --- Build and serve the pages ------------------------------------------------------------------

const isMissingModule = (e) => /could not resolve|failed to resolve|cannot find module|ENOENT|UNRESOLVED_IMPORT/i.test(String(e?.message ?? e));

/** Aliases for subpaths the packages do not export yet but whose sources exist. */
function pendingSubpathAliases() {
  const aliases = [];
  const pending = [
    ['@sozial-innovativ/match-finder/engine', 'packages/match-finder', './engine', 'src/engine/index.ts'],
    ['@sozial-innovativ/adapters/ical', 'packages/adapters', './ical', 'src/ical/index.ts'],
  ];
  for (const [specifier, dir, subpath, file] of pending) {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    if (!pkg.exports?.[subpath] && existsSync(join(ROOT, dir, file))) {
      aliases.push({ find: new RegExp(`^${specifier}$`), replacement: join(ROOT, dir, file) });
    }
  }
  return aliases;
}

async function buildPages() {
  rmSync(OUT, { recursive: true, force: true });
  const available = {};
  for (const name of PAGES) {
    const html = join(BENCH, 'pages', `${name}.html`);
    if (!existsSync(html)) {
      available[name] = { missing: `bench/pages/${name}.html does not exist` };
      continue;
    }
    try {
      await build({
        configFile: false,
        root: join(BENCH, 'pages'),
        base: './',
        logLevel: 'silent',
        mode: 'production',
        resolve: { conditions: ['si-source', ...defaultClientConditions], alias: pendingSubpathAliases() },
        build: {
          outDir: OUT,
          emptyOutDir: false,
          minify: true,
          target: 'es2022',
          reportCompressedSize: false,
          copyPublicDir: false,
          rolldownOptions: { input: html },
        },
      });
      available[name] = { ok: true };
    } catch (e) {
      // rolldown puts the reason on the lines after "Build failed with 1 error:".
      const message = String(e?.message ?? e).split('\n').filter((l) => l.trim() && !/^Build failed/.test(l)).slice(0, 2).join(' ').slice(0, 300);
      available[name] = isMissingModule(e) ? { missing: message } : { error: message };
      log(`  page ${name}: ${isMissingModule(e) ? 'not available yet' : 'build error'}: ${message}`);
    }
  }
  return available;
}


// --- Drive Chromium -----------------------------------------------------------------------------

/** Pages that had their warm-up run (HTTP and code caches primed; the run is discarded). */
const warmedUp = new Set();

async function runCase(context, base, page, id, n) {
  const samples = [];
  const first = warmedUp.has(page) ? 1 : 0;
  warmedUp.add(page);
  for (let i = first; i <= RUNS; i++) {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    try {
      const cdp = await context.newCDPSession(tab);
      await tab.goto(`${base}/${page}.html`);
      await tab.waitForFunction(() => window.__bench, undefined, { timeout: 30_000 });
      await tab.evaluate(([c, count]) => window.__bench.prepare(c, count), [id, n]);
      await cdp.send('HeapProfiler.collectGarbage');
      const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const result = await tab.evaluate(() => window.__bench.run());
      await cdp.send('HeapProfiler.collectGarbage');
      const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      if (i > 0) samples.push({ ...result, heap: after - before, heapTotal: after });
      // A case that takes seconds per run (a peer with 10 000 events) gets 3 runs, not 5, so the
      // whole bench stays within a few minutes; the table shows n.
      if (samples.length >= 3 && median(samples.map((x) => x.layout)) > 2_000) break;
    } catch (e) {
      return { error: `${String(e.message ?? e).split('\n')[0]}${errors.length ? ` (page: ${errors[0]})` : ''}` };
    } finally {
      await tab.close();
    }
  }
  return {
    layout: stats(samples.map((s) => s.layout)),
    paint: stats(samples.map((s) => s.paint)),
    heap: stats(samples.map((s) => s.heap)),
    heapTotal: stats(samples.map((s) => s.heapTotal)),
    detail: samples.at(-1).detail,
  };
}

async function browserCases(available) {
  const wanted = CASES.filter((c) => !ONLY || ONLY.has(c.area));
  if (!wanted.length) return { results: {}, version: undefined };
  if (!existsSync(CHROMIUM)) {
    log(`Chromium not found at ${CHROMIUM}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    return { results: {}, version: undefined };
  }
  const server = await serve(OUT);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', '--enable-precise-memory-info'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const results = {};
  try {
    for (const c of wanted) {
      for (const n of c.ns) {
        for (const [who, page] of Object.entries(c.pages)) {
          const key = `${c.id}:${n}:${who}`;
          if (WHO && !WHO.has(who)) continue;
          if (!available[page]?.ok) {
            results[key] = { unavailable: available[page]?.missing ? 'not available yet' : `build error: ${available[page]?.error}` };
            continue;
          }
          // `ready`: ours once more with the events validated before the clock starts.
          for (const [k, id] of [[key, c.id], ...(c.ready && who === 'ours' ? [[`${key}:ready`, `${c.id}Ready`]] : [])]) {
            const t = Date.now();
            results[k] = await runCase(context, base, page, id, n);
            const r = results[k];
            log(`  ${c.label} N=${n} ${who}${k.endsWith(':ready') ? ' (pre-validated)' : ''}: ${r.error ? `error: ${r.error}` : `${ms(r.layout.median)} ms layout, ${ms(r.paint.median)} ms paint`} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
          }
        }
      }
    }
  } finally {
    const version = browser.version();
    await browser.close();
    server.close();
    results.version = version;
  }
  const { version, ...rest } = results;
  return { results: rest, version };
}

function nodeCases() {
  if (ONLY && !ONLY.has('node') && !ONLY.has('match')) return {};
  const r = spawnSync(process.execPath, ['--conditions=si-source', '--import', 'tsx', join(BENCH, 'node-cases.mjs'), String(RUNS)], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (r.status !== 0) {
    log(`  Node cases failed: ${(r.stderr || '').split('\n').slice(0, 3).join(' ')}`);
    return { error: (r.stderr || '').split('\n')[0] };
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/**
 * The longest main-thread task while a big iCalendar feed loads (bench/longtask.mjs, its own
 * process so a failure there leaves the rest of the bench standing).
 */
async function longTaskCase() {
  if (ONLY && !ONLY.has('longtask')) return { markdown: '' };
  const file = join(BENCH, '.tmp', 'longtask.json');
  rmSync(file, { force: true });
  const r = spawnSync(process.execPath, ['--conditions=si-source', '--import', 'tsx', join(BENCH, 'longtask.mjs'), String(RUNS)], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  let results = { error: `bench/longtask.mjs exited with ${r.status ?? r.signal ?? r.error?.message} and wrote no figures` };
  try {
    if (existsSync(file)) results = JSON.parse(readFileSync(file, 'utf8'));
    return { results, markdown: (await import('./longtask.mjs')).longTaskMarkdown(results) };
  } catch (e) {
    return { results, markdown: `\n### Main thread while an iCalendar feed loads\n\nNot measured: ${String(e?.message ?? e).split('\n')[0]}` };
  }
}

/**
 * The cold page (bench/cold.mjs, issue #15): a fresh context per run, the clock from before the
 * script tags, FullCalendar 7 beside ours, plus the bytes and requests per widget page. Its own
 * process, like the long-task bench.
 */
async function coldCase() {
  if (ONLY && !ONLY.has('cold')) return { markdown: '' };
  const file = join(BENCH, '.tmp', 'cold.json');
  rmSync(file, { force: true });
  const r = spawnSync(process.execPath, ['--conditions=si-source', '--import', 'tsx', join(BENCH, 'cold.mjs'), String(RUNS)], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  let results = { error: `bench/cold.mjs exited with ${r.status ?? r.signal ?? r.error?.message} and wrote no figures` };
  try {
    if (existsSync(file)) results = JSON.parse(readFileSync(file, 'utf8'));
    return { results, markdown: (await import('./cold.mjs')).coldMarkdown(results) };
  } catch (e) {
    return { results, markdown: `\n### Cold page\n\nNot measured: ${String(e?.message ?? e).split('\n')[0]}` };
  }
}

// --- Report -------------------------------------------------------------------------------------

function speedTables(results) {
  const out = [];
  for (const area of ['calendar', 'showcase', 'match']) {
    const cases = CASES.filter((c) => c.area === area && (!ONLY || ONLY.has(area)));
    if (!cases.length) continue;
    const peers = Object.keys(cases[0].pages).filter((w) => w !== 'ours');
    out.push('', `### ${{ calendar: 'Event calendar', showcase: 'Initiative showcase', match: 'Match finder' }[area]}`, '');
    const ready = cases.some((c) => c.ready);
    const head = ['case', 'N', 'ours: work + layout', 'ours: to next paint', ...(ready ? ['ours: render only (events pre-validated)'] : []), 'target', ...peers.flatMap((p) => [`${p}: work + layout`, `${p} ÷ ours`]), `JS heap added, MB (ours${peers.map((p) => ` / ${p}`).join('')})`, `rows rendered (ours${peers.map((p) => ` / ${p}`).join('')})`];
    out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '--:')).join('|')}|`);
    for (const c of cases) {
      for (const n of c.ns) {
        const get = (who) => results[`${c.id}:${n}:${who}`];
        const ours = get('ours');
        const target = c.targets[n];
        const oursCell = ours?.layout ? `**${cell(ours.layout)}**` : ours?.unavailable ?? ours?.error ?? '';
        const verdict = ours?.layout && target ? (ours.layout.median <= target ? ` ✓` : ` ✗`) : '';
        const readyCell = ready ? [get('ours:ready')?.layout ? cell(get('ours:ready').layout) : ''] : [];
        const row = [c.label, n.toLocaleString('en').replace(/,/g, ' '), oursCell, ours?.paint ? cell(ours.paint) : '', ...readyCell, target ? `≤ ${target}${verdict}` : ''];
        for (const p of peers) {
          const r = get(p);
          row.push(r?.layout ? cell(r.layout) : r?.unavailable ?? r?.error ?? '', ratio(r?.layout, ours?.layout));
        }
        row.push(['ours', ...peers].map((w) => (get(w)?.heap ? mb(get(w).heap.median) : '–')).join(' / '));
        row.push(['ours', ...peers].map((w) => { const d = get(w)?.detail; return d ? `${d.rows ?? d.matches ?? '–'}${d.results !== undefined ? ` of ${d.results} results` : ''}` : '–'; }).join(' / '));
        out.push(`| ${row.join(' | ')} |`);
      }
    }
  }
  return out.join('\n');
}

function nodeTable(node) {
  if (!node || (!node.rank && !node.ics && !node.error)) return '';
  const out = ['', '### In Node (DOM-free modules)', ''];
  if (node.error) return [...out, `Node cases failed: ${node.error}`].join('\n');
  out.push('| case | N | median (min–max), ms | target | result |', '|---|---|--:|--:|---|');
  const nodeStats = (runs) => stats(runs.map((r) => r.ms));
  for (const [id, label, target] of [['rank', 'rank offers (prepared)', 16], ['prepareRank', 'prepare + rank offers', undefined]]) {
    const r = node[id] ?? node.rank;
    if (!r || r.unavailable) {
      out.push(`| ${label} | | ${r?.unavailable ? 'not available yet' : ''} | | |`);
      continue;
    }
    for (const n of [1000, 10000]) {
      const s = nodeStats(r[n]);
      out.push(`| ${label} | ${n.toLocaleString('en').replace(/,/g, ' ')} | **${cell(s)}** | ${target && n === 10000 ? `≤ ${target} ${s.median <= target ? '✓' : '✗'}` : ''} | ${r[n].at(-1).detail.matches} matches |`);
    }
  }
  const ics = node.ics;
  if (!ics || ics.unavailable) out.push(`| iCalendar parse + expand | 5 000 events | not available yet | | |`);
  else {
    for (const range of ['month', 'year']) {
      const s = nodeStats(ics[range]);
      const d = ics[range].at(-1).detail;
      out.push(`| iCalendar parse + expand, one ${range} | ${ics.feed.events.toLocaleString('en').replace(/,/g, ' ')} events (${ics.feed.recurring} recurring, ${mb(ics.feed.bytes)} MB) | **${cell(s)}** | | ${d.occurrences} occurrences${d.truncated ? ' (truncated)' : ''}${d.dropped ? `, ${d.dropped} dropped` : ''} |`);
    }
  }
  return out.join('\n');
}

// --- Main ---------------------------------------------------------------------------------------

const missing = missingBenchDependencies();
if (missing.length) {
  log(`▶ installing bench's own dependencies (missing: ${missing.join(', ')})`);
  const npm = spawnSync('npm', ['install', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (npm.status !== 0) {
    log(`✖ npm install --prefix bench failed (exit ${npm.status ?? npm.signal})`);
    process.exit(npm.status || 1);
  }
}
log('▶ sizes');
const sizes = await measureSizes();
log('▶ Node cases');
const node = nodeCases();
log('▶ bench pages');
const available = await buildPages();
log('▶ Chromium');
const { results, version } = await browserCases(available);
log('▶ main thread while an iCalendar feed loads');
const longtask = await longTaskCase();
log('▶ cold page (fresh context per run, FullCalendar 7 beside ours)');
const cold = await coldCase();
const m = machine(version);

const report = [
  '# Benchmark results',
  '',
  `Generated by \`npm run bench\` (bench/run.mjs) on ${m.date}, commit ${m.commit}. See bench/README.md for what each figure means.`,
  '',
  `- Machine: ${m.cpu}, ${m.memory}, ${m.os}`,
  `- ${m.browser}; Node ${m.node}; ${m.tools}`,
  `- Peers: ${m.peers}`,
  `- Speed: median of ${RUNS} runs (min–max), each in a fresh page (one discarded warm-up run per page); ms; lower is better. ` +
    '"work + layout": from handing over the data or input until the expected DOM is there and laid out. ' +
    '"to next paint": the same plus the next frame. Ratios: peer ÷ ours on "work + layout". ' +
    'Targets are checked against ours "work + layout". Heap: JS heap after − before, both after a forced GC.',
  '',
  '## Size (min+gzip, KB = 1024 B)',
  '',
  sizesMarkdown(sizes),
  '',
  '## Speed (headless Chromium)',
  speedTables(results),
  longtask.markdown,
  cold.markdown,
  nodeTable(node),
  '',
].join('\n');

writeFileSync(join(BENCH, 'results.md'), report);
writeFileSync(join(BENCH, '.tmp', 'results.json'), `${JSON.stringify({ machine: m, sizes, results, longtask: longtask.results, cold: cold.results, node }, null, 1)}\n`);
console.log(report);
log(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote bench/results.md`);
