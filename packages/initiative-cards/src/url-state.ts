import { FACET_KEYS, isSortKey, type CardsFilter, type FacetKey, type SortKey } from './keys.js';
// Also keeps what the lazily loaded search module (`search.ts`) imports in the element's first chunk,
// so that chunk (not the cards view) is what the search chunk imports.
import { MAX_QUERY_LENGTH } from './terms.js';

/**
 * The state of `<si-initiative-cards>` in the page URL (`sync-url`), so a visitor can bookmark or
 * share a filter or one initiative. It lives in the fragment (`#si-q=…&si-initiative=…`), which browsers
 * never send: a search or a postcode in the query would land in the server's logs. Lists are
 * repeated keys (`si-topic=Wohnen&si-topic=Kultur`), so values may contain commas. Defaults are
 * left out; everything else in the fragment (anchors, other widgets' keys) is kept as it was.
 * Links from before used the query; they are still read.
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

export interface UrlState extends CardsFilter {
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

const OUR_KEYS = new Set(Object.values(URL_KEYS));

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return '';
  }
};

/** Splits a fragment into its `&`-separated parts, with the decoded key of each. */
const fragmentParts = (hash: string) =>
  hash.replace(/^#/, '').split('&').filter(Boolean).map((raw) => {
    const eq = raw.indexOf('=');
    return { raw, key: eq < 0 ? undefined : decode(raw.slice(0, eq)), value: eq < 0 ? '' : decode(raw.slice(eq + 1)) };
  });

/** The keys of `<si-initiative-cards>` in a fragment such as `#top&si-q=Wohnen`, as parameters; nothing else. */
export function fragmentParams(hash: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const { key, value } of fragmentParts(hash)) if (key && OUR_KEYS.has(key)) params.append(key, value);
  return params;
}

/**
 * Where the state is read from: the fragment, or for a link from before the fragment, the query.
 * `search` and `hash` as in `location`.
 */
export function readLocationState(search: string, hash: string): Partial<UrlState> {
  const fromFragment = fragmentParams(hash);
  return readUrlState(fromFragment.toString() ? fromFragment : new URLSearchParams(search));
}

/**
 * The page URL's new `search` and `hash` for `state`: ours in the fragment, other parts of it kept
 * in place, and our keys taken out of the query (an old link's values should not travel on).
 * Returns both with their `?`/`#`, or `''` when empty.
 */
export function writeLocationState(search: string, hash: string, state: UrlState, defaultSort: SortKey): { search: string; hash: string } {
  const query = new URLSearchParams(search);
  for (const key of OUR_KEYS) query.delete(key);
  const kept = fragmentParts(hash).filter((p) => !p.key || !OUR_KEYS.has(p.key)).map((p) => p.raw);
  const ours = [...writeUrlState(new URLSearchParams(), state, defaultSort)].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const all = [...kept, ...ours];
  const q = query.toString();
  return { search: q ? `?${q}` : '', hash: all.length ? `#${all.join('&')}` : '' };
}

/** Reads what the URL says; keys that are absent stay absent so attributes keep their presets. */
export function readUrlState(params: URLSearchParams): Partial<UrlState> {
  const state: Partial<UrlState> = {};
  // As much as is searched (and as much of any other value).
  const cap = (s: string) => s.trim().slice(0, MAX_QUERY_LENGTH);
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
