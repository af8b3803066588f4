// Browser tests in Debian's Chromium and Firefox ESR (no downloaded browsers on this machine).
// Firefox runs through puppeteer-core over WebDriver BiDi.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import './scripts/firefox-bidi-compat.mjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { emulateMediaFeaturesPlugin, firefoxMediaPrefs, qualityCommandsPlugin } from './quality/wtr-plugins.mjs';

const require = createRequire(import.meta.url);
const worker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
const only = process.env.WTR_BROWSERS?.split(',') ?? ['chromium', 'firefox'];

const browsers = [];
if (only.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
        ],
      },
    }),
  );
}
const firefox = (prefs = {}) =>
  chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'app.update.enabled': false, ...prefs },
    },
  });
const plainFirefox = only.includes('firefox') ? firefox() : undefined;
if (plainFirefox) browsers.push(plainFirefox);

// Forced colours and reduced motion: Chromium emulates them per test (quality/wtr-plugins.mjs);
// Firefox cannot over WebDriver BiDi, so the media gates also run in a Firefox whose preferences
// turn both on (a group of their own, so no other test sees them); Chromium runs the group too,
// emulated. The group runs with the quality gates (no files named
// on the command line, or a `quality` path among them), not with a single package's tests.
const MEDIA = 'quality/media/**/*.test.ts';
const named = process.argv.slice(2).filter((a) => !a.startsWith('-') && /[*]|\.ts$/.test(a));
const mediaBrowsers = [...browsers.filter((b) => b !== plainFirefox), ...(only.includes('firefox') ? [firefox(firefoxMediaPrefs)] : [])];
const groups = !named.length || named.some((f) => f.includes('quality')) ? [{ name: 'media-prefs', files: MEDIA, browsers: mediaBrowsers }] : [];

export default {
  files: ['packages/*/src/**/*.test.ts', 'quality/**/*.test.ts', '!**/*.node.test.ts', `!${MEDIA}`],
  groups,
  nodeResolve: { exportConditions: ['si-source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }), emulateMediaFeaturesPlugin(), qualityCommandsPlugin()],
  browsers,
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [
    // msw's service worker must be served from the site root to control every test page.
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') {
        ctx.type = 'application/javascript';
        ctx.body = worker;
        return undefined;
      }
      return next();
    },
  ],
};
