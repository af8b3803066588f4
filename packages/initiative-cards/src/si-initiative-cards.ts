import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { AdapterError, createAdapter, type DataAdapter, type Lang } from '@sozial-innovativ/core';
import { SiElement, renderError, renderLoading, writeJsonLd } from '@sozial-innovativ/core/elements';
import type { InitiativeCollection, QueryResult } from './collection.js';
import type { CardsFilterChangeDetail } from './events/si-filter-change.js';
import type { InitiativeSelectDetail } from './events/si-initiative-select.js';
import { FACET_KEYS, isSortKey, type CardsFilter, type SortKey } from './keys.js';
import { localeFor } from './messages.js';
import type { JsonLdState, Loaded } from './cards-view.js';
import { parseList, readLocationState } from './url-state.js';

// The events this element fires (their `GlobalEventHandlersEventMap` entries come with them).
export type { CardsFilterChangeDetail, InitiativeSelectDetail };

/**
 * The data state (controls, facets, results) with the search index, facets and places: loaded
 * with the data, not with the page.
 */
type View = typeof import('./cards-view.js');
const loadView = (): Promise<View> => import('./cards-view.js');

const listConverter = { fromAttribute: parseList, toAttribute: (v: string[]) => v.join(', ') };
const DEFAULT_SORT: SortKey = 'relevance';

/**
 * Reads initiatives from a child `<script type="application/json">` (an array, or
 * `{ "initiatives": [...] }`) for progressive enhancement of server-rendered pages.
 */
function inlineAdapter(host: HTMLElement): DataAdapter | undefined {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (!script) return undefined;
  const text = script.textContent ?? '';
  // Parsing and validating is the json adapter's job; this only hands the text over.
  let adapter: Promise<DataAdapter> | undefined;
  const json = () =>
    (adapter ??= (async () => {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        throw new AdapterError('parse', 'The inline JSON data is not valid JSON', undefined, { cause: e });
      }
      return createAdapter('json', { data: Array.isArray(data) ? { initiatives: data } : data });
    })());
  return {
    kind: 'inline',
    initiatives: async (query, options) => (await json()).initiatives!(query, options),
  };
}

/**
 * Searchable, filterable cards of social initiatives in Saxony: offline full-text search
 * (umlaut-folding, typo-tolerant), facets with counts, "near me" by town, district or postcode
 * without any request, sorting, paging, a details dialog per card and schema.org JSON-LD.
 *
 * Progressive enhancement: without `adapter`/`src`/`<si-data-source>`, the element reads a
 * child `<script type="application/json">` in the core Initiative format. Other light-DOM
 * content (e.g. a server-rendered list) is shown while loading or on error, and hidden once the
 * element renders its own list.
 *
 * @tagname si-initiative-cards
 * @summary Searchable, filterable cards of initiatives with near-me, paging and JSON-LD.
 * @slot - Server-rendered fallback content, shown until the data is ready.
 * @csspart heading - The heading (`heading` attribute).
 * @csspart controls - The row with search, place, sort.
 * @csspart search - The search field's wrapper (`role=search`).
 * @csspart facets - The filter disclosure (`<details>`).
 * @csspart status - The live region with the result count.
 * @csspart results - The `<ul>` of cards.
 * @csspart pagination - The "show more" area.
 * @csspart card - Each card's `<article>` (forwarded).
 * @csspart image - Each card's image box (forwarded).
 * @csspart title - Each card's heading (forwarded).
 * @csspart dialog - The details dialog (forwarded).
 * @csspart state - Loading, error and empty states (from core).
 * @csspart retry-button - Retry after an error.
 * @csspart reset-button - Reset the filters when nothing matches.
 * @csspart notice - Notes on stale or partly invalid data and the Upper Sorbian preview.
 * @cssprop --si-initiative-cards-gap - Gap between cards and sections (default `--si-space`; was `--si-initiative-gap`, which still works).
 * @cssprop --si-initiative-cards-min-card-width - Narrowest card in the grid (default `17em`; was `--si-initiative-card-min-width`, which still works).
 * @cssprop --si-color-text - Text colour.
 * @cssprop --si-color-muted - Secondary text, hints and facet values without matches.
 * @cssprop --si-color-surface - Background of the fields.
 * @cssprop --si-color-surface-alt - Background of states and notices.
 * @cssprop --si-color-accent - Buttons and checkboxes.
 * @cssprop --si-color-border - Borders of the fields and the filter panel.
 * @cssprop --si-color-focus - Focus outline.
 * @cssprop --si-radius - Corner radius.
 * @cssprop --si-space - Base spacing.
 * @cssprop --si-font-family - Font (inherits the page's by default).
 * @cssprop --si-font-size - Base font size.
 * @fires {CustomEvent<InitiativeSelectDetail>} si-initiative-select - `{ initiative }` when a visitor opens an initiative (from the card). Cancelable.
 * @fires {CustomEvent<CardsFilterChangeDetail>} si-filter-change - `{ filter }` (`CardsFilter`) when the visitor changes search, filters, place or sort.
 */
export class SiInitiativeCards extends SiElement {
  /** `grid` or `list`. */
  @property({ reflect: true }) layout: 'grid' | 'list' = 'grid';

  /** `relevance` (best match while searching, else name), `name`, `newest`, `checked`, `distance`. */
  @property() sort: SortKey = DEFAULT_SORT;

  /** Search text. */
  @property() q = '';

  /** Topics to show (comma-separated in the attribute). */
  @property({ converter: listConverter }) topics: string[] = [];

  /** Kinds to show: `initiative`, `organisation`, `social-enterprise`, `project`, `network`, `public-body`. */
  @property({ converter: listConverter }) kinds: string[] = [];

  /** Target groups to show (comma-separated). */
  @property({ converter: listConverter, attribute: 'target-groups' }) targetGroups: string[] = [];

  /** Districts (Landkreis or kreisfreie Stadt) to show (comma-separated). */
  @property({ converter: listConverter }) districts: string[] = [];

  /** Towns to show (comma-separated). */
  @property({ converter: listConverter }) towns: string[] = [];

  /** A town, district or five-digit postcode to measure distances from. No request is made. */
  @property() near = '';

  /** Cards per page; "show more" adds another page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 24;

  /**
   * Keep search, filters and the open initiative in the page URL's fragment
   * (`#si-q=…&si-initiative=…`), which is never sent to the server. Older links with these keys
   * in the query still work; the keys then move into the fragment.
   */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Hide the filter panel (preset filters from attributes still apply). */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  /** A heading (`<h2>`) above the cards. */
  @property() heading = '';

  /** Do not write schema.org JSON-LD into the light DOM. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;

  /** Cards shown (pages × page size). */
  @state() private shown = 24;
  /** The postcode field's text. */
  @state() private postcode = '';
  /** Whether a complete postcode is not among the shipped places. */
  @state() private postcodeUnknown = false;
  /** The initiative from the URL whose details open once it is loaded. */
  private pendingOpen?: string;

  private inline?: DataAdapter;
  private result?: { key: string; collection: InitiativeCollection; value: QueryResult };
  /** The data load whose search index a pending result waits for. */
  private waitingFor?: InitiativeCollection;
  private readonly locale = localeFor(this, () => this.language);

  private readonly task = new Task(this, {
    task: async ([adapter], { signal }): Promise<(Loaded & { view: View }) | typeof initialState> => {
      if (!adapter) return initialState;
      if (!adapter.initiatives) throw new AdapterError('unsupported', 'The data source has no initiatives');
      // The view, and the texts of a language other than German, load while the data does.
      const [r, view] = await Promise.all([adapter.initiatives({}, { signal }), loadView(), this.locale.ready()]);
      const collection = view.InitiativeCollection.createInBackground(r.items);
      signal.throwIfAborted();
      return { view, collection, dropped: r.dropped, stale: r.stale, fetchedAt: r.fetchedAt, hasEasy: r.items.some((x) => x.easyLanguage) };
    },
    args: () => [this.adapterInUse] as const,
  });

  private get adapterInUse(): DataAdapter | undefined {
    return this.source.adapter ?? (this.source.unconfigured ? this.inline : undefined);
  }

  /** The current search, filters, place and sort. */
  get filter(): CardsFilter {
    const { q, topics, kinds, targetGroups, districts, towns, near } = this;
    return { q, topics, kinds, targetGroups, districts, towns, near, sort: isSortKey(this.sort) ? this.sort : DEFAULT_SORT };
  }

  /** Resolves when the interface texts for the current language are loaded (English, Upper Sorbian). */
  messagesReady(): Promise<void> {
    return this.locale.ready();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.inline ??= inlineAdapter(this);
    if (this.syncUrl) {
      this.readUrl();
      window.addEventListener('popstate', this.readUrl);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.readUrl);
  }

  /** Clears search, place and (unless `hide-filters`) the filters. */
  resetFilters(): void {
    this.postcode = '';
    this.postcodeUnknown = false;
    if (!this.hideFilters) for (const key of FACET_KEYS) this[key] = [];
    this.changed({ q: '', near: '', sort: this.sort === 'distance' ? DEFAULT_SORT : this.sort });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#q')?.focus());
  }

  private readonly readUrl = (): void => {
    const { initiative, ...filter } = readLocationState(location.search, location.hash);
    Object.assign(this, filter);
    this.pendingOpen = initiative;
  };

  /** Writes the filter (and the open initiative) into the URL with `sync-url`. */
  private writeUrl(initiative?: string): void {
    if (!this.syncUrl) return;
    // The writer comes with the view: at once when it is there, else once it has loaded.
    const view = this.task.value?.view;
    if (view) view.writeUrl(this.filter, initiative);
    else void loadView().then((v) => v.writeUrl(this.filter, initiative));
  }

  /** Applies a visitor's change to the filter and announces it. */
  private changed(patch: Partial<CardsFilter>): void {
    Object.assign(this, patch);
    this.emit('si-filter-change', { filter: this.filter });
    this.writeUrl();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const filterChanged = (['q', 'sort', 'near', 'pageSize', ...FACET_KEYS] as const).some((k) => changed.has(k));
    if (filterChanged || !this.hasUpdated) this.shown = Math.max(1, this.pageSize);
  }

  /**
   * The result for the current filter, computed once per filter and data load. A search before
   * the index is complete gives a `pending` result; the index then updates the element once,
   * with whatever the filter is by then (typing on adds no work).
   */
  private query(collection: InitiativeCollection): QueryResult {
    const filter = this.filter;
    const key = JSON.stringify(filter);
    if (this.result?.collection !== collection || this.result.key !== key) {
      this.result = { key, collection, value: collection.query(filter) };
      if (this.result.value.pending && this.waitingFor !== collection) {
        this.waitingFor = collection;
        void collection.searchReady.then(() => {
          this.waitingFor = undefined;
          if (this.result?.value.pending) this.result = undefined;
          this.requestUpdate();
        });
      }
    }
    return this.result.value;
  }

  /** What the JSON-LD is written from, read when it is written (in idle time). */
  private readonly jsonLdState = (): JsonLdState | undefined => {
    const collection = this.task.value?.collection;
    return this.noJsonld || !collection ? undefined : { collection, result: this.query(collection), shown: this.shown };
  };

  private cards(): NodeListOf<HTMLElementTagNameMap['si-initiative-card']> {
    return this.renderRoot.querySelectorAll('si-initiative-card');
  }

  /** Another page, with focus on its first card. */
  private async showMore(): Promise<void> {
    const first = this.shown;
    this.shown += this.pageSize;
    await this.updateComplete;
    const card = this.cards()[first];
    await card?.updateComplete;
    card?.focus();
  }

  /** Opens the initiative named in the URL once it is among the cards shown. */
  private openPending(collection: InitiativeCollection): void {
    const id = this.pendingOpen;
    if (!id) return;
    const result = this.query(collection);
    // Cards are reused in place: the one at this place will show another initiative once the search has its index.
    if (result.pending) return;
    const { positions } = result;
    const index = positions.findIndex((p) => collection.items[p]!.id === id);
    if (index >= this.shown) {
      // Show enough pages first; the next update opens it.
      this.shown = Math.ceil((index + 1) / this.pageSize) * this.pageSize;
      return;
    }
    this.pendingOpen = undefined;
    const card = this.cards()[index];
    void card?.updateComplete.then(() => card.showDetails());
  }

  /**
   * Also waits for a search typed before the search index was complete (until it shows its
   * result), and writes the JSON-LD that otherwise waits for idle time.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let r = this.result; r?.value.pending; r = this.result) {
      await r.collection.searchReady;
      done = await super.getUpdateComplete();
    }
    this.task.value?.view.flushJsonLd(this, this.jsonLdState);
    return done;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.noJsonld) writeJsonLd(this, undefined);
    const data = this.task.value;
    if (!data) return;
    if (!this.noJsonld) data.view.scheduleJsonLd(this, data.collection, this.jsonLdState);
    this.openPending(data.collection);
  }

  private renderData({ view, ...data }: Loaded & { view: View }, lang: Lang): TemplateResult {
    // The view's styles come with it, as a constructed sheet (CSP-safe).
    const root = this.renderRoot as ShadowRoot;
    const sheet = view.styles.styleSheet!;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return view.renderCards({
      lang,
      t: this.locale.t,
      data,
      result: this.query(data.collection),
      filter: this.filter,
      heading: this.heading,
      layout: this.layout,
      easyRead: this.easyRead,
      hideFilters: this.hideFilters,
      shown: this.shown,
      postcode: this.postcode,
      postcodeUnknown: this.postcodeUnknown,
      onChange: (change) => {
        const patch = typeof change === 'function' ? change(this.filter) : change;
        if (patch) this.changed(patch);
      },
      onPostcode: (postcode, unknown) => {
        this.postcode = postcode;
        this.postcodeUnknown = unknown;
      },
      onEasyRead: () => (this.easyRead = !this.easyRead),
      onShowMore: () => void this.showMore(),
      onReset: () => this.resetFilters(),
      onDetails: (initiative) => this.writeUrl(initiative),
    });
  }

  protected override render() {
    const lang = this.language;
    // Server-rendered content stays visible until the element has its own list.
    const fallback = html`<slot></slot>`;
    const loading = () => [renderLoading(lang), fallback];
    if (!this.adapterInUse) return loading();
    return this.task.render({
      initial: loading,
      pending: loading,
      error: (e) => [renderError(lang, e, () => void this.task.run()), fallback],
      complete: (data) => this.renderData(data, lang),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-initiative-cards': SiInitiativeCards;
  }
}
