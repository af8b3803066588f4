import { expect } from '@open-wc/testing';
import { quirkCases, runQuirk } from './quirks.cases.js';

// The same feeds as quirks.node.test.ts, with the browser's own Intl time-zone data.
describe('ical adapter in the browser: feeds as generators write them (issue #12)', () => {
  for (const c of quirkCases) {
    it(`${c.name} [${c.generator}]`, async () => {
      expect(await runQuirk(c)).to.deep.equal([]);
    });
  }
});
