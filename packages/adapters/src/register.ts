import { AdapterError, registerAdapterType } from '@sozial-innovativ/core';

/**
 * Registers the declarative source types (`source-type="…"`, `<si-data-source type="…">`).
 * Each adapter is imported only when a page uses it, so ical.js never loads for a JSON page.
 * Options arrive as strings from attributes; `<adapter>/from-options.ts`, loaded with the adapter,
 * reads them and refuses what it cannot read with a `config` error. Neither this entry nor the
 * adapters' own entries carry that code.
 */
registerAdapterType('memory', async ({ data }) => {
  const { createMemoryAdapter } = await import('./memory/index.js');
  if (data === undefined) throw new AdapterError('config', 'The memory source needs inline data');
  return createMemoryAdapter(data as object);
});
registerAdapterType('json', async (options) => (await import('./json/from-options.js')).jsonAdapterFromOptions(options));
registerAdapterType('ical', async (options) => (await import('./ical/from-options.js')).icalAdapterFromOptions(options));
registerAdapterType('rest', async (options) => (await import('./rest/from-options.js')).restAdapterFromOptions(options));
registerAdapterType('wordpress', async (options) => (await import('./rest/from-options.js')).wordpressAdapterFromOptions(options));
registerAdapterType('tribe', async (options) => (await import('./rest/from-options.js')).tribeAdapterFromOptions(options));
registerAdapterType('merge', async (options) => (await import('./merge/index.js')).mergedAdapterFromOptions(options));
registerAdapterType('kvm', async (options) => (await import('./kvm/from-options.js')).kvmAdapterFromOptions(options));
