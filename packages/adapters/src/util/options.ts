import { AdapterError, type AdapterOptions, type FetchOptions } from '@sozial-innovativ/core';

// Options from attributes arrive as strings (`per-page="50"` → `perPage: "50"`); these read them
// for the `…FromOptions` factories that register.ts loads lazily with each adapter, so the eagerly
// loaded register entry stays small.

export const needSrc = (type: string, { src }: AdapterOptions): string => {
  if (typeof src !== 'string' || !src.trim()) throw new AdapterError('config', `The ${type} source needs src`);
  return src;
};

export const optionalSrc = ({ src }: AdapterOptions): string | undefined => (typeof src === 'string' && src.trim() ? src : undefined);

export const stringOption = (options: AdapterOptions, key: string): string | undefined =>
  typeof options[key] === 'string' && options[key] ? options[key] : undefined;

/** A positive number from a number or a numeric string; absent or empty is `undefined`. */
export function positiveNumberOption(options: Record<string, unknown>, key: string): number | undefined {
  const raw = options[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
  if (!(n > 0 && n < Infinity)) throw new AdapterError('config', `${key} must be a positive number`);
  return n;
}

/** An object from an object or a JSON string (`fields='{"title":"name"}'`). */
export function objectOption(options: Record<string, unknown>, key: string): Record<string, string> | undefined {
  let raw = options[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = undefined;
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AdapterError('config', `${key} must be a JSON object`);
  // Fresh object of own string entries: an attribute never deep-merges into our options.
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** One of `allowed`, or a `config` error naming them. */
export function oneOf<T extends string>(options: Record<string, unknown>, key: string, allowed: readonly T[]): T | undefined {
  const raw = options[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new AdapterError('config', `${key} must be one of ${allowed.join(', ')}`);
}

/**
 * What every HTTP adapter shares: `timeout` (ms) and `max-bytes` (the body cap) from attributes,
 * `fetchOptions` from code.
 */
export function httpFromOptions(options: AdapterOptions): { fetchOptions: Omit<FetchOptions, 'signal'> } {
  const timeout = positiveNumberOption(options, 'timeout');
  const maxBytes = positiveNumberOption(options, 'maxBytes');
  const fetchOptions = options.fetchOptions && typeof options.fetchOptions === 'object' ? options.fetchOptions : undefined;
  return { fetchOptions: { ...fetchOptions, ...(timeout ? { timeout } : {}), ...(maxBytes ? { maxBytes } : {}) } };
}

/** Paging options of the REST-based adapters. */
export function pagingFromOptions(options: AdapterOptions): { perPage?: number; maxPages?: number } {
  return { perPage: positiveNumberOption(options, 'perPage'), maxPages: positiveNumberOption(options, 'maxPages') };
}
