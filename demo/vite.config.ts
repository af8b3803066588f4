import { defineConfig, defaultClientConditions } from 'vite';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = import.meta.dirname;
// Every .html file in demo/ is a page of the demo site.
const pages = Object.fromEntries(
  readdirSync(root).filter((f) => f.endsWith('.html')).map((f) => [f.replace(/\.html$/, ''), resolve(root, f)]),
);

export default defineConfig({
  root,
  resolve: { conditions: ['si-source', ...defaultClientConditions] },
  optimizeDeps: { include: ['lit', '@lit/context', '@lit/task'] },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
  build: { outDir: 'dist', emptyOutDir: true, rolldownOptions: { input: pages } },
});
