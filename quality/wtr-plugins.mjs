// Commands for the quality gates that @web/test-runner-commands does not offer.
//
// `si-emulate-media` emulates `forced-colors` and `prefers-reduced-motion`. The stock
// `emulateMedia` drops `forcedColors` for puppeteer, and Firefox under puppeteer's WebDriver BiDi
// has no media emulation at all. The command answers `true` when it emulated and `false` when the
// browser cannot, so a test knows at run time and says so instead of passing silently. (Firefox
// gets both features from its preferences instead: see `firefoxMediaPrefs` and the `media` group
// in web-test-runner.config.mjs.)
//
// `si-screenshot` saves a PNG of the page under quality/artefacts/ (gitignored), per browser.
//
// `si-snapshot` reads a reviewed JSON snapshot from quality/snapshots/; with UPDATE_SNAPSHOTS=1 it
// writes the one it is given instead.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const safe = (name) => String(name).replace(/[^a-z0-9._-]+/gi, '-');
const browserKey = (session) => (session.browser.name.toLowerCase().includes('firefox') ? 'firefox' : 'chromium');
const isChromium = (session) => session.browser.type === 'puppeteer' && !session.browser.name.toLowerCase().includes('firefox');

/**
 * Firefox preferences that make `forced-colors: active` (the document's colours are overridden,
 * as Windows high contrast does) and `prefers-reduced-motion: reduce` true for every page.
 */
export const firefoxMediaPrefs = {
  'browser.display.document_color_use': 2,
  'ui.prefersReducedMotion': 1,
};

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function emulateMediaFeaturesPlugin() {
  return {
    name: 'si-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'si-emulate-media') return undefined;
      if (!isChromium(session)) return false;
      const page = session.browser.getPage(session.id);
      const { forcedColors = 'none', reducedMotion = 'no-preference' } = payload ?? {};
      await page.emulateMediaFeatures([
        { name: 'forced-colors', value: forcedColors },
        { name: 'prefers-reduced-motion', value: reducedMotion },
      ]);
      return true;
    },
  };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function qualityCommandsPlugin({ update = process.env.UPDATE_SNAPSHOTS === '1' } = {}) {
  return {
    name: 'si-quality-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'si-screenshot') {
        const file = join(here, 'artefacts', `${safe(payload.name)}.${browserKey(session)}.png`);
        await mkdir(dirname(file), { recursive: true });
        await session.browser.getPage(session.id).screenshot({ path: file, fullPage: false });
        return file.slice(here.length - 'quality'.length);
      }
      if (command === 'si-snapshot') {
        // One file per snapshot for both browsers: the tree is computed by the same code in each.
        const file = join(here, 'snapshots', `${safe(payload.name)}.json`);
        if (update) {
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, `${JSON.stringify(payload.tree, null, 2)}\n`);
          return { updated: true, tree: payload.tree };
        }
        try {
          return { updated: false, tree: JSON.parse(await readFile(file, 'utf8')) };
        } catch {
          return { updated: false, tree: null };
        }
      }
      return undefined;
    },
  };
}
