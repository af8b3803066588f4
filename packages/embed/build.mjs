// Builds the script-tag bundles into dist/:
//   embed.js         ESM lazy loader; each widget is a content-hashed chunk in chunks/, Lit and core one
//                    shared chunk (see `chunkGroups`); the loader carries the chunk list of each widget,
//                    view and adapter, and requests a page's chunks at once (`<link rel=modulepreload>`)
//   embed.iife.js    classic script with everything, no dynamic imports (for SRI and old setups)
//   sri.json         sha384 integrity of both entries, computed here
//   sizes.json       raw, min+gzip and brotli bytes of every published file, with the tag each chunk defines
//   index.js         the side-effect-free facts for npm users (tags, theme tokens)
// Usage: node build.mjs            (every widget package must exist)
//        buildEmbed({ allowMissing: true }) from tests while widget packages are still being written
import { minifyLiterals } from '../../scripts/minify-literals-plugin.mjs';
import { build } from 'vite';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = import.meta.dirname;
const dist = join(dir, 'dist');
const packages = resolve(dir, '..');
const conditions = ['si-source', 'module', 'browser', 'production'];

/** Define modules of widget packages that do not exist yet become empty modules (tests only). */
export const missingWidgets = (allowMissing, missing) => ({
  name: 'si-missing-widgets',
  enforce: 'pre',
  resolveId(id) {
    const m = /^@sozial-innovativ\/([\w-]+)\/define$/.exec(id);
    if (!m || existsSync(join(packages, m[1], 'src/define.ts'))) return null;
    if (!allowMissing) throw new Error(`${id}: packages/${m[1]}/src/define.ts does not exist`);
    missing.add(m[1]);
    return `\0missing:${m[1]}`;
  },
  load(id) {
    return id.startsWith('\0missing:') ? 'export {};' : null;
  },
});

const common = (plugins) => ({
  configFile: false,
  root: dir,
  logLevel: 'warn',
  plugins: [...plugins, minifyLiterals()],
  resolve: { conditions },
  define: { 'process.env.NODE_ENV': '"production"' },
});

/** `event-calendar/src/define.ts` → `event-calendar-define`. */
const nameOf = (id) => {
  const m = /packages\/([\w-]+)\/src\/(.+)\.ts$/.exec(id ?? '');
  return m && `${m[1]}-${m[2].replaceAll('/', '-')}`;
};

/** `chunks/event-calendar-define-<hash>.js`: readable names for bench/, content hashes for caching. */
const chunkName = (info) => `chunks/${nameOf(info.facadeModuleId) ?? info.name}-[hash].js`;

const mod = (path) => join(packages, path);

/**
 * What each widget needs for its first render, without user action: one chunk per widget with
 * these modules (besides the shared chunk). Views a page may not show (the month grid, a dialog,
 * the cards view beside a single card) stay chunks of their own.
 */
const FIRST_RENDER = {
  'si-data-source': ['core/src/define/data-source.ts', 'adapters/src/register.ts'],
  'si-event-calendar': ['event-calendar/src/define.ts', 'event-calendar/src/filter-form.ts'],
  'si-initiative-card': ['initiative-cards/src/define.ts'],
  'si-match-finder': ['match-finder/src/define.ts', 'match-finder/src/journey/index.ts'],
};

const SOURCE = 'core/src/controllers/source-options.ts';
/**
 * What the loader requests at once, per key (loader.ts): a tag, `<tag> <view>` for a view the
 * `view` attribute names, or a source type (`source-type`, `type`, guessed from `src`). Each key
 * gets the chunks of these modules and every chunk they import statically.
 */
export const PRELOADS = {
  'si-data-source': ['adapters/src/register.ts', 'core/src/define/data-source.ts'],
  'si-event-calendar': ['event-calendar/src/define.ts'],
  'si-event-calendar month': ['event-calendar/src/month-view.ts'],
  'si-initiative-card': ['initiative-cards/src/define.ts'],
  'si-initiative-cards': ['initiative-cards/src/define.ts', 'initiative-cards/src/cards-view.ts'],
  'si-match-finder': ['match-finder/src/define.ts'],
  memory: [SOURCE, 'adapters/src/memory/index.ts'],
  json: [SOURCE, 'adapters/src/json/from-options.ts'],
  ical: [SOURCE, 'adapters/src/ical/from-options.ts'],
  rest: [SOURCE, 'adapters/src/rest/from-options.ts'],
  wordpress: [SOURCE, 'adapters/src/rest/from-options.ts'],
  tribe: [SOURCE, 'adapters/src/rest/from-options.ts'],
  kvm: [SOURCE, 'adapters/src/kvm/from-options.ts'],
};

/** The adapters' groups (see `chunkGroups`): the event model, every adapter uses it; */
const ADAPTER_MODEL = /packages\/core\/src\/(model\/(fast|parse-time|common|event)|time\/(zone|range))\.ts$|node_modules\/valibot\//;
/** reading a feed: every adapter but the memory one. */
const ADAPTER_FEED = /packages\/core\/src\/(time\/iso|fetch)\.ts$|packages\/adapters\/src\/util\/options\.ts$/;
/** and the item adapters' store: memory, JSON, REST, Karte von morgen. (The mapping helpers of the
 * last three stay rolldown's own chunk: with the store they would load for inline data, with the
 * feed for iCal.) */
const ADAPTER_ITEMS = /packages\/core\/src\/model\/(initiative|match)\.ts$|packages\/adapters\/src\/memory\/index\.ts$/;

/** An adapter's own modules: what `adapters/register` imports when a page uses that source type. */
const isAdapterRoot = (id) => /packages\/adapters\/src\/(memory\/index|[\w-]+\/from-options)\.ts$/.test(id ?? '');

/**
 * Code-splitting groups from a first build's chunk graph (rolldown's own chunks: one per set of
 * importers, so a widget's first render is spread over six to eight small chunks, each found only
 * after the one importing it was parsed). Regrouped: one `shared` chunk with every module that a
 * widget's first render needs and some other widget or an adapter needs too (Lit, core), and one
 * chunk per widget with the rest of its first render plus what only its own later chunks share
 * (a dialog both its views use). Adapters, views and messages keep rolldown's chunks.
 */
export function chunkGroups(output) {
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const chunkOf = (id) => [...chunks.values()].find((c) => c.moduleIds.includes(id));
  const reach = (files, dynamic) => {
    const seen = new Set();
    const visit = (file) => {
      const chunk = chunks.get(file);
      if (!chunk || seen.has(file)) return;
      seen.add(file);
      chunk.imports.forEach(visit);
      // A widget's lazy chunks are its own; the adapters that `register` imports belong to every widget.
      if (dynamic) for (const d of chunk.dynamicImports) if (!isAdapterRoot(chunks.get(d)?.facadeModuleId)) visit(d);
    };
    files.forEach(visit);
    return seen;
  };
  const modulesOf = (files) => new Set([...files].flatMap((f) => chunks.get(f).moduleIds));
  const owners = new Map();
  const own = (owner, ids) => ids.forEach((id) => owners.set(id, (owners.get(id) ?? new Set()).add(owner)));
  const widgets = Object.entries(FIRST_RENDER).map(([tag, roots]) => {
    const files = roots.map((r) => chunkOf(mod(r))?.fileName).filter(Boolean);
    const all = reach(files, true);
    own(tag, modulesOf(all));
    return { tag, first: modulesOf(reach(files, false)), all };
  });
  own('adapters', modulesOf(reach([...chunks.values()].filter((c) => isAdapterRoot(c.facadeModuleId)).map((c) => c.fileName), false)));
  // rolldown's runtime helpers too: every chunk with a lazy `import()` of a namespace needs them.
  const shared = new Set(widgets.flatMap((w) => [...w.first].filter((id) => owners.get(id).size > 1 || id.includes('rolldown/runtime'))));
  const groups = widgets.map(({ tag, first, all }) => {
    const mine = (id) => owners.get(id)?.size === 1 && owners.get(id).has(tag);
    // Also what two or more of its chunks import when one of them imports it statically (a dialog
    // both its views show): in the widget's chunk, so no view waits for one more round trip. What is
    // only imported on demand (the event details behind a click) stays a chunk of its own, out of the
    // first render's bytes.
    const importers = new Map();
    const count = (dep, kind) => importers.set(dep, { static: 0, any: 0, ...importers.get(dep) }).get(dep)[kind]++;
    for (const file of all) {
      for (const dep of chunks.get(file).imports) {
        count(dep, 'static');
        count(dep, 'any');
      }
      for (const dep of chunks.get(file).dynamicImports) count(dep, 'any');
    }
    const sharedLater = [...importers]
      .filter(([file, n]) => n.static > 0 && n.any > 1 && chunks.get(file).moduleIds.every(mine))
      .flatMap(([file]) => chunks.get(file).moduleIds);
    const ids = new Set([...[...first].filter(mine), ...sharedLater]);
    return { name: nameOf(mod(FIRST_RENDER[tag][0])), test: (id) => ids.has(id) };
  });
  // The adapters' shared modules in three chunks instead of six: the event model and its
  // validation (every adapter), reading a feed (options, fetch: every feed adapter) and the item
  // adapters' store (memory, initiatives and offers). A JSON page then fetches its adapter in 5
  // files, not 7; the iCal page in 3, not 4; inline data in 2, not 4.
  const adapterGroup = (name, pattern) => ({ name, test: (id) => !shared.has(id) && pattern.test(id) });
  return [
    { name: 'shared', priority: 1, test: (id) => shared.has(id) },
    ...groups,
    adapterGroup('adapters-model', ADAPTER_MODEL),
    adapterGroup('adapters-feed', ADAPTER_FEED),
    adapterGroup('adapters-items', ADAPTER_ITEMS),
  ];
}

/**
 * Writes the chunk list of each PRELOADS key into embed.js (loader.ts `CHUNKS`). Chunk names
 * still hold hash placeholders here; rolldown puts the final names in. `manifest` receives the
 * lists with the placeholders' chunk names, for bench/sizes.mjs.
 */
export function chunkManifest(manifest = {}) {
  return {
    name: 'si-chunk-manifest',
    renderChunk(code, chunk, _options, { chunks }) {
      if (!chunk.isEntry) return null;
      const all = Object.values(chunks);
      const lists = {};
      for (const [key, roots] of Object.entries(PRELOADS)) {
        const files = new Set();
        const visit = (file) => {
          if (files.has(file) || isRuntime(chunks[file])) return; // inlined, see inlineRuntime
          files.add(file);
          chunks[file].imports.forEach(visit);
        };
        for (const root of roots) {
          const owner = all.find((c) => c.moduleIds.includes(mod(root)));
          if (owner) visit(owner.fileName);
        }
        if (files.size) lists[key] = [...files];
      }
      Object.assign(manifest, lists);
      const marker = /\{\s*__siChunks:\s*\[\]\s*\}/;
      if (!marker.test(code)) throw new Error('embed build: the CHUNKS marker of loader.ts was not found');
      return { code: code.replace(marker, JSON.stringify(lists)), map: null };
    },
  };
}

const RUNTIME = '\0rolldown/runtime.js';
const isRuntime = (chunk) => chunk.moduleIds.length === 1 && chunk.moduleIds[0] === RUNTIME;

/**
 * rolldown keeps its namespace helper (`\0rolldown/runtime.js`, 150 B, for an `import()` of a
 * module inside a larger chunk) in a chunk of its own once two chunks use it, and no code-splitting
 * group can take it: one more request on every page. Each chunk that uses it gets its own copy
 * instead, on a new first line; the import is blanked to spaces, so the source map only moves down
 * one line.
 */
export function inlineRuntime() {
  const bindings = (list, flip) => list.split(',').map((s) => {
    const [a, b = a] = s.trim().split(/\s+as\s+/);
    return flip ? `${b}:${a}` : `${a}:${b}`;
  });
  return {
    name: 'si-inline-runtime',
    generateBundle(_options, bundle) {
      const runtime = Object.values(bundle).find((c) => c.type === 'chunk' && isRuntime(c));
      if (!runtime) return;
      const exports = /export\s*\{([^}]*)\};?\s*(?:\/\/# sourceMappingURL=\S*\s*)?$/.exec(runtime.code);
      if (!exports) throw new Error('embed build: the rolldown runtime chunk has an unexpected shape');
      const body = runtime.code.slice(0, exports.index);
      const returned = bindings(exports[1], true).join(',');
      const base = runtime.fileName.split('/').pop().replaceAll('.', '\\.');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk === runtime || !chunk.imports.includes(runtime.fileName)) continue;
        const m = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*["'][./\\w-]*/${base}["'];?`).exec(chunk.code);
        if (!m) throw new Error(`embed build: ${chunk.fileName} imports the rolldown runtime in an unexpected way`);
        const helper = `const{${bindings(m[1]).join(',')}}=(()=>{${body};return{${returned}}})();`;
        chunk.code = `${helper}\n${chunk.code.slice(0, m.index)}${' '.repeat(m[0].length)}${chunk.code.slice(m.index + m[0].length)}`;
        chunk.imports = chunk.imports.filter((f) => f !== runtime.fileName);
        const map = bundle[`${chunk.fileName}.map`];
        if (map?.type === 'asset') {
          const json = JSON.parse(String(map.source));
          json.mappings = `;${json.mappings}`;
          map.source = JSON.stringify(json);
        }
      }
      delete bundle[runtime.fileName];
      delete bundle[`${runtime.fileName}.map`];
    },
  };
}

/** The ES module build: embed.js and its chunks. `write: false` keeps it in memory (bench/sizes.mjs). */
export async function buildLoader({ plugins = [], write = true } = {}) {
  const config = (extra, groups) => ({
    ...common([...plugins, ...extra]),
    logLevel: write ? 'warn' : 'silent',
    build: {
      outDir: dist, emptyOutDir: false, target: 'es2022', minify: true, sourcemap: write, reportCompressedSize: false, write,
      lib: { entry: { embed: resolve(dir, 'src/loader.ts') }, formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: chunkName, minify: true, ...(groups && { codeSplitting: { groups } }) } },
    },
  });
  const outputOf = (out) => (Array.isArray(out) ? out[0] : out).output;
  const first = outputOf(await build({ ...config([]), logLevel: 'silent', build: { ...config([]).build, write: false, sourcemap: false } }));
  const manifest = {};
  const output = outputOf(await build(config([chunkManifest(manifest), inlineRuntime()], chunkGroups(first))));
  return { output, manifest };
}

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(dist, file))).digest('base64')}`;

export async function buildEmbed({ allowMissing = false } = {}) {
  const missing = new Set();
  rmSync(dist, { recursive: true, force: true });
  const plugins = [missingWidgets(allowMissing, missing)];

  const { output } = await buildLoader({ plugins });
  await build({
    ...common(plugins),
    build: {
      outDir: dist, emptyOutDir: false, target: 'es2022', minify: true, sourcemap: true, reportCompressedSize: false,
      lib: { entry: resolve(dir, 'src/all.ts'), formats: ['iife'], name: 'SozialInnovativWidgets', fileName: () => 'embed.iife.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  await build({
    ...common([]),
    build: {
      outDir: dist, emptyOutDir: false, target: 'es2022', minify: false, sourcemap: true, reportCompressedSize: false,
      lib: { entry: { index: resolve(dir, 'src/index.ts') }, formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
    },
  });

  // Which chunk defines which tag, from the build graph.
  const tagsOf = {
    'core-define-data-source': ['si-data-source'],
    'event-calendar-define': ['si-event-calendar'],
    'initiative-cards-define': ['si-initiative-card', 'si-initiative-cards'],
    'match-finder-define': ['si-match-finder'],
  };
  const defines = {};
  for (const chunk of output) {
    const m = /^chunks\/(.+)-[\w-]{8}\.js$/.exec(chunk.fileName);
    if (chunk.type === 'chunk' && m && tagsOf[m[1]]) defines[chunk.fileName] = tagsOf[m[1]];
  }

  const files = ['embed.js', 'embed.iife.js', ...readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return {
      file,
      ...(defines[file] ? { defines: defines[file] } : {}),
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  writeFileSync(join(dist, 'sizes.json'), `${JSON.stringify({ version, note: 'bytes: minified; gzip level 9; brotli quality 11', files: sizes }, null, 2)}\n`);
  const integrity = { 'embed.js': sri('embed.js'), 'embed.iife.js': sri('embed.iife.js') };
  writeFileSync(join(dist, 'sri.json'), `${JSON.stringify(integrity, null, 2)}\n`);

  return { sizes, integrity, missing: [...missing], version };
}

if (process.argv[1] === import.meta.filename) {
  const { sizes, missing } = await buildEmbed({ allowMissing: process.argv.includes('--allow-missing') });
  for (const s of sizes) console.log(`${s.file.padEnd(48)} ${String(s.bytes).padStart(8)} B  gzip ${String(s.gzip).padStart(7)} B  brotli ${String(s.brotli).padStart(7)} B${s.defines ? `  ${s.defines.join(' ')}` : ''}`);
  if (missing.length) console.warn(`Not built (package missing): ${missing.join(', ')}`);
}
