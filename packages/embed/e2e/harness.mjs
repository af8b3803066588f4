// End-to-end rig: a static server on 127.0.0.1 (random port) with per-page CSP headers, and real
// Chromium and Firefox ESR driven by puppeteer-core (Firefox over WebDriver BiDi).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer from 'puppeteer-core';
import '../../../scripts/firefox-bidi-compat.mjs';

export const embedDir = resolve(import.meta.dirname, '..');
export const repoDir = resolve(embedDir, '../..');
export const distDir = join(embedDir, 'dist');
export const pagesDir = join(import.meta.dirname, 'pages');
// Outside the repository: lint and git never see the configurator build.
export const tmpDir = join(tmpdir(), 'si-embed-e2e');

/**
 * The policy the README documents for strict hosts, verbatim (`{nonce}` is per response).
 * `lit-html` is Lit's Trusted Types policy; `si-jsonld` the initiative showcase's JSON-LD.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data: https:; " +
  "connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html si-jsonld";

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.ics': 'text/calendar; charset=utf-8', '.svg': 'image/svg+xml' };

/** Events around today, so every calendar view has something to show whatever day the tests run. */
export function eventsJson(now = new Date()) {
  const day = (offset, hour) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset, hour - 2));
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
  const titles = ['Erzählcafé Zwickau', 'Repair-Café Görlitz', 'Dialogwerkstatt Chemnitz', 'Nachbarschaftsfest Leipzig-Grünau', 'Offene Werkstatt Bautzen', 'Inklusionsforum Dresden'];
  return {
    events: titles.map((title, i) => ({
      id: `e2e-${i}`, title, start: day(i * 2 + 1, 10 + i), end: day(i * 2 + 1, 12 + i),
      location: { name: title.split(' ').at(-1), town: title.split(' ').at(-1) }, topics: ['Nachbarschaft'], description: `Testveranstaltung ${i + 1}.`,
    })),
  };
}

/** Inline data for `<si-data-source type="memory">`, also around today. */
export function inlineEvents() {
  const { events } = eventsJson();
  const titles = ['Stammtisch Soziale Innovation Freiberg', 'Werkstattgespräch Pirna'];
  return { events: titles.map((title, i) => ({ ...events[i], id: `inline-${i}`, title })) };
}
export const INLINE_TITLES = inlineEvents().events.map((e) => e.title);

/**
 * Serves `/<anything>/<version>/…` from dist (the versioned, self-hosted layout), `/configurator/`
 * from the configurator build, `/data/events.json` generated, everything else from e2e/pages.
 * `{nonce}` in an HTML page is replaced by the response's nonce; pages named `*csp*.html` (or
 * any page with `?csp=strict`) get the strict policy. `page(path, html)` adds a page at runtime.
 */
export async function startServer({ version }) {
  const extra = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    let file;
    let body;
    const versioned = new RegExp(`^/[\\w.-]+/${version.replaceAll('.', '\\.')}/(.+)$`).exec(path);
    if (extra.has(path)) body = extra.get(path);
    else if (path === '/data/events.json' || path === '/daten/veranstaltungen.json') body = JSON.stringify(eventsJson());
    else if (path === '/daten/initiativen.json') file = join(pagesDir, 'data/initiatives.json');
    else if (path === '/daten/wohnprojekte.json') file = join(pagesDir, 'data/cohousing.json');
    else if (path === '/favicon.ico') return res.writeHead(204).end();
    else if (versioned) file = join(distDir, versioned[1]);
    else if (path.startsWith('/configurator/')) file = join(tmpDir, 'configurator', path.slice('/configurator/'.length) || 'configurator.html');
    else file = join(pagesDir, path === '/' ? 'index.html' : path);
    if (file && (![distDir, pagesDir, tmpDir].some((root) => normalize(file).startsWith(`${root}/`)) || !existsSync(file) || !statSync(file).isFile())) return res.writeHead(404).end('not found');
    const type = TYPES[extname(file ?? path)] ?? (body ? 'text/html; charset=utf-8' : 'application/octet-stream');
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    let content = body ?? readFileSync(file);
    if (type.startsWith('text/html')) {
      const nonce = randomBytes(16).toString('base64');
      const sri = existsSync(join(distDir, 'sri.json')) ? JSON.parse(readFileSync(join(distDir, 'sri.json'), 'utf8')) : {};
      content = String(content)
        .replaceAll('{nonce}', nonce)
        .replaceAll('{sri}', sri['embed.iife.js'] ?? '')
        .replaceAll('{inline-events}', JSON.stringify(inlineEvents()).replaceAll('<', '\\u003c'));
      if (/csp/.test(path) || url.searchParams.get('csp') === 'strict') headers['content-security-policy'] = STRICT_CSP.replace('{nonce}', nonce);
    }
    // As static web servers do: a declared length (the fetch helper then reads the body whole).
    res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(content) }).end(content);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, page: (path, html) => extra.set(path, html), close: () => new Promise((ok) => server.close(ok)) };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launch(name) {
  if (name === 'chromium') {
    return puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  }
  return puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true,
    extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'app.update.enabled': false, 'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false },
  });
}

/**
 * A page that records console errors and warnings, page errors and securitypolicyviolation events
 * (the listener is installed before any page script runs).
 */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const log = { errors: [], warnings: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warn' || m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e?.message ?? e)));
  page.on('requestfailed', (r) => log.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
  await page.evaluateOnNewDocument(() => {
    const seen = [];
    Object.defineProperty(window, '__siViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample ?? ''}`), true);
  });
  await page.goto(url, { waitUntil: 'load' });
  log.violations = () => page.evaluate(() => [...window.__siViolations]);
  return { page, log };
}

/** Waits until an element matching `selector` (searched through open shadow roots) shows one of `texts` in its shadow root. */
/**
 * Polls `fn` in the page until it returns something truthy. Not `page.waitForFunction`: under a
 * strict CSP Firefox ESR 140 refuses the evaluated polling function that puppeteer installs.
 */
export async function waitInPage(page, fn, { timeout = 5000, polling = 50 } = {}, ...args) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, ...args)) return;
    if (Date.now() > end) throw new Error(`Waiting failed: ${timeout} ms exceeded`);
    await new Promise((r) => setTimeout(r, polling));
  }
}

export async function waitForShadowText(page, selector, texts, timeout = 10_000) {
  await waitInPage(
    page,
    (sel, want) => {
      const all = [];
      const walk = (root) => root.querySelectorAll('*').forEach((el) => { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); });
      walk(document);
      // Text of the element's shadow tree, nested shadow roots (cards inside a showcase) included.
      const deepText = (root) => [...root.childNodes].map((n) => (n.nodeType === 3 ? n.data : `${n.shadowRoot ? deepText(n.shadowRoot) : ''}${deepText(n)}`)).join('');
      return all.filter((el) => el.matches(sel)).some((el) => el.shadowRoot && [want].flat().some((w) => deepText(el.shadowRoot).includes(w)));
    },
    { timeout, polling: 100 },
    selector,
    texts,
  );
}

/** The adapter a `<si-data-source>` provides, asked the way widgets ask (context protocol), and what it holds. */
export function probeDataSource(page, selector = 'si-data-source') {
  return page.evaluate(async (sel) => {
    let source = document.querySelector(sel);
    for (let i = 0; !source && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      source = document.querySelector(sel);
    }
    if (!source) return { error: 'no data source' };
    await customElements.whenDefined('si-data-source');
    const child = document.createElement('span');
    source.append(child);
    for (let i = 0; i < 50; i++) {
      let adapter;
      const ev = new Event('context-request', { bubbles: true, composed: true });
      Object.assign(ev, { context: Symbol.for('@sozial-innovativ/adapter'), contextTarget: child, subscribe: false, callback: (v) => { adapter = v; } });
      child.dispatchEvent(ev);
      if (adapter) {
        child.remove();
        const now = Date.now();
        const events = adapter.events ? await adapter.events({ from: new Date(now - 864e5 * 400).toISOString(), to: new Date(now + 864e5 * 400).toISOString() }) : undefined;
        return { kind: adapter.kind, events: events?.items.map((e) => e.title) };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return { error: 'no adapter provided' };
  }, selector);
}

export const widgetBuilt = (pkg) => existsSync(join(repoDir, 'packages', pkg, 'src/define.ts'));

/** Builds demo/configurator.html (and only it) into e2e/.tmp/configurator. */
export async function buildConfigurator({ allowMissing = true } = {}) {
  const { build, defaultClientConditions } = await import('vite');
  const { missingWidgets } = await import('../build.mjs');
  await build({
    configFile: false,
    root: join(repoDir, 'demo'),
    base: './',
    logLevel: 'warn',
    plugins: [missingWidgets(allowMissing, new Set())],
    resolve: { conditions: ['si-source', ...defaultClientConditions] },
    build: {
      outDir: join(tmpDir, 'configurator'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false, modulePreload: { polyfill: false },
      rolldownOptions: { input: { configurator: join(repoDir, 'demo/configurator.html') } },
    },
  });
}
