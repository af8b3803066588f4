import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal: async (cfg) => ({
    ...cfg,
    resolve: { ...cfg.resolve, conditions: ['si-source', ...defaultClientConditions] },
    // Without this, dev mode loads Lit twice.
    optimizeDeps: { ...cfg.optimizeDeps, include: [...(cfg.optimizeDeps?.include ?? []), 'lit', '@lit/context', '@lit/task'] },
  }),
};
export default config;
