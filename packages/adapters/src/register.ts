import { AdapterError, registerAdapterType, type AdapterOptions } from '@sozial-innovativ/core';

/**
 * Registers the declarative source types (`source-type="…"`, `<si-data-source type="…">`).
 * Each adapter is imported only when a page uses it, so ical.js never loads for a JSON page.
 * Options arrive as strings from attributes; the factories parse them.
 */
const needSrc = (type: string, { src }: AdapterOptions): string => {
  if (typeof src !== 'string' || !src.trim()) throw new AdapterError('config', `The ${type} source needs src`);
  return src;
};

registerAdapterType('memory', async ({ data }) => {
  const { createMemoryAdapter } = await import('./memory/index.js');
  if (data === undefined) throw new AdapterError('config', 'The memory source needs inline data');
  return createMemoryAdapter(data as object);
});

registerAdapterType('json', async (options) => {
  const { createJsonAdapter } = await import('./json/index.js');
  return createJsonAdapter({ ...options, src: typeof options.src === 'string' && options.src ? options.src : undefined });
});

registerAdapterType('ical', async (options) => {
  const { createIcalAdapter } = await import('./ical/index.js');
  const timeout = Number(options.timeout);
  return createIcalAdapter({ src: needSrc('ical', options), fetchOptions: Number.isFinite(timeout) && timeout > 0 ? { timeout } : undefined });
});

registerAdapterType('rest', async (options) => {
  const rest = await import('./rest/index.js');
  const src = needSrc('rest', options);
  if (options.preset === 'wordpress') return rest.createWordPressAdapter({ ...options, src });
  if (options.preset === 'tribe') return rest.createTribeAdapter({ ...options, src });
  return rest.createRestAdapter({ ...(options as Record<string, unknown>), src } as Parameters<typeof rest.createRestAdapter>[0]);
});

registerAdapterType('wordpress', async (options) => {
  const { createWordPressAdapter } = await import('./rest/index.js');
  return createWordPressAdapter({ ...options, src: needSrc('wordpress', options) });
});

registerAdapterType('tribe', async (options) => {
  const { createTribeAdapter } = await import('./rest/index.js');
  return createTribeAdapter({ ...options, src: needSrc('tribe', options) });
});

registerAdapterType('kvm', async (options) => {
  const { createKvmAdapter } = await import('./kvm/index.js');
  return createKvmAdapter({ ...options, src: typeof options.src === 'string' && options.src ? options.src : undefined } as Parameters<typeof createKvmAdapter>[0]);
});
