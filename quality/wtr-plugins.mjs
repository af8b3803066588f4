// Commands for the quality gates that @web/test-runner-commands does not offer.
//
// `si-emulate-media` emulates `forced-colors` and `prefers-reduced-motion`. The stock
// `emulateMedia` drops `forcedColors` for puppeteer, and Firefox under puppeteer's WebDriver BiDi
// has no media emulation at all. The command answers `true` when it emulated and `false` when the
// browser cannot, so a test knows at run time and says so instead of passing silently.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function emulateMediaFeaturesPlugin() {
  return {
    name: 'si-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'si-emulate-media') return undefined;
      if (session.browser.type !== 'puppeteer' || !session.browser.name.toLowerCase().includes('chrom')) return false;
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
