import { parseIcs } from '../src/ical/parse.ts';
import { bigFeed } from '../src/ical/fixtures.ts';
const base = bigFeed(5000);
for (let i = 0; i < 6; i++) { const t = performance.now(); parseIcs(base + ' '.repeat(i)); console.log((performance.now() - t).toFixed(0)); }
