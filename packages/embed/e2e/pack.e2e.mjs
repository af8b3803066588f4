// Publish readiness: npm pack every package, install the tarballs into a blank project, import
// every export in Node (DOM-free ones run; element modules must fail only for want of a DOM) and
// type-check a consumer file against the shipped .d.ts. Needs `npm run build` first.
// Run: npm run test:pack -w @sozial-innovativ/embed  (slow: npm install; not part of `npm test`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../../..');
const dirs = readdirSync(join(repo, 'packages')).map((d) => join(repo, 'packages', d)).filter((d) => existsSync(join(d, 'package.json')));
// Published packages only: a private one (packages/wordpress, the plugin zip) is never packed.
const pkgs = dirs.map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) })).filter(({ json }) => !json.private);
const work = mkdtempSync(join(tmpdir(), 'si-pack-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });

test('every package has complete metadata', () => {
  for (const { json } of pkgs) {
    for (const key of ['name', 'version', 'description', 'license', 'repository', 'keywords', 'exports', 'sideEffects', 'files']) {
      assert.ok(json[key] !== undefined, `${json.name}: ${key} missing`);
    }
    for (const [sub, target] of Object.entries(json.exports)) {
      if (typeof target === 'object' && target.default?.endsWith('.js') && !/\.(iife)\.js$/.test(target.default)) {
        assert.ok(target.types || sub.endsWith('.js'), `${json.name} ${sub}: no types`);
      }
    }
  }
});

test('npm pack, install into a blank project, import every export, type-check a consumer', { timeout: 600_000 }, () => {
  const missing = pkgs.filter(({ dir }) => !existsSync(join(dir, 'dist')));
  assert.deepEqual(missing.map((p) => p.json.name), [], 'run `npm run build` first');
  const tarballs = pkgs.map(({ dir }) => {
    const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], dir));
    return join(work, info.filename);
  });
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], app);

  const specifiers = pkgs.flatMap(({ json }) =>
    Object.keys(json.exports).filter((k) => !k.endsWith('.json')).map((k) => ({ spec: k === '.' ? json.name : `${json.name}${k.slice(1)}`, typed: typeof json.exports[k] === 'object' && !!json.exports[k].types })));
  const probe = `
    const results = {};
    for (const spec of ${JSON.stringify(specifiers.map((s) => s.spec))}) {
      try { await import(spec); results[spec] = 'ok'; }
      catch (e) { results[spec] = (e instanceof ReferenceError && /\\b(HTMLElement|customElements|window|document|CSS|MutationObserver|Element|Node)\\b/.test(e.message)) ? 'needs DOM' : 'FAIL ' + e.message; }
    }
    console.log(JSON.stringify(results));`;
  writeFileSync(join(app, 'probe.mjs'), probe);
  const results = JSON.parse(execFileSync('node', ['probe.mjs'], { cwd: app, encoding: 'utf8' }));
  const failed = Object.entries(results).filter(([, r]) => r.startsWith('FAIL'));
  assert.deepEqual(failed, []);
  assert.equal(results['@sozial-innovativ/core'], 'ok');
  assert.equal(results['@sozial-innovativ/embed'], 'ok');

  const typed = specifiers.filter((s) => s.typed);
  writeFileSync(join(app, 'consumer.ts'), [
    ...typed.map((s, i) => `import * as m${i} from '${s.spec}';`),
    `import type { DataAdapter } from '@sozial-innovativ/core';`,
    `import { WIDGET_TAGS, widgetTag } from '@sozial-innovativ/embed';`,
    `const adapter: DataAdapter = { kind: 'consumer' };`,
    `const tag: string | undefined = widgetTag('event-calendar');`,
    `export const used = [adapter, tag, WIDGET_TAGS.length, ${typed.map((_, i) => `m${i}`).join(', ')}];`,
  ].join('\n'));
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
    files: ['consumer.ts'],
  }));
  try {
    execFileSync(join(repo, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  } catch (e) {
    // Only our shipped .d.ts and the consumer count; third-party typings (ical.js 2 has
    // extension-less relative imports under NodeNext) are reported, not failed.
    const lines = e.stdout.split('\n').filter((l) => /error TS/.test(l));
    const ours = lines.filter((l) => !l.startsWith('node_modules/') || l.startsWith('node_modules/@sozial-innovativ/'));
    if (lines.length > ours.length) console.log(`third-party typing errors (not ours):\n${lines.filter((l) => !ours.includes(l)).join('\n')}`);
    assert.deepEqual(ours, [], `consumer type-check failed:\n${e.stdout}`);
  }
});
