// In-page measurement shared by every bench page. The runner (bench/run.mjs) opens a fresh page
// per run, calls `__bench.prepare(case, n)` (data generation, not timed), reads the JS heap, calls
// `__bench.run()` (timed) and reads the heap again.
//
// A timing starts right before the library is handed the data or the input and stops when the
// expected DOM is there, then
//   layout: + forced style and layout (no frame wait: what the code costs),
//   paint:  + the next frame (requestAnimationFrame, then a task after it: what a person sees;
//           includes waiting for the display's frame, up to 16.7 ms).
import { generateEvents } from '../../demo/data/generate-events.ts';

/** The data window every calendar shows: the generator's default year, 2026. */
export const YEAR_FROM = '2026-01-01';
export const YEAR_TO = '2027-01-01';
export const MONTH = '2026-03-01';
export const NEXT_MONTH = '2026-04-01';

/** `n` events over 2026 (generator defaults: seed 1, 12 months), the same for every library. */
export const events = (n) => generateEvents(n);

/** A macrotask without the 4 ms clamp of nested setTimeout. */
export const yieldTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/** Resolves after the next frame has been produced (rAF, then the task after it). */
export const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => yieldTask().then(resolve)));

/** Waits until `done()` is truthy, checking after every task (Lit and Svelte update in microtasks). */
export async function until(done, what = 'the expected DOM', timeoutMs = 60_000) {
  const started = performance.now();
  for (;;) {
    const value = done();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await yieldTask();
  }
}

/** Times `act()` until `done()`; see the header for `layout` and `paint`. */
export async function timed(act, done, what) {
  const t0 = performance.now();
  await act();
  const detail = await until(done, what);
  void document.documentElement.offsetHeight; // style + layout of the whole page, shadow trees included
  const layout = performance.now() - t0;
  await nextPaint();
  return { layout, paint: performance.now() - t0, detail: typeof detail === 'object' ? detail : undefined };
}

/**
 * Registers the page's cases: `{ name: (n) => run }`; each case prepares (untimed) and returns
 * the async function that does the timed part.
 */
export function register(cases) {
  let pending;
  window.__bench = {
    cases: Object.keys(cases),
    async prepare(name, n) {
      if (!cases[name]) throw new Error(`no case ${name} on this page`);
      pending = await cases[name](n);
      await nextPaint();
    },
    run: () => pending(),
  };
}

/** The host element every library renders into (a 1000 px content column, see bench.css). */
export const host = () => document.getElementById('host');
