// What a search term is and how terms fold: needed by the facets and to know whether a query
// searches at all, before the search index (`search.ts`, MiniSearch) has loaded.

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
/** A term beyond plain ASCII, which has more to fold than case. */
export const NON_ASCII = /[^\0-\x7f]/;

/**
 * Folds a German term for search: lower case, `ä ö ü` → `ae oe ue`, `ß` → `ss`, other accents
 * dropped (`é` → `e`). "Weißwasser", "weisswasser" and "WEISSWASSER" all become `weisswasser`.
 */
export function foldGerman(term: string): string {
  // Plain ASCII (most terms) has nothing to fold but case: indexing 10 000 initiatives folds
  // some 300 000 terms, and a search typed before the index is complete waits for the rest.
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  return term
    .toLocaleLowerCase('de')
    .replace(/[äöüß]/g, (c) => UMLAUTS[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** As much of a query as is searched (the URL state keeps as much of `si-q`). */
export const MAX_QUERY_LENGTH = 200;
/** Terms searched; all must match, so more would only cost time per keystroke (a pasted page). */
export const MAX_QUERY_TERMS = 8;

/**
 * One-letter terms are left out: a prefix search for "w" matches a quarter of 10 000 items and
 * takes longer than a frame, and shows nothing a visitor can use.
 */
export const searchTerms = (query: string): string[] =>
  query.trimStart().slice(0, MAX_QUERY_LENGTH).split(/\s+/).filter((t) => t.length > 1).slice(0, MAX_QUERY_TERMS);
