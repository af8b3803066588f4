import { defineConfig } from 'vite';
import { libConfig } from '../../scripts/vite-lib.mjs';

export default defineConfig(libConfig(import.meta.dirname, { index: 'src/index.ts', define: 'src/define.ts', logic: 'src/logic.ts' }));
