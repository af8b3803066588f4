// Browser tests in Debian's Chromium and Firefox ESR (no downloaded browsers on this machine).
// Firefox runs through puppeteer-core over WebDriver BiDi.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import './scripts/firefox-bidi-compat.mjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { emulateMediaFeaturesPlugin } from './quality/wtr-plugins.mjs';

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
if (only.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'app.update.enabled': false },
      },
    }),
  );
}

export default {
  files: ['packages/*/src/**/*.test.ts', 'quality/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['si-source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }), emulateMediaFeaturesPlugin()],
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
