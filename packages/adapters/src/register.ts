import { AdapterError, registerAdapterType } from '@sozial-innovativ/core';

/**
 * Registers the declarative source types (`source-type="…"`, `<si-data-source type="…">`).
 * Each adapter is imported only when a page uses it, so ical.js never loads for a JSON page.
 */
registerAdapterType('memory', async ({ data }) => {
  const { createMemoryAdapter } = await import('./memory/index.js');
  if (data === undefined) throw new AdapterError('config', 'The memory source needs inline data');
  return createMemoryAdapter(data as object);
});
