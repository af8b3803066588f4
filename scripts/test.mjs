// `npm test`: the one gate. Type-check, lint, Node unit tests, size budgets, package builds and a
// publish check, Storybook build, end-to-end and browser tests in Chromium and Firefox. Stops at the first failing step.
// `node scripts/test.mjs unit browser` runs only the named steps.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` whose name ends with `suffix` (Node 20 has no fs.glob). */
const find = (dir, suffix) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(suffix))
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .filter((f) => !f.includes('node_modules'));

const only = process.argv.slice(2);
const run = (label, cmd, args, env = {}) => {
  if (only.length && !only.some((o) => label.startsWith(o))) return;
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

const bin = (name) => `node_modules/.bin/${name}`;
run('browsers', 'node', ['scripts/ensure-browsers.mjs']);
run('type-check', bin('tsc'), ['-p', 'tsconfig.json']);
run('lint', bin('eslint'), ['--max-warnings=0', '.']);
run('accessibility reports match their tests (docs/accessibility)', 'node', ['docs/accessibility/generate.mjs', '--check']);
const unitFiles = find('packages', '.node.test.ts');
run('unit tests (Node)', 'node', ['--conditions=si-source', '--import', 'tsx', '--test', ...unitFiles]);
if (existsSync('bench/sizes.mjs')) run('size budgets', 'node', ['bench/sizes.mjs', '--check']);
run('package builds (ESM, .d.ts, custom-elements.json)', 'npm', ['run', '--silent', 'build']);
run('publish check (npm pack, install, import, type-check)', 'node', ['--test', 'packages/embed/e2e/pack.e2e.mjs']);
run('storybook build', bin('storybook'), ['build', '--disable-telemetry', '--quiet', '-o', 'storybook-static']);
run('end-to-end tests (Chromium, Firefox)', 'node', ['--test', '--test-concurrency=1', 'packages/embed/e2e/embed.e2e.mjs']);
// The WordPress plugin in a real WordPress: needs Debian's wordpress, MariaDB and PHP. As root
// (CI) they are installed when missing; otherwise the step is skipped with the line to run.
const WORDPRESS_E2E = 'wordpress plugin end-to-end (real WordPress 6.1, Chromium, Firefox)';
if (!only.length || only.some((o) => WORDPRESS_E2E.startsWith(o))) {
  const wpPackages = ['wordpress', 'mariadb-server', 'php-cli', 'php-mysql'];
  const wpMissing = () => !['/usr/share/wordpress/wp-settings.php', '/usr/bin/php', '/usr/sbin/mariadbd'].every((f) => existsSync(f));
  if (wpMissing() && process.getuid?.() === 0) {
    const apt = { DEBIAN_FRONTEND: 'noninteractive' };
    run(`${WORDPRESS_E2E}: apt-get update`, 'apt-get', ['update', '-qq'], apt);
    run(`${WORDPRESS_E2E}: apt-get install`, 'apt-get', ['install', '-y', '-qq', ...wpPackages], apt);
  }
  if (wpMissing()) console.log(`\n⚠ skipped: ${WORDPRESS_E2E}. To run it: sudo apt-get install -y ${wpPackages.join(' ')}`);
  else run(WORDPRESS_E2E, 'node', ['--test', '--test-concurrency=1', 'packages/wordpress/e2e/wordpress.e2e.mjs']);
}
run('browser tests (Chromium, Firefox)', bin('web-test-runner'), []);
