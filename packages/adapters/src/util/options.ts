import { AdapterError } from '@sozial-innovativ/core';

// Options from attributes arrive as strings; these read them for the factories in register.ts.
// A module of its own, so the eagerly loaded register entry stays small.

/** A positive number from a number or a numeric string; absent or empty is `undefined`. */
export function positiveNumberOption(options: Record<string, unknown>, key: string): number | undefined {
  const raw = options[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new AdapterError('config', `${key} must be a positive number, not ${JSON.stringify(raw).slice(0, 50)}`);
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
