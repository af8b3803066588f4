import { defineConfig } from 'vite';
import { libConfig } from '../../scripts/vite-lib.mjs';

// One entry per subpath: a page loads only the adapter it uses, and ical.js only with /ical.
export default defineConfig(libConfig(import.meta.dirname, {
  register: 'src/register.ts',
  memory: 'src/memory/index.ts',
  json: 'src/json/index.ts',
  rest: 'src/rest/index.ts',
  ical: 'src/ical/index.ts',
  kvm: 'src/kvm/index.ts',
  merge: 'src/merge/index.ts',
}));
