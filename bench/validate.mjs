// Timing of the model validators (validateEvents, validateInitiatives) on the deterministic demo
// data, in Node. Run:
//   node --conditions=si-source --import tsx bench/validate.mjs [RUNS] [MODEL_MODULE ...]
// RUNS (default 9, at least 7) timed runs follow one discarded warm-up; the first call in this
// process is reported apart as "cold" (fresh JIT, as on a page's first render). MODEL_MODULE
// (default: core's model) may be given more than once to compare copies, e.g. a copy of the
// model from an older commit. Prints ms per call and µs per item (median, min, max).
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { generateEvents } from '../demo/data/generate-events.ts';
import { generateInitiatives } from '../demo/data/generate-initiatives.ts';

const RUNS = Math.max(7, Number(process.argv[2] ?? 9));
const modules = process.argv.slice(3);
if (modules.length === 0) modules.push('packages/core/src/model/index.ts');

const N = 10_000;
const data = { events: generateEvents(N), initiatives: generateInitiatives(N) };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1).padStart(7)} ms ${((ms * 1000) / N).toFixed(2).padStart(6)} µs/item`;

for (const file of modules) {
  const model = await import(pathToFileURL(resolve(file)).href);
  console.log(`${file} (${N} items, ${RUNS} runs)`);
  for (const [name, fn] of [['validateEvents', model.validateEvents], ['validateInitiatives', model.validateInitiatives]]) {
    const input = data[name === 'validateEvents' ? 'events' : 'initiatives'];
    const time = () => {
      const t0 = performance.now();
      const r = fn(input);
      const ms = performance.now() - t0;
      if (r.items.length !== N || r.dropped !== 0) throw new Error(`${name}: ${r.items.length} items, ${r.dropped} dropped`);
      return ms;
    };
    const cold = time();
    time();
    const runs = Array.from({ length: RUNS }, time);
    console.log(`  ${name.padEnd(20)} cold ${fmt(cold)} | median ${fmt(median(runs))} | min ${Math.min(...runs).toFixed(1)} max ${Math.max(...runs).toFixed(1)} ms`);
  }
}
