import { defineConfig } from 'vite';
import { libConfig } from '../../scripts/vite-lib.mjs';

export default defineConfig(libConfig(import.meta.dirname, { index: 'src/index.ts', define: 'src/define.ts', ics: 'src/ics/index.ts', logic: 'src/logic.ts' }));
