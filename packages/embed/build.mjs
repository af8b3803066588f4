// Builds the script-tag bundles into dist/:
//   embed.js         ESM lazy loader; every widget, Lit and core are content-hashed chunks in chunks/
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

/** `chunks/event-calendar-define-<hash>.js`: readable names for bench/, content hashes for caching. */
const chunkName = (info) => {
  const m = /packages\/([\w-]+)\/src\/(.+)\.ts$/.exec(info.facadeModuleId ?? '');
  return m ? `chunks/${m[1]}-${m[2].replaceAll('/', '-')}-[hash].js` : 'chunks/[name]-[hash].js';
};

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(dist, file))).digest('base64')}`;

export async function buildEmbed({ allowMissing = false } = {}) {
  const missing = new Set();
  rmSync(dist, { recursive: true, force: true });
  const plugins = [missingWidgets(allowMissing, missing)];

  const esm = await build({
    ...common(plugins),
    build: {
      outDir: dist, emptyOutDir: false, target: 'es2022', minify: true, sourcemap: true, reportCompressedSize: false,
      lib: { entry: { embed: resolve(dir, 'src/loader.ts') }, formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: chunkName, minify: true } },
    },
  });
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
  const output = (Array.isArray(esm) ? esm[0] : esm).output;
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
