import { soon, whenIdle, type Initiative } from '@sozial-innovativ/core';
import type { IndexBuilder, InitiativeIndex } from './search.js';
import { searchTerms } from './terms.js';

/**
 * The longest slice of indexing, in milliseconds: short enough that keys typed meanwhile show
 * within a frame or two. (10 000 initiatives take some 300 ms in all.)
 */
export const INDEX_SLICE_MS = 8;

/** A search index that is loaded and built in the background. */
export interface BackgroundIndex {
  /**
   * Like `InitiativeIndex.search`, and `undefined` while the index is not complete: then the
   * search waits, and the rest is indexed without waiting for idle time (still in short slices).
   */
  search(query: string): number[] | null | undefined;
  /** Resolves when every item is indexed. */
  readonly ready: Promise<void>;
}

const load = (): Promise<typeof import('./search.js')> => import('./search.js');

/**
 * Starts indexing `items` once the page is idle: loads the search module (MiniSearch, not part of
 * the first render) and adds items in idle slices of a few milliseconds. A search before then
 * hurries it: the module loads at once and the slices follow each other as soon as the page has
 * handled input, so the page never freezes. Queries without a search term never wait.
 */
export function indexInBackground(items: readonly Initiative[]): BackgroundIndex {
  let resolve!: () => void;
  const ready = new Promise<void>((r) => (resolve = r));
  let index: InitiativeIndex | undefined;
  let builder: IndexBuilder | undefined;
  let loading: Promise<void> | undefined;
  let hurried = false;
  // The current chain of slices: a hurried chain replaces the idle one, whose callback then ends.
  let chain = 0;

  const slice = (ms: number): void => {
    if (builder!.add(ms)) {
      index = builder!.index;
      // What waits (the search typed meanwhile, its rendering) in a task of its own, not in this slice's.
      soon(resolve);
    } else next();
  };
  const next = (): void => {
    const mine = ++chain;
    if (hurried) soon(() => mine === chain && slice(INDEX_SLICE_MS));
    else whenIdle((deadline) => mine === chain && slice(Math.min(INDEX_SLICE_MS, deadline.timeRemaining() - 1)));
  };
  const start = (): Promise<void> =>
    (loading ??= load().then(
      (search) => {
        builder = search.startIndex(items);
        next();
      },
      () => {
        // The module did not arrive (offline): the next search tries again.
        loading = undefined;
      },
    ));

  if (items.length) whenIdle(() => void start());
  else {
    index = { search: (query) => (searchTerms(query).length ? [] : null) };
    resolve();
  }
  return {
    ready,
    search(query) {
      if (!searchTerms(query).length) return null;
      if (index) return index.search(query);
      if (!hurried) {
        hurried = true;
        if (builder) next();
      }
      void start();
      return undefined;
    },
  };
}
