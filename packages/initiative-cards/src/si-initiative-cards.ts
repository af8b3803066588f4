import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, initialState } from '@lit/task';
import { AdapterError, type DataAdapter, type Initiative } from '@sozial-innovativ/core';
import {
  SiElement, baseStyles, renderEmpty, renderError, renderLoading, renderNotices, writeJsonLd,
} from '@sozial-innovativ/core/elements';
import type { Catalog, QueryResult, ShowcaseFilter } from './catalog.js';
import { FACET_KEYS, SORT_KEYS, isSortKey, type FacetKey, type SortKey } from './keys.js';
import { itemListJsonLd } from './schema-org.js';
import { translator } from './format.js';
import type { InitiativeSelectDetail } from './si-initiative-card.js';
import { showcaseStyles } from './si-initiative-cards.styles.js';
import { parseList, readUrlState, writeUrlState } from './url-state.js';

/** Search index, facets, places and the validator: loaded with the data, not with the page. */
type CatalogModule = typeof import('./catalog.js');
const loadCatalog = (): Promise<CatalogModule> => import('./catalog.js');

export interface FilterChangeDetail {
  filter: ShowcaseFilter;
}

interface Loaded {
  lib: CatalogModule;
  catalog: Catalog;
  dropped: number;
  stale?: boolean;
  fetchedAt: number;
  hasEasy: boolean;
}

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
  return {
    kind: 'inline',
    initiatives: async () => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new AdapterError('parse', 'The inline JSON data is not valid JSON', undefined, { cause: e });
      }
      const list = Array.isArray(json) ? json : (json as { initiatives?: unknown } | null)?.initiatives;
      const { items, dropped } = (await loadCatalog()).validateInitiatives(list ?? []);
      return { items, dropped, fetchedAt: Date.now() };
    },
  };
}

/**
 * A searchable, filterable showcase of social initiatives in Saxony: offline full-text search
 * (umlaut-folding, typo-tolerant), facets with counts, "near me" by town, district or postcode
 * without any request, sorting, paging, a details dialog per card and schema.org JSON-LD.
 *
 * Progressive enhancement: without `adapter`/`src`/`<si-data-source>`, the showcase reads a
 * child `<script type="application/json">` in the core Initiative format. Other light-DOM
 * content (e.g. a server-rendered list) is shown while loading or on error, and hidden once the
 * showcase renders its own list.
 *
 * @summary Searchable, filterable showcase of initiatives with near-me, paging and JSON-LD.
 * @slot - Server-rendered fallback content, shown until the data is ready.
 * @csspart heading - The showcase heading (`heading` attribute).
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
 * @cssprop --si-initiative-gap - Gap between cards and sections (default `--si-space`).
 * @cssprop --si-initiative-card-min-width - Narrowest card in the grid (default `17em`).
 * @fires si-initiative-select - `{ initiative }` when a visitor opens an initiative (from the card).
 * @fires si-filter-change - `{ filter }` when the visitor changes search, filters, place or sort.
 */
export class SiInitiativeCards extends SiElement {
  static override styles = [baseStyles, showcaseStyles];

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

  /** Keep search, filters and the open initiative in the page URL (`?si-q=…&si-initiative=…`). */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Hide the filter panel (preset filters from attributes still apply). */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  /** A heading (`<h2>`) above the showcase. */
  @property() heading = '';

  /** Do not write schema.org JSON-LD into the light DOM. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;

  @state() private shown = 24;
  @state() private postcode = '';
  @state() private postcodeUnknown = false;

  @query('#q') private searchInput?: HTMLInputElement;

  private inline?: DataAdapter;
  private pendingOpen?: string;
  private result?: { key: string; catalog: Catalog; value: QueryResult };

  private readonly task = new Task(this, {
    task: async ([adapter], { signal }): Promise<Loaded | typeof initialState> => {
      if (!adapter) return initialState;
      if (!adapter.initiatives) throw new AdapterError('unsupported', 'The data source has no initiatives');
      const [r, lib] = await Promise.all([adapter.initiatives({}, { signal }), loadCatalog()]);
      const catalog = await lib.Catalog.createAsync(r.items);
      signal.throwIfAborted();
      return { lib, catalog, dropped: r.dropped, stale: r.stale, fetchedAt: r.fetchedAt, hasEasy: r.items.some((x) => x.easyLanguage) };
    },
    args: () => [this.adapterInUse] as const,
  });

  private get adapterInUse(): DataAdapter | undefined {
    return this.source.adapter ?? (this.source.unconfigured ? this.inline : undefined);
  }

  /** The current search, filters, place and sort. */
  get filter(): ShowcaseFilter {
    const { q, topics, kinds, targetGroups, districts, towns, near } = this;
    return { q, topics, kinds, targetGroups, districts, towns, near, sort: isSortKey(this.sort) ? this.sort : DEFAULT_SORT };
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
    this.q = '';
    this.near = '';
    this.postcode = '';
    this.postcodeUnknown = false;
    if (!this.hideFilters) for (const key of FACET_KEYS) this[key] = [];
    if (this.sort === 'distance') this.sort = DEFAULT_SORT;
    this.changed();
    void this.updateComplete.then(() => this.searchInput?.focus());
  }

  private readonly readUrl = (): void => {
    const state = readUrlState(new URLSearchParams(location.search));
    const { initiative, ...filter } = state;
    Object.assign(this, filter);
    this.pendingOpen = initiative;
  };

  private writeUrl(initiative?: string): void {
    if (!this.syncUrl) return;
    const params = writeUrlState(new URLSearchParams(location.search), { ...this.filter, initiative }, DEFAULT_SORT);
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }

  private changed(): void {
    this.emit<FilterChangeDetail>('si-filter-change', { filter: this.filter });
    this.writeUrl();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const filterChanged = (['q', 'sort', 'near', 'pageSize', ...FACET_KEYS] as const).some((k) => changed.has(k));
    if (filterChanged || !this.hasUpdated) this.shown = Math.max(1, this.pageSize);
  }

  private query(catalog: Catalog): QueryResult {
    const filter = this.filter;
    const key = JSON.stringify(filter);
    if (this.result?.catalog !== catalog || this.result.key !== key) {
      this.result = { key, catalog, value: catalog.query(filter) };
    }
    return this.result.value;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const data = this.task.value;
    if (!data || this.noJsonld) {
      if (this.noJsonld) writeJsonLd(this, undefined);
      return;
    }
    const { positions } = this.query(data.catalog);
    const visible = positions.slice(0, this.shown).map((p) => data.catalog.items[p]!);
    writeJsonLd(this, itemListJsonLd(visible, positions.length));
    if (this.pendingOpen) this.openPending(data.catalog, positions);
  }

  /** Opens the initiative named in the URL once it is loaded, showing more cards if needed. */
  private openPending(catalog: Catalog, positions: number[]): void {
    const id = this.pendingOpen;
    const index = positions.findIndex((p) => catalog.items[p]!.id === id);
    if (index < 0) {
      this.pendingOpen = undefined;
      return;
    }
    if (index >= this.shown) {
      this.shown = Math.ceil((index + 1) / this.pageSize) * this.pageSize;
      return;
    }
    this.pendingOpen = undefined;
    const card = this.renderRoot.querySelectorAll('si-initiative-card')[index];
    void card?.updateComplete.then(() => card.showDetails());
  }

  private async showMore(): Promise<void> {
    const first = this.shown;
    this.shown += this.pageSize;
    await this.updateComplete;
    const card = this.renderRoot.querySelectorAll('si-initiative-card')[first];
    await card?.updateComplete;
    card?.focus();
  }

  protected override render() {
    const lang = this.language;
    const fallback = html`<slot></slot>`;
    if (!this.adapterInUse) return html`${renderLoading(lang)}${fallback}`;
    return this.task.render({
      initial: () => html`${renderLoading(lang)}${fallback}`,
      pending: () => html`${renderLoading(lang)}${fallback}`,
      error: (e) => html`${renderError(lang, e, () => void this.task.run())}${fallback}`,
      complete: (data) => this.renderShowcase(data as Loaded),
    });
  }

  private renderShowcase(data: Loaded): TemplateResult {
    const lang = this.language;
    const t = translator(lang);
    const { catalog } = data;
    const heading = this.heading ? html`<h2 part="heading">${this.heading}</h2>` : nothing;
    const notices = renderNotices(lang, data);
    if (!catalog.items.length) return html`${heading}${notices}${renderEmpty(t('emptyAll'))}`;
    const result = this.query(catalog);
    const { positions, place, km } = result;
    const total = positions.length;
    const visible = positions.slice(0, this.shown);
    const status = t('found', total) + (this.filter.sort === 'distance' && place ? t('sortedByDistance', place.name) : '');
    return html`${heading}${notices}
      ${this.renderControls(data, result)}
      ${this.hideFilters ? nothing : this.renderFacets(catalog, result)}
      <p class="status" part="status" role="status">${status}</p>
      ${total
        ? html`<ul class="results" part="results" aria-label=${t('results')}
            @si-initiative-select=${(e: CustomEvent<InitiativeSelectDetail>) => this.writeUrl(e.detail.initiative.id)}
            @si-details-close=${() => this.writeUrl()}>
            ${repeat(visible, (p) => catalog.items[p]!.id, (p, i) => this.renderItem(catalog.items[p]!, i, total, km?.[p]))}
          </ul>
          ${total > visible.length
            ? html`<div class="pagination" part="pagination">
                <p>${t('showing', visible.length, total)}</p>
                <button type="button" class="si-button" @click=${this.showMore}>${t('more')}</button>
              </div>`
            : nothing}`
        : renderEmpty(t('empty'), { label: t('resetFilters'), onClick: () => this.resetFilters() })}`;
  }

  private renderItem(x: Initiative, i: number, total: number, km: number | undefined): TemplateResult {
    return html`<li aria-setsize=${total} aria-posinset=${i + 1}>
      <si-initiative-card .initiative=${x} .distance=${km} details no-jsonld lang=${this.language} layout=${this.layout}
        ?easy-read=${this.easyRead} exportparts="card, image, title, dialog"></si-initiative-card>
    </li>`;
  }

  private renderControls(data: Loaded, result: QueryResult): TemplateResult {
    const lang = this.language;
    const t = translator(lang);
    const sort = this.filter.sort;
    const placeName = result.place?.name;
    return html`<div class="controls" part="controls">
      <div class="field search" part="search" role="search">
        <label for="q">${t('search')} <span class="hint">(${t('searchHint')})</span></label>
        <input id="q" type="search" autocomplete="off" .value=${this.q}
          @input=${(e: Event) => { this.q = (e.target as HTMLInputElement).value; this.changed(); }} />
      </div>
      <div class="field">
        <label for="near">${t('near')}</label>
        <select id="near" @change=${this.onNearSelect}>
          <option value="" ?selected=${!placeName}>${t('nearNone')}</option>
          ${data.lib.SAXON_DISTRICTS.map((d) => html`<optgroup label=${d}>${data.lib.SAXON_PLACES.filter((p) => p.district === d).map(
            (p) => html`<option ?selected=${p.name === placeName}>${p.name}</option>`)}</optgroup>`)}
        </select>
      </div>
      <div class="field">
        <label for="plz">${t('postcode')}</label>
        <input id="plz" type="text" inputmode="numeric" autocomplete="postal-code" maxlength="5" pattern="[0-9]{5}"
          aria-describedby="plz-note" aria-invalid=${this.postcodeUnknown ? 'true' : 'false'} .value=${this.postcode} @input=${this.onPostcode} />
        <span id="plz-note" class="hint" role="status">${this.postcodeUnknown ? t('postcodeUnknown') : ''}</span>
      </div>
      <div class="field">
        <label for="sort">${t('sort')}</label>
        <select id="sort" @change=${(e: Event) => { this.sort = (e.target as HTMLSelectElement).value as SortKey; this.changed(); }}>
          ${SORT_KEYS.map((k) => html`<option value=${k} ?selected=${k === sort} ?disabled=${k === 'distance' && !placeName}>${t(`sort.${k}`)}</option>`)}
        </select>
      </div>
      ${data.hasEasy && lang === 'de'
        ? html`<button type="button" class="si-button" aria-pressed=${this.easyRead ? 'true' : 'false'}
            @click=${() => (this.easyRead = !this.easyRead)}>${t('easyRead')}</button>`
        : nothing}
    </div>`;
  }

  private onNearSelect(e: Event): void {
    this.near = (e.target as HTMLSelectElement).value;
    this.postcode = '';
    this.postcodeUnknown = false;
    this.sort = this.near ? 'distance' : this.sort === 'distance' ? DEFAULT_SORT : this.sort;
    this.changed();
  }

  private onPostcode(e: Event): void {
    const value = (e.target as HTMLInputElement).value.trim();
    this.postcode = value;
    const complete = /^\d{5}$/.test(value);
    const place = complete ? this.task.value?.lib.placeForPostcode(value) : undefined;
    this.postcodeUnknown = complete && !place;
    if (place) {
      this.near = value;
      this.sort = 'distance';
      this.changed();
    } else if (/^\d{5}$/.test(this.near)) {
      this.near = '';
      if (this.sort === 'distance') this.sort = DEFAULT_SORT;
      this.changed();
    }
  }

  private renderFacets(catalog: Catalog, result: QueryResult): TemplateResult {
    const t = translator(this.language);
    const active = FACET_KEYS.reduce((n, k) => n + this[k].length, 0);
    return html`<details class="facets" part="facets" ?open=${active > 0}>
      <summary>${t('filters')}${active ? html` <span class="count-detail">(${t('activeFilters', active)})</span>` : nothing}</summary>
      <div class="facet-groups">
        ${FACET_KEYS.map((key) => this.renderFacet(key, catalog.facetValues[key], result.counts[key]))}
      </div>
    </details>`;
  }

  private renderFacet(key: FacetKey, values: string[], counts: Uint32Array) {
    if (!values.length) return nothing;
    const t = translator(this.language);
    const selected = new Set(this[key]);
    return html`<fieldset>
      <legend>${t(`facet.${key}`)}</legend>
      ${values.map((value, i) => {
        const label = key === 'kinds' ? t(`kind.${value}` as 'kind.initiative') : value;
        return html`<label class=${counts[i] ? '' : 'zero'}><input type="checkbox" .checked=${selected.has(value)}
          @change=${(e: Event) => this.toggle(key, value, (e.target as HTMLInputElement).checked)} />${label} (${counts[i]})</label>`;
      })}
    </fieldset>`;
  }

  private toggle(key: FacetKey, value: string, on: boolean): void {
    this[key] = on ? [...this[key], value] : this[key].filter((v) => v !== value);
    this.changed();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-initiative-cards': SiInitiativeCards;
  }
  // 'si-filter-change' is already in GlobalEventHandlersEventMap, typed by <si-event-calendar>
  // with its own filter; TypeScript allows one type per key, so this widget's detail is
  // `FilterChangeDetail` (exported) until core declares a shared one.
}
