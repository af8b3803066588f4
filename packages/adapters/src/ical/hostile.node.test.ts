// The hostile-feed cases in Node. Each case runs in a worker thread: a freeze inside the
// recurrence engine blocks that thread's event loop, so only a watchdog outside it can fail the
// case instead of hanging the run.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { hostileCases, WATCHDOG_MS, type Outcome } from './hostile.cases.js';
import { parseIcs } from './parse.js';
import { expandIcs } from './expand.js';
import { ics } from './fixtures.js';

if (!isMainThread) {
  const { createIcalAdapter } = await import('./index.js');
  parentPort!.on('message', async (index: number) => {
    const c = hostileCases[index]!;
    try {
      const r = await createIcalAdapter({ text: c.text(), maxOccurrences: c.maxOccurrences }).events(c.range);
      const outcome: Outcome = {
        items: r.items.map(({ uid, id, start, title }) => ({ uid, id, start, title })),
        dropped: r.dropped ?? 0, truncated: r.truncated, truncatedSeries: r.truncatedSeries,
      };
      parentPort!.postMessage({ outcome });
    } catch (e) {
      parentPort!.postMessage({ error: `${(e as Error)?.name}: ${(e as Error)?.message}` });
    }
  });
} else {
  let worker: Worker | undefined;
  const run = (index: number) => new Promise<Outcome>((resolve, reject) => {
    // tsx's hooks do not reach worker threads on Node 20: the worker registers them itself.
    worker ??= new Worker(
      `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
      { eval: true, execArgv: ['--conditions=si-source'] },
    );
    const w = worker;
    const watchdog = setTimeout(() => {
      // The worker is stuck: end it, so the next case gets a fresh one.
      void w.terminate();
      worker = undefined;
      reject(new Error(`no result within the ${WATCHDOG_MS} ms watchdog: the adapter froze`));
    }, WATCHDOG_MS);
    const onMessage = (m: { outcome?: Outcome; error?: string }) => {
      clearTimeout(watchdog);
      w.off('error', onError);
      if (m.outcome) resolve(m.outcome);
      else reject(new Error(`the adapter threw ${m.error}`));
    };
    const onError = (e: Error) => {
      clearTimeout(watchdog);
      w.off('message', onMessage);
      worker = undefined;
      reject(e);
    };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage(index);
  });

  describe('ical adapter: hostile and huge feeds (issue #13)', () => {
    after(() => worker?.terminate());
    hostileCases.forEach((c, index) => {
      it(c.name, { timeout: WATCHDOG_MS * 2 }, async () => {
        c.check(await run(index));
      });
    });

    it('resolves a relative URL of an event against the feed URL', () => {
      const text = ics(
        'BEGIN:VEVENT', 'UID:rel', 'DTSTART:20250311T100000Z', 'SUMMARY:x', 'URL:../termine/42?x=1', 'END:VEVENT',
        'BEGIN:VEVENT', 'UID:abs', 'DTSTART:20250312T100000Z', 'SUMMARY:x', 'URL:https://other.example/a', 'END:VEVENT',
      );
      const range = [Date.parse('2025-03-01T00:00:00Z'), Date.parse('2025-04-01T00:00:00Z')] as const;
      const urls = (base?: string) => expandIcs(parseIcs(text, { baseUrl: base }), ...range).items.map((e) => e.url);
      assert.deepEqual(urls('https://cal.example/feeds/main.ics'), ['https://cal.example/termine/42?x=1', 'https://other.example/a']);
      assert.deepEqual(urls(), ['../termine/42?x=1', 'https://other.example/a'], 'without a feed URL it stays as written');
    });

    it('keeps the text cache per feed URL and the cursors across queries', () => {
      const text = ics('BEGIN:VEVENT', 'UID:d', 'DTSTART:20000101T100000Z', 'RRULE:FREQ=DAILY;COUNT=20000', 'SUMMARY:x', 'END:VEVENT');
      const parsed = parseIcs(text, { baseUrl: 'https://a.example/x.ics' });
      assert.equal(parseIcs(text, { baseUrl: 'https://a.example/x.ics' }), parsed);
      assert.notEqual(parseIcs(text, { baseUrl: 'https://b.example/x.ics' }), parsed);
      // A COUNT series steps from DTSTART once; the next month needs no more than its own days.
      const march = expandIcs(parsed, Date.parse('2025-03-01T00:00:00Z'), Date.parse('2025-04-01T00:00:00Z'));
      assert.equal(march.items.length, 31);
      const april = expandIcs(parsed, Date.parse('2025-04-01T00:00:00Z'), Date.parse('2025-05-01T00:00:00Z'), { maxSteps: 100 });
      assert.equal(april.items.length, 30);
      assert.equal(april.truncated, false);
    });
  });
}
