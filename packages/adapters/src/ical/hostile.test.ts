// The hostile-feed cases in the browser, where a freeze would be the partner's whole page.
// The watchdog is mocha's timeout: generous, and it fails a case that never returns.
import { createIcalAdapter } from './index.js';
import { hostileCases, WATCHDOG_MS } from './hostile.cases.js';
import { bigFeed } from './fixtures.js';

describe('ical adapter in the browser: hostile and huge feeds (issue #13)', function () {
  this.timeout(WATCHDOG_MS);
  for (const c of hostileCases.filter((x) => !x.heavy)) {
    it(c.name, async () => {
      const r = await createIcalAdapter({ text: c.text(), maxOccurrences: c.maxOccurrences }).events(c.range);
      c.check({ items: r.items, dropped: r.dropped ?? 0, truncated: r.truncated, truncatedSeries: r.truncatedSeries });
    });
  }

  it('keeps the page painting while a large feed loads', async () => {
    // 5 000 events and 50 daily series, a year expanded: many slices of work. Frames painted
    // during the load are what the visitor sees; one long task would paint none.
    const text = bigFeed(5_000);
    let frames = 0;
    let loading = true;
    const frame = () => {
      if (!loading) return;
      frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const r = await createIcalAdapter({ text }).events({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    loading = false;
    if (r.items.length !== 10_000 || !r.truncated) throw new Error(`the cap holds (${r.items.length})`);
    if (r.items.filter((e) => e.uid.startsWith('daily')).length < 50 * 30) throw new Error('every daily series keeps its share');
    if (frames < 2) throw new Error(`frames were painted during the load (${frames})`);
  });
});
