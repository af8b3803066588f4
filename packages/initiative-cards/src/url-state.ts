import type { ShowcaseFilter } from './catalog.js';
import { FACET_KEYS, isSortKey, type FacetKey, type SortKey } from './keys.js';

/**
 * The showcase's state in the page URL (`sync-url`), so a visitor can bookmark or share a
 * filter or one initiative. Lists are repeated parameters (`?si-topic=Wohnen&si-topic=Kultur`),
 * so values may contain commas. Defaults are left out; other parameters of the page are kept.
 */
export const URL_KEYS: Record<FacetKey | 'q' | 'near' | 'sort' | 'initiative', string> = {
  q: 'si-q',
  topics: 'si-topic',
  kinds: 'si-kind',
  targetGroups: 'si-group',
  districts: 'si-district',
  towns: 'si-town',
  near: 'si-near',
  sort: 'si-sort',
  initiative: 'si-initiative',
};

export interface UrlState extends ShowcaseFilter {
  /** The initiative whose details are open. */
  initiative?: string;
}

/** Writes `state` into a copy of `params`; `defaultSort` is left out. */
export function writeUrlState(params: URLSearchParams, state: UrlState, defaultSort: SortKey): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const key of Object.values(URL_KEYS)) out.delete(key);
  if (state.q.trim()) out.set(URL_KEYS.q, state.q.trim());
  for (const key of FACET_KEYS) for (const v of state[key]) out.append(URL_KEYS[key], v);
  if (state.near.trim()) out.set(URL_KEYS.near, state.near.trim());
  if (state.sort !== defaultSort) out.set(URL_KEYS.sort, state.sort);
  if (state.initiative) out.set(URL_KEYS.initiative, state.initiative);
  return out;
}

/** Reads what the URL says; keys that are absent stay absent so attributes keep their presets. */
export function readUrlState(params: URLSearchParams): Partial<UrlState> {
  const state: Partial<UrlState> = {};
  const cap = (s: string) => s.trim().slice(0, 200);
  if (params.has(URL_KEYS.q)) state.q = cap(params.get(URL_KEYS.q)!);
  for (const key of FACET_KEYS) {
    if (params.has(URL_KEYS[key])) state[key] = params.getAll(URL_KEYS[key]).map(cap).filter(Boolean).slice(0, 50);
  }
  if (params.has(URL_KEYS.near)) state.near = cap(params.get(URL_KEYS.near)!);
  const sort = params.get(URL_KEYS.sort);
  if (isSortKey(sort)) state.sort = sort;
  const id = params.get(URL_KEYS.initiative);
  if (id) state.initiative = cap(id);
  return state;
}

/** `"Wohnen, Kultur"` → `['Wohnen', 'Kultur']` (the attribute form of a list). */
export const parseList = (value: string | null | undefined): string[] =>
  (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
