import MiniSearch, { type SearchOptions } from 'minisearch';
import { foldText, type Initiative } from '@sozial-innovativ/core';
import { whenIdle, type IdleDeadlineLike } from './idle.js';

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const NON_ASCII = /[^\0-\x7f]/;

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

/**
 * Index terms: the folded form and, for words with umlauts, the form without the `e`
 * (`Öko` → `oeko` and `oko`), so a visitor on a keyboard without umlauts finds it either way.
 */
function indexTerms(term: string): string[] {
  if (!NON_ASCII.test(term)) return [term.toLowerCase()];
  const folded = foldGerman(term);
  const plain = foldText(term);
  return plain === folded ? [folded] : [folded, plain];
}

/** Field boosts: a hit in the name counts three times, in topics twice. */
// The long description is not indexed: it would triple the index and the time per keystroke
// for little gain; the summary (and easy-language text) says what an initiative does.
export const SEARCH_BOOSTS = { name: 3, topics: 2, place: 1.5, summary: 1, targetGroups: 1 } as const;
type Field = keyof typeof SEARCH_BOOSTS;
const FIELDS = Object.keys(SEARCH_BOOSTS) as Field[];

type Doc = { id: number } & Record<Field, string>;

const toDoc = (x: Initiative, id: number): Doc => ({
  id,
  name: x.name,
  topics: x.topics.join(' '),
  summary: `${x.summary ?? ''} ${x.easyLanguage ?? ''}`,
  place: [x.region?.town, x.region?.district, x.region?.name, x.region?.postalCode].filter(Boolean).join(' '),
  targetGroups: x.targetGroups.join(' '),
});

const SEARCH_OPTIONS: SearchOptions = {
  boost: SEARCH_BOOSTS,
  prefix: true,
  // Fuzzy matching of short terms matches nearly everything and costs time per keystroke.
  fuzzy: (term) => (term.length > 3 ? 0.2 : false),
  // A fifth of a long German compound would be 3–4 edits ("Nachbarschaftshilfe": 4): that walks
  // most of the term tree (3× the time per keystroke at 10 000 items) and matches unrelated words.
  // Two typos are what people make.
  maxFuzzy: 2,
  combineWith: 'AND',
  processTerm: foldGerman,
};

/** An offline full-text index over initiatives; results are positions in the indexed list. */
export interface InitiativeIndex {
  /**
   * Positions (into the indexed list) of the initiatives that match `query`, best first; `null`
   * when the query has no term of two or more characters (then nothing is filtered).
   */
  search(query: string): number[] | null;
}

function createMiniSearch(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({ fields: FIELDS, processTerm: indexTerms, searchOptions: SEARCH_OPTIONS });
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

const wrap = (mini: MiniSearch<Doc>): InitiativeIndex => ({
  search: (query) => {
    const terms = searchTerms(query);
    return terms.length ? mini.search(terms.join(' ')).map((r) => r.id as number) : null;
  },
});

/** Builds the index at once (tests, small lists). */
export function buildIndex(items: readonly Initiative[]): InitiativeIndex {
  const mini = createMiniSearch();
  mini.addAll(items.map(toDoc));
  return wrap(mini);
}

/** Builds the index in chunks, yielding to the page in between, so 10 000 items never freeze it. */
export async function buildIndexAsync(items: readonly Initiative[], chunkSize = 500): Promise<InitiativeIndex> {
  const mini = createMiniSearch();
  await mini.addAllAsync(items.map(toDoc), { chunkSize });
  return wrap(mini);
}

/** An index that is being built in the background; searching finishes it first. */
export interface BackgroundIndex extends InitiativeIndex {
  /** Resolves when every item is indexed. */
  readonly ready: Promise<void>;
}

/**
 * Starts indexing `items` in idle slices (a few milliseconds each), so the first page of cards
 * shows without waiting for the index (400 ms and more for 10 000 items). A search before the
 * index is complete indexes the rest at once; queries without a search term never wait for it.
 */
export function buildIndexInBackground(items: readonly Initiative[]): BackgroundIndex {
  const mini = createMiniSearch();
  let next = 0;
  let resolve!: () => void;
  const ready = new Promise<void>((r) => (resolve = r));
  // A few items at a time between clock reads; at least one batch per slice, so a page that is
  // never idle (rIC's timeout) still gets its index.
  const addUntil = (more: () => boolean): void => {
    do {
      const end = Math.min(items.length, next + 25);
      for (; next < end; next++) mini.add(toDoc(items[next]!, next));
    } while (next < items.length && more());
    if (next === items.length) resolve();
  };
  const slice = (deadline: IdleDeadlineLike): void => {
    addUntil(() => deadline.timeRemaining() > 1);
    if (next < items.length) whenIdle(slice);
  };
  if (items.length) whenIdle(slice);
  else resolve();
  const search = wrap(mini).search;
  return {
    ready,
    search: (query) => {
      if (!searchTerms(query).length) return null;
      addUntil(() => true);
      return search(query);
    },
  };
}
