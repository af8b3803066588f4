import MiniSearch, { type SearchOptions } from 'minisearch';
import { foldText, type Initiative } from '@sozial-innovativ/core';
import { NON_ASCII, foldGerman, searchTerms } from './terms.js';

// The search index (MiniSearch): `<si-initiative-cards>` loads this module with `import()` when
// the index is first wanted (idle time after the first page of cards, or the first search), so
// the first render neither downloads nor waits for it (see `background-index.ts`).

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

/** An index built a slice at a time by its caller, who decides when each slice runs. */
export interface IndexBuilder {
  /** Searches what is indexed so far (all of it once `add` has returned `true`). */
  readonly index: InitiativeIndex;
  /**
   * Indexes items for about `ms` milliseconds (at least a few, so every slice makes progress)
   * and says whether every item is now indexed.
   */
  add(ms: number): boolean;
}

/** Starts an index of `items` that `add` fills slice by slice, in list order. */
export function startIndex(items: readonly Initiative[]): IndexBuilder {
  const mini = createMiniSearch();
  let next = 0;
  return {
    index: wrap(mini),
    add(ms) {
      const until = performance.now() + ms;
      // A few items between clock reads: one takes some 0.03 ms at 10 000 items.
      do {
        const end = Math.min(items.length, next + 25);
        for (; next < end; next++) mini.add(toDoc(items[next]!, next));
      } while (next < items.length && performance.now() < until);
      return next === items.length;
    },
  };
}
