// Shared Vite library-build settings: ESM, one file per entry, every dependency external (the
// embed package bundles for script-tag users instead).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLiterals } from './minify-literals-plugin.mjs';

export function libConfig(dir, entries) {
  const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const external = (id) => deps.some((d) => id === d || id.startsWith(`${d}/`));
  return {
    plugins: [minifyLiterals()],
    resolve: { conditions: ['si-source', 'module', 'browser', 'production'] },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: false,
      target: 'es2022',
      lib: { entry: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, resolve(dir, v)])), formats: ['es'] },
      rolldownOptions: { external, output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
}
