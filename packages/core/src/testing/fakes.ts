import { AdapterError, type DataAdapter, type Result } from '../adapter.js';

/**
 * Fake adapters for tests and stories: one of each kind of trouble a widget must survive.
 * Each returns a plain {@link DataAdapter}; none touches the network.
 */

type Method = 'events' | 'initiatives' | 'initiative' | 'questionnaire' | 'offers';
const METHODS: Method[] = ['events', 'initiatives', 'initiative', 'questionnaire', 'offers'];

/** The default failure: what a source that is down answers. */
export const unavailable = (): AdapterError => new AdapterError('http', 'HTTP 503 Service Unavailable', 503);

/** Every call waits forever: the loading state. */
export function stalledAdapter(): DataAdapter {
  const never = () => new Promise<never>(() => {});
  return { kind: 'stalled', events: never, initiatives: never, initiative: never, questionnaire: never, offers: never };
}

/** Every call fails with `error` (HTTP 503 unless given): the error state. */
export function failingAdapter(error: () => unknown = unavailable): DataAdapter {
  const fail = () => Promise.reject(error());
  return { kind: 'failing', events: fail, initiatives: fail, initiative: fail, questionnaire: fail, offers: fail };
}

/**
 * `base`'s lists, marked as served from cache after the source failed (`stale`), fetched at
 * `fetchedAt`, with `dropped` invalid items.
 */
export function staleAdapter(base: DataAdapter, { fetchedAt = Date.parse('2026-10-20T08:30:00Z'), dropped = 0 } = {}): DataAdapter {
  const mark = <T>(r: Result<T>): Result<T> => ({ ...r, stale: true, fetchedAt, dropped: r.dropped + dropped });
  const out: DataAdapter = { ...base, kind: 'stale' };
  if (base.events) out.events = async (q, o) => mark(await base.events!(q, o));
  if (base.initiatives) out.initiatives = async (q, o) => mark(await base.initiatives!(q, o));
  if (base.offers) out.offers = async (o) => mark(await base.offers!(o));
  return out;
}

/** The first `failures` calls fail with `error` (HTTP 503 unless given), later ones reach `base`: retry. */
export function flakyAdapter(base: DataAdapter, failures = 1, error: () => unknown = unavailable): DataAdapter {
  let calls = 0;
  const out: DataAdapter = { ...base, kind: 'flaky' };
  for (const m of METHODS) {
    const f = base[m] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (f) (out as unknown as Record<Method, unknown>)[m] = (...a: unknown[]) => (++calls <= failures ? Promise.reject(error()) : f.apply(base, a));
  }
  return out;
}

/** One recorded adapter call: the method and its arguments (without the request options). */
export interface AdapterCall {
  method: Method;
  args: unknown[];
}

/** `base`, with every call recorded in `calls`, in order. */
export function spyAdapter(base: DataAdapter): DataAdapter & { calls: AdapterCall[] } {
  const calls: AdapterCall[] = [];
  const out = { ...base, kind: 'spy', calls } as DataAdapter & { calls: AdapterCall[] };
  for (const m of METHODS) {
    const f = base[m] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (f) {
      (out as unknown as Record<Method, unknown>)[m] = (...a: unknown[]) => {
        calls.push({ method: m, args: m === 'questionnaire' || m === 'offers' ? [] : a.slice(0, 1) });
        return f.apply(base, a);
      };
    }
  }
  return out;
}

/** `base`, with every call held until `release()` is called: for in-flight and race tests. */
export function gatedAdapter(base: DataAdapter): { adapter: DataAdapter; release: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const adapter: DataAdapter = { ...base, kind: 'gated' };
  for (const m of METHODS) {
    const f = base[m] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (f) (adapter as unknown as Record<Method, unknown>)[m] = async (...a: unknown[]) => (await gate, f.apply(base, a));
  }
  return { adapter, release: () => open() };
}
