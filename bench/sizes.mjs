#!/usr/bin/env node
// Bundle sizes: what a script tag costs. Every published entry is bundled on its own, the way a
// partner's bundler or our embed build would do it (Vite 8 / rolldown, minified, everything
// inlined incl. Lit; TypeScript sources through the `si-source` condition, so no prior `npm run
// build` is needed), then compressed with gzip -9 and brotli -q 11. The peers are bundled the same
// way from the tiny entry files in bench/peers/.
//
//   node bench/sizes.mjs            print the table and write bench/sizes.md
//   node bench/sizes.mjs --check    … and exit 1 when an entry is over its budget (npm test)
//   node bench/sizes.mjs --init-budgets   add a budget for every entry that has none yet
//
// Beside the bytes, the requests: for each widget entry and for each partner page through embed.js,
// the files a browser fetches before the widget's first render and the depth of that chain (how
// many rounds of "parse a module, find its imports, fetch them" it takes). Read from the build
// graph, no browser, no timings; budgets under `requests` in bench/budgets.json.
//
// Deterministic (same sources, same bytes), about 5 s. Entries whose sources do not exist yet are
// listed as "not available yet" and skipped by the check. The peers are bench's own dependencies
// (bench/package.json, installed into bench/node_modules by `npm run bench`, not by the root's
// `npm ci`): without them our entries and budgets are still measured and checked, the peer
// comparison is skipped, and bench/sizes.md, which holds that comparison, is left as it is.
import { minifyLiterals } from '../scripts/minify-literals-plugin.mjs';
import { build, defaultClientConditions } from 'vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRELOADS, buildLoader } from '../packages/embed/build.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const BUDGETS_FILE = join(BENCH, 'budgets.json');
export const KB = 1024;

/** Targets from the issue, min+gzip. */
export const TARGETS = { widget: 20 * KB, loader: 3 * KB };

/** Library indexes whose cost depends on what a consumer imports; not a script-tag entry. */
const NOT_ENTRIES = new Set(['.', './elements', './testing', './logic', './custom-elements.json', './package.json']);

const kindOf = (pkg, subpath) => {
  if (pkg === 'adapters') return 'adapter';
  if (subpath === './define' && pkg !== 'embed') return 'widget';
  if (subpath.includes('engine')) return 'engine';
  return 'element';
};

/** Our entries, discovered from packages/*\/package.json `exports` (the `si-source` condition). */
export function ourEntries() {
  const entries = [];
  const packagesDir = join(ROOT, 'packages');
  for (const dir of readdirSync(packagesDir).sort()) {
    const pkgFile = join(packagesDir, dir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    if (dir === 'embed') continue; // below: its bundles are not package exports
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (NOT_ENTRIES.has(subpath) || typeof target !== 'object' || !target['si-source']) continue;
      entries.push({
        name: `${pkg.name}${subpath.slice(1)}`,
        kind: kindOf(dir, subpath),
        file: join(packagesDir, dir, target['si-source']),
      });
    }
  }
  // The embed package's two bundles (see packages/embed/src/loader.ts and all.ts).
  const embed = join(packagesDir, 'embed', 'src');
  entries.push(
    { name: 'embed.js (loader)', kind: 'loader', file: join(embed, 'loader.ts') },
    { name: 'embed.iife.js (all widgets)', kind: 'bundle', file: join(embed, 'all.ts') },
  );
  return entries;
}

export const PEERS = [
  { name: 'FullCalendar 7.1 (daygrid + list + de, classic theme)', short: 'FullCalendar', file: join(BENCH, 'peers/fullcalendar.js'), pkg: 'fullcalendar' },
  { name: 'EventCalendar 5 (day grid + list)', short: 'EventCalendar', file: join(BENCH, 'peers/event-calendar.js'), pkg: '@event-calendar/core' },
  { name: 'Schedule-X 4 (month grid + list, default theme, Temporal polyfill)', short: 'Schedule-X', file: join(BENCH, 'peers/schedule-x.js'), pkg: '@schedule-x/calendar' },
];

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

const measureFile = (buf) => ({ min: buf.length, gzip: gzip(buf), brotli: brotli(buf) });
const add = (a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO = { min: 0, gzip: 0, brotli: 0 };

/** A module that is not there (yet): another package is still being written. */
const isMissingModule = (e) => /could not resolve|cannot find module|failed to resolve|ENOENT|UNRESOLVED_IMPORT/i.test(String(e?.message ?? e));

/**
 * The round in which a browser requests each file: `seed` maps files to their rounds (an array:
 * all in round 1); then every file that a file of round r imports statically (or dynamically,
 * when `dynamic(file)` says the first render takes that `import()`) and that no earlier round
 * requested comes in round r + 1. `chunks` maps file names to rolldown output chunks.
 */
export function requestRounds(chunks, seed, dynamic = () => false) {
  const rounds = new Map(Array.isArray(seed) ? seed.map((f) => [f, 1]) : seed);
  // Breadth first: the seed in order of rounds, then each file after the one that found it.
  for (const [file, round] of rounds) {
    const chunk = chunks.get(file);
    for (const dep of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? []).filter(dynamic)]) {
      if (!rounds.has(dep)) rounds.set(dep, round + 1);
    }
  }
  return rounds;
}

/**
 * Bundles one entry in memory. The eager cost is the entry chunk plus the chunks it imports
 * statically and the CSS they pull in; chunks behind `import()` are listed as lazy.
 */
async function bundle(file) {
  // Library mode with rolldown's minifier, as our packages and a partner's bundler would build
  // it: an app-mode Vite build adds Vite's CSS preload helper (~0.7 KB) to every entry with a
  // dynamic import, and our widgets have no CSS files to preload.
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    // The same literal minification as the published builds (scripts/vite-lib.mjs, embed).
    plugins: [minifyLiterals()],
    resolve: { conditions: ['si-source', ...defaultClientConditions] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry: file, formats: ['es'], fileName: 'entry' },
      rolldownOptions: {
        // Keep the entry's exports (an adapter entry is all exports and no side effects), and let
        // the entry chunk hold what its lazy chunks share with it, as a partner's app build does:
        // with 'strict', rolldown moved Lit and core into chunks of their own that the entry
        // imports, a second round of requests for the same bytes.
        preserveEntrySignatures: 'allow-extension',
        output: { format: 'es', minify: true },
      },
    },
  });
  const { output } = Array.isArray(out) ? out[0] : out;
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = output.find((o) => o.type === 'chunk' && o.isEntry);
  const eager = new Set();
  const visit = (name) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
  };
  visit(entry.fileName);
  const cssOf = (names) =>
    [...names].flatMap((n) => [...(chunks.get(n)?.viteMetadata?.importedCss ?? [])]);
  const eagerCss = new Set(cssOf(eager));
  // Without code splitting for CSS metadata (e.g. a single chunk), every CSS asset is eager.
  const cssAssets = output.filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'));
  const js = [...eager].map((n) => measureFile(Buffer.from(chunks.get(n).code))).reduce(add, ZERO);
  const css = cssAssets
    .filter((a) => eagerCss.size === 0 || eagerCss.has(a.fileName))
    .map((a) => measureFile(Buffer.from(a.source)))
    .reduce(add, ZERO);
  const lazy = [...chunks.values()]
    .filter((c) => !eager.has(c.fileName))
    .map((c) => ({ name: c.name, ...measureFile(Buffer.from(c.code)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  // Everything the widget itself may load later (views, dialogs, search index, matching engine),
  // German only and without adapters: what a visitor who uses every part has downloaded.
  const pkg = /packages\/([\w-]+)\/src\//.exec(file)?.[1];
  const complete = new Set(eager);
  const own = (c) => c.moduleIds?.some((id) => id.includes(`/packages/${pkg}/src/`) && !/messages\.(en|hsb)\./.test(id));
  const include = (name) => {
    if (complete.has(name)) return;
    complete.add(name);
    for (const dep of chunks.get(name)?.imports ?? []) include(dep);
  };
  for (const c of chunks.values()) if (pkg && !eager.has(c.fileName) && own(c)) include(c.fileName);
  const completeJs = [...complete].map((n) => measureFile(Buffer.from(chunks.get(n).code))).reduce(add, ZERO);
  const rounds = requestRounds(chunks, [entry.fileName]);
  return {
    js, css, total: add(js, css), files: eager.size + (css.min ? 1 : 0), lazy, complete: add(completeJs, css),
    requests: rounds.size + (css.min ? 1 : 0), depth: Math.max(...rounds.values()),
  };
}

async function measure(entry) {
  if (!existsSync(entry.file)) return { ...entry, missing: `${relative(ROOT, entry.file)} does not exist yet` };
  try {
    return { ...entry, ...(await bundle(entry.file)) };
  } catch (e) {
    const message = String(e?.message ?? e).split('\n')[0];
    return isMissingModule(e) ? { ...entry, missing: message } : { ...entry, error: message };
  }
}

const SOURCE_OPTIONS = 'core/src/controllers/source-options.ts';
const FILTER_FORM = 'event-calendar/src/filter-form.ts';

/**
 * Partner pages through embed.js, one widget each (with its own `src`, or inside a data source).
 * `keys` are what loader.ts preloads for such a page (the tag, `<tag> <view>`, the source type:
 * packages/embed/build.mjs PRELOADS); `lazy` the modules the widget imports with `import()` for
 * its first render, without user action (its default views; the source's options and adapter).
 */
export const PAGES = [
  { name: 'event calendar, list, .json src', keys: ['si-event-calendar', 'json'], lazy: [FILTER_FORM], source: 'json' },
  { name: 'event calendar, month, .json src', keys: ['si-event-calendar', 'si-event-calendar month', 'json'], lazy: [FILTER_FORM, 'event-calendar/src/month-view.ts'], source: 'json' },
  { name: 'event calendar, list, .ics src', keys: ['si-event-calendar', 'ical'], lazy: [FILTER_FORM], source: 'ical' },
  { name: 'event calendar in a data source (memory)', keys: ['si-data-source', 'si-event-calendar', 'memory'], lazy: [FILTER_FORM], source: 'memory' },
  { name: 'initiative cards, .json src', keys: ['si-initiative-cards', 'json'], lazy: ['initiative-cards/src/cards-view.ts'], source: 'json' },
  { name: 'match finder, .json src', keys: ['si-match-finder', 'json'], lazy: ['match-finder/src/journey/index.ts'], source: 'json' },
];

/**
 * What each page of PAGES fetches through embed.js (the real embed build, in memory): round 1 is
 * embed.js, round 2 what the loader requests at once (the widget's `import()` and its preloads),
 * then whatever is found only later. The adapter's own chunks are counted apart (the issue's
 * budget excludes them), but they count for the depth.
 */
export async function measurePages() {
  const { output, manifest } = await buildLoader({ write: false });
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const gzipOf = (files) => [...files].reduce((sum, f) => sum + gzip(Buffer.from(chunks.get(f).code)), 0);
  const fileOf = (path) => [...chunks.values()].find((c) => c.moduleIds.includes(join(ROOT, 'packages', path)))?.fileName;
  // Placeholder names in the manifest (`shared-!~{001}~.js`) → output names (`shared-D3xq8k1a.js`).
  const placeholders = new Map([...chunks.values()].map((c) => [c.preliminaryFileName, c.fileName]));
  const pages = PAGES.map((page) => {
    const defines = page.keys.filter((k) => k.startsWith('si-') && !k.includes(' ')).flatMap((k) => PRELOADS[k]).map(fileOf);
    const preloaded = page.keys.flatMap((key) => (manifest[key] ?? []).map((f) => placeholders.get(f) ?? f));
    const lazy = new Set([...page.lazy, SOURCE_OPTIONS, ...PRELOADS[page.source]].map(fileOf));
    const seed = new Map([['embed.js', 1], ...[...defines, ...preloaded].map((f) => [f, 2])]);
    const rounds = requestRounds(chunks, seed, (f) => lazy.has(f));
    const widget = requestRounds(chunks, ['embed.js', ...defines, ...[...page.lazy, SOURCE_OPTIONS].map(fileOf)]);
    const own = [...rounds.keys()].filter((f) => widget.has(f));
    const adapter = [...rounds.keys()].filter((f) => !widget.has(f));
    return {
      ...page, files: own, adapterFiles: adapter, requests: own.length, depth: Math.max(...rounds.values()),
      gzip: gzipOf(own), adapterGzip: gzipOf(adapter),
    };
  });
  return { pages, loader: measureFile(Buffer.from(chunks.get('embed.js').code)) };
}

export async function measureSizes() {
  const ours = [];
  for (const entry of ourEntries()) ours.push(await measure(entry));
  let pages;
  try {
    let loader;
    ({ pages, loader } = await measurePages());
    // embed.js as published: with the chunk lists that the embed build writes into it.
    const entry = ours.find((e) => e.kind === 'loader' && e.total);
    if (entry) Object.assign(entry, { js: loader, total: add(loader, entry.css) });
  } catch (e) {
    pages = [{ name: 'embed.js pages', error: String(e?.message ?? e).split('\n')[0] }];
  }
  const peers = [];
  for (const peer of PEERS) {
    const version = installedVersion(peer.pkg);
    peers.push(version ? { ...(await measure(peer)), version } : { ...peer, version: '–', notInstalled: true, missing: NOT_INSTALLED });
  }
  return { ours, peers, pages };
}

const NOT_INSTALLED = 'not installed (npm install --prefix bench)';

/** The version of one of bench's own dependencies in bench/node_modules, or undefined. */
export function installedVersion(name) {
  const file = join(BENCH, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

/** bench/package.json dependencies that bench/node_modules lacks (`npm run bench` installs them). */
export function missingBenchDependencies() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(BENCH, 'package.json'), 'utf8'));
  return Object.keys(dependencies).filter((name) => !installedVersion(name));
}

export const kb = (bytes) => (bytes / KB).toFixed(1);
const kbCell = (m) => `${kb(m.gzip)}`;

export function readBudgets() {
  return existsSync(BUDGETS_FILE) ? JSON.parse(readFileSync(BUDGETS_FILE, 'utf8')) : { budgets: {} };
}

/** The request rule (bench/budgets.json `requests`): limits for widget entries and embed.js pages. */
export const requestRule = (file = readBudgets()) => file.requests ?? { maxRequests: Infinity, maxDepth: Infinity };

/** What breaks the request rule: widget entries (npm path) and embed.js pages, with the reason. */
export function overRequests({ ours, pages = [] }, rule = requestRule()) {
  const rows = [...ours.filter((e) => e.kind === 'widget' && e.requests), ...pages.filter((p) => p.requests)];
  return rows.flatMap((r) => [
    ...(r.requests > rule.maxRequests ? [`${r.name}: ${r.requests} requests, at most ${rule.maxRequests}`] : []),
    ...(r.depth > rule.maxDepth ? [`${r.name}: depth ${r.depth}, at most ${rule.maxDepth}`] : []),
  ]);
}

/** embed.js pages over their byte budget (bench/budgets.json `pages`: min+gzip without the adapter). */
export function overPageBudgets({ pages = [] }, file = readBudgets()) {
  const budgets = file.pages?.budgets ?? {};
  return pages.filter((p) => p.gzip !== undefined && budgets[p.name] !== undefined && p.gzip > budgets[p.name])
    .map((p) => `${p.name}: ${kb(p.gzip)} KB min+gzip before its first render, over its budget of ${kb(budgets[p.name])} KB`);
}

/** The requests tables: each entry bundled on its own (npm path), each embed.js page. */
export function requestsMarkdown({ ours, pages = [] }, rule = requestRule()) {
  const lines = [
    `Requests before the first render and the depth of their chain (rounds of "parse, find imports, fetch"; budget: at most ${rule.maxRequests} requests, depth ${rule.maxDepth}, for widgets and pages):`,
    '',
    '| entry (bundled on its own) | requests | depth | min+gzip |',
    '|---|--:|--:|--:|',
  ];
  for (const e of ours) if (e.requests) lines.push(`| ${e.name} | ${e.requests} | ${e.depth} | ${kb(e.total.gzip)} |`);
  lines.push('', '| page through embed.js | requests | depth | min+gzip | + adapter (files, min+gzip) |', '|---|--:|--:|--:|--:|');
  for (const p of pages) {
    if (p.error) lines.push(`| ${p.name} | | | | build error: ${p.error} |`);
    else lines.push(`| ${p.name} | ${p.requests} | ${p.depth} | ${kb(p.gzip)} | ${p.adapterFiles.length}, ${kb(p.adapterGzip)} |`);
  }
  return lines.join('\n');
}

/** Entries over budget (min+gzip of the eager part, bytes). */
export function overBudget(ours, budgets = readBudgets().budgets) {
  return ours.filter((e) => e.total && budgets[e.name] !== undefined && e.total.gzip > budgets[e.name]);
}

const status = (e, budgets) => {
  if (e.missing) return 'not available yet';
  if (e.error) return `build error: ${e.error}`;
  const budget = budgets[e.name];
  const target = TARGETS[e.kind];
  const parts = [];
  if (budget !== undefined) parts.push(e.total.gzip > budget ? `✗ over budget ${kb(budget)}` : `✓ budget ${kb(budget)}`);
  else parts.push('no budget yet');
  if (target) parts.push(e.total.gzip <= target ? `✓ target ${kb(target)}` : `✗ target ${kb(target)}`);
  return parts.join(', ');
};

/** The Markdown size tables (KB = 1024 bytes). */
export function sizesMarkdown({ ours, peers }, budgets = readBudgets().budgets) {
  const lines = [];
  lines.push('| entry | files | min | min+gzip | min+brotli | budget / target |', '|---|--:|--:|--:|--:|---|');
  for (const e of ours) {
    if (!e.total) {
      lines.push(`| ${e.name} | | | | | ${status(e, budgets)} |`);
      continue;
    }
    lines.push(`| ${e.name} | ${e.files} | ${kb(e.total.min)} | **${kbCell(e.total)}** | ${kb(e.total.brotli)} | ${status(e, budgets)} |`);
  }
  const deferred = ours.filter((e) => e.kind === 'widget' && e.complete && e.complete.gzip > e.total.gzip);
  if (deferred.length) {
    lines.push('', 'Each widget with all its views, dialogs and logic loaded (German, no adapter), the cost for a visitor who uses every part (min+gzip):', '');
    for (const e of deferred) lines.push(`- ${e.name}: ${kb(e.total.gzip)} at first, ${kb(e.complete.gzip)} in all`);
  }
  const lazy = ours.filter((e) => e.lazy?.length);
  if (lazy.length) {
    lines.push('', 'Loaded later, only when used (`import()`; min+gzip):', '');
    for (const e of lazy) {
      lines.push(`- ${e.name}: ${e.lazy.map((c) => `${c.name} ${kb(c.gzip)}`).join(', ')}`);
    }
  }
  lines.push('', '| peer | version | JS min+gzip | CSS min+gzip | total min+gzip | total min+brotli |', '|---|---|--:|--:|--:|--:|');
  for (const p of peers) {
    if (!p.total) {
      lines.push(`| ${p.name} | ${p.version} | | | | ${p.missing ?? p.error} |`);
      continue;
    }
    lines.push(`| ${p.name} | ${p.version} | ${kb(p.js.gzip)} | ${kb(p.css.gzip)} | **${kb(p.total.gzip)}** | ${kb(p.total.brotli)} |`);
  }
  const widgets = ours.filter((e) => e.kind === 'widget' && e.total);
  if (widgets.length && peers.some((p) => p.total)) {
    lines.push('', '| widget (with Lit and core) | min+gzip | ' + peers.filter((p) => p.total).map((p) => `${p.short} ÷ ours`).join(' | ') + ' |');
    lines.push('|---|--:|' + peers.filter((p) => p.total).map(() => '--:').join('|') + '|');
    for (const w of widgets) {
      const ratios = peers.filter((p) => p.total).map((p) => `${(p.total.gzip / w.total.gzip).toFixed(1)}×`);
      lines.push(`| ${w.name} | ${kb(w.total.gzip)} | ${ratios.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const started = Date.now();
  const args = new Set(process.argv.slice(2));
  const sizes = await measureSizes();
  const file = readBudgets();
  if (args.has('--init-budgets')) {
    // A new entry gets its measured size plus 8 % (at least 512 B), rounded up to 0.1 KB, never
    // above its target. Existing budgets are left alone: raising one is a reviewed, hand-made
    // change with a line in bench/README.md.
    for (const e of sizes.ours) {
      if (!e.total || file.budgets[e.name] !== undefined) continue;
      let budget = Math.ceil((e.total.gzip + Math.max(512, e.total.gzip * 0.08)) / 102.4) * 102.4;
      const target = TARGETS[e.kind];
      if (target && e.total.gzip <= target) budget = Math.min(budget, target);
      file.budgets[e.name] = Math.round(budget);
      console.log(`budget for ${e.name}: ${kb(file.budgets[e.name])} KB`);
    }
    writeFileSync(BUDGETS_FILE, `${JSON.stringify(file, null, 2)}\n`);
  }
  const table = `${sizesMarkdown(sizes, file.budgets)}\n\n${requestsMarkdown(sizes, requestRule(file))}`;
  const peersMissing = sizes.peers.some((p) => p.notInstalled);
  if (!peersMissing) {
    writeFileSync(
      join(BENCH, 'sizes.md'),
      `# Bundle sizes\n\nGenerated by \`node bench/sizes.mjs\`; KB = 1024 bytes; gzip level 9, brotli quality 11. ` +
        `"files" counts the eagerly loaded JS chunks and CSS files of an entry.\n\n${table}\n`,
    );
  }
  console.log(table);
  if (peersMissing) {
    console.warn(
      `\n! peers not measured: bench's own dependencies are not installed (npm install --prefix bench, ` +
        `or npm run bench). Our entries and budgets are measured and checked; bench/sizes.md is left as it is.`,
    );
  }
  const errors = sizes.ours.filter((e) => e.error);
  const over = overBudget(sizes.ours, file.budgets);
  console.log(`\nsizes measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (args.has('--check')) {
    for (const e of over) {
      console.error(
        `✖ ${e.name} is ${kb(e.total.gzip)} KB min+gzip, over its budget of ${kb(file.budgets[e.name])} KB ` +
          `(bench/budgets.json). Make it smaller, or raise the budget with a reason in bench/README.md.`,
      );
    }
    for (const e of errors) console.error(`✖ ${e.name} does not build: ${e.error}`);
    const slow = overRequests(sizes, requestRule(file));
    for (const line of slow) {
      console.error(`✖ ${line} (bench/budgets.json "requests"). Fewer, flatter chunks: see packages/embed/build.mjs.`);
    }
    const pageErrors = sizes.pages.filter((p) => p.error);
    for (const p of pageErrors) console.error(`✖ ${p.name} do not build: ${p.error}`);
    const heavy = overPageBudgets(sizes, file);
    for (const line of heavy) console.error(`✖ ${line} (bench/budgets.json "pages"). Keep what the page does not show out of its chunks: see packages/embed/build.mjs.`);
    const unbudgetedPages = sizes.pages.filter((p) => p.gzip !== undefined && file.pages?.budgets?.[p.name] === undefined);
    for (const p of unbudgetedPages) console.warn(`! embed.js page "${p.name}" has no byte budget in bench/budgets.json "pages"`);
    const unbudgeted = sizes.ours.filter((e) => e.total && file.budgets[e.name] === undefined);
    for (const e of unbudgeted) console.warn(`! ${e.name} has no budget yet: run node bench/sizes.mjs --init-budgets`);
    if (over.length || errors.length || slow.length || pageErrors.length || heavy.length) process.exit(1);
  }
}
