import { defineConfig } from 'vite';
import { libConfig } from '../../scripts/vite-lib.mjs';

export default defineConfig(libConfig(import.meta.dirname, {
  register: 'src/register.ts',
  memory: 'src/memory/index.ts',
}));
