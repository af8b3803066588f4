import { defineConfig } from 'vite';
import { libConfig } from '../../scripts/vite-lib.mjs';

export default defineConfig(libConfig(import.meta.dirname, {
  index: 'src/index.ts',
  elements: 'src/elements.ts',
  testing: 'src/testing/index.ts',
  'define/data-source': 'src/define/data-source.ts',
}));
