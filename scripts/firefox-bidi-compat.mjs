// Debian 12's Firefox ESR 140 does not know the WebDriver BiDi command
// `emulation.setScreenOrientationOverride`, which puppeteer-core 25 sends with every
// `setViewport` (also the default viewport of each new page). Every Firefox page then fails to
// open. Screen orientation plays no part in our tests: an "unknown command" answer to that one
// command is taken as done, every other error still fails. Imported by the browser test config
// and the end-to-end harness before they launch Firefox.
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(require.resolve('puppeteer-core/package.json')), 'lib/puppeteer/bidi/core/BrowsingContext.js');
const { BrowsingContext } = await import(pathToFileURL(root).href);
const original = BrowsingContext.prototype.setScreenOrientationOverride;
if (original && !original.siCompat) {
  const patched = async function (...args) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      if (/unknown command/i.test(String(error?.message))) return undefined;
      throw error;
    }
  };
  patched.siCompat = true;
  BrowsingContext.prototype.setScreenOrientationOverride = patched;
}
