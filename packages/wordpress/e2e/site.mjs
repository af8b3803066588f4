// A throwaway WordPress on 127.0.0.1: Debian's wordpress tree copied into a temporary directory,
// MariaDB on a private socket there, PHP's built-in server, the install done by POST (Debian has
// no wp-cli), the plugin installed from the built zip. `close()` stops both servers and removes
// the directory. See /work/shared/TOOLCHAIN.md "A real WordPress on this machine".
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORDPRESS_DIR = '/usr/share/wordpress';
/** What a machine needs; the test gate installs it when it runs as root. */
export const DEBIAN_PACKAGES = ['wordpress', 'mariadb-server', 'php-cli', 'php-mysql'];
export const missingTools = () =>
  [[WORDPRESS_DIR, 'wordpress'], ['/usr/bin/php', 'php-cli'], ['/usr/sbin/mariadbd', 'mariadb-server'], ['/usr/bin/mysql_install_db', 'mariadb-server']]
    .filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);

const freePort = () => new Promise((ok, fail) => {
  const s = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});

async function until(check, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await check()) return;
    } catch { /* not up yet */ }
    if (Date.now() > end) throw new Error(`${what}: not ready after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * @param {{ zip: string, files?: Record<string, string|Buffer>, sources?: (origin: string) => object[], muPlugins?: Record<string, string> }} options
 *   files: written below the document root (the feeds); muPlugins: must-use plugins by file name.
 */
export async function startSite({ zip, files = {}, sources = () => [], muPlugins = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'si-wordpress-'));
  const children = [];
  const close = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        const signal = (name) => { try { if (child.group) process.kill(-child.pid, name); else child.kill(name); } catch { /* gone */ } };
        signal('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
        if (child.exitCode === null && child.signalCode === null) signal('SIGKILL');
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Also when the test process is ended early: never leave a database server behind.
  const onExit = () => {
    for (const c of children) { try { process.kill(c.group ? -c.pid : c.pid, 'SIGKILL'); } catch { /* gone */ } }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  try {
    const db = join(dir, 'db');
    const socket = join(dir, 'mysql.sock');
    const root = join(dir, 'www');
    execFileSync('mysql_install_db', ['--no-defaults', `--datadir=${db}`, '--user=root', '--auth-root-authentication-method=normal'], { stdio: 'ignore' });
    const mariadb = spawn('mariadbd', ['--no-defaults', `--datadir=${db}`, `--socket=${socket}`, '--skip-networking', '--user=root', `--pid-file=${join(dir, 'mysql.pid')}`, `--log-error=${join(dir, 'mysql.err')}`], { stdio: 'ignore' });
    children.push(mariadb);
    cpSync(WORDPRESS_DIR, root, { recursive: true, dereference: true });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    writeFileSync(join(root, 'wp-config.php'), `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define( '${k}', '${k}-e2e-${port}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${origin}' );
define( 'WP_SITEURL', '${origin}' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISALLOW_UNFILTERED_HTML', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, 'debug.log')}' );
if ( ! defined( 'ABSPATH' ) ) define( 'ABSPATH', __DIR__ . '/' );
require_once ABSPATH . 'wp-settings.php';
`);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    await until(() => existsSync(socket), 'MariaDB');
    execFileSync('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4']);
    // Four workers: the block editor sends requests in parallel. Its own process group, so that
    // close() ends the workers with the server.
    const php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root], { stdio: 'ignore', detached: true, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '8' } });
    php.group = true;
    children.push(php);
    await until(async () => (await fetch(`${origin}/wp-login.php`, { redirect: 'manual' })).status > 0, 'php -S');
    const install = await fetch(`${origin}/wp-admin/install.php?step=2`, {
      method: 'POST',
      body: new URLSearchParams({ weblog_title: 'Gemeinde Musterstadt', user_name: 'admin', admin_password: 'admin-e2e-passwort', admin_password2: 'admin-e2e-passwort', pw_weak: '1', admin_email: 'admin@example.invalid', blog_public: '0', language: '' }),
    });
    const installed = await install.text();
    if (!/Success!/.test(installed)) throw new Error(`WordPress install failed: ${installed.slice(0, 500)}`);
    const setup = JSON.parse(execFileSync('php', [join(import.meta.dirname, 'setup-site.php'), root, zip, JSON.stringify(sources(origin))], { encoding: 'utf8' }));
    // Must-use plugins after the install, so the install itself ran without them.
    for (const [name, code] of Object.entries(muPlugins)) {
      mkdirSync(join(root, 'wp-content/mu-plugins'), { recursive: true });
      writeFileSync(join(root, 'wp-content/mu-plugins', name), code);
    }
    const auth = `Basic ${Buffer.from(`autorin:${setup.password}`).toString('base64')}`;
    /** The REST API as the Author (application password), e.g. rest('POST', '/wp/v2/posts', {…}). */
    const rest = async (method, route, body) => {
      const [path, query = ''] = route.split('?');
      const res = await fetch(`${origin}/?rest_route=${encodeURIComponent(path)}&${query}`, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    return { origin, dir, root, setup, rest, debugLog: join(dir, 'debug.log'), close: async () => { process.off('exit', onExit); await close(); } };
  } catch (error) {
    process.off('exit', onExit);
    await close();
    throw error;
  }
}
