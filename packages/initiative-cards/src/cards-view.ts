import { css, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { SAXON_DISTRICTS, SAXON_PLACES, placeForPostcode, whenIdle, type Initiative, type Lang } from '@sozial-innovativ/core';
import { renderEmpty, renderNotices, writeJsonLd } from '@sozial-innovativ/core/elements';
import { InitiativeCollection, type QueryResult } from './collection.js';
import { FACET_KEYS, SORT_KEYS, type CardsFilter, type FacetKey, type SortKey } from './keys.js';
import type { Translate } from './messages.js';
import { itemListJsonLd } from './to-json-ld.js';
import { writeLocationState } from './url-state.js';

// `<si-initiative-cards>` once data has arrived: search, place, sort, facets, the result list and
// paging. Loaded with the data (together with the search index and the place list), so the first
// load carries only the element, its loading and error states and the card.

export { InitiativeCollection };

/** What `<si-initiative-cards>` keeps per data load. */
export interface Loaded {
  collection: InitiativeCollection;
  dropped: number;
  stale?: boolean;
  fetchedAt: number;
  hasEasy: boolean;
}

const styles = css`
  :host {
    /* The older names (--si-initiative-gap, --si-initiative-card-min-width) still work. */
    --_gap: var(--si-initiative-cards-gap, var(--si-initiative-gap, var(--_space)));
    --_min-card: var(--si-initiative-cards-min-card-width, var(--si-initiative-card-min-width, 17em));
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em var(--_gap);
  }
  .controls,
  .facets {
    margin-block-end: var(--_gap);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .search {
    flex: 1 1 18em;
  }
  label,
  legend,
  summary,
  .status {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    font-weight: normal;
  }
  input:not([type='checkbox']),
  select {
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  #plz {
    width: 7em;
  }
  .facets,
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    padding: 0.6em var(--_space);
    cursor: pointer;
  }
  .facet-groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: var(--_gap);
    padding: 0 var(--_space) var(--_space);
  }
  fieldset {
    margin: 0;
    padding: 0.5em 0.75em;
  }
  fieldset label {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2em;
    font-weight: normal;
  }
  fieldset input {
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_accent);
  }
  .zero {
    color: var(--_muted);
  }
  .status {
    margin-block: 0.5em;
  }
  .results {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min-card)), 1fr));
    gap: var(--_gap);
    padding: 0;
    list-style: none;
  }
  :host([layout='list']) .results {
    grid-template-columns: 1fr;
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-block-start: var(--_gap);
  }
  h2 {
    font-size: 1.5em;
    margin-block-end: 0.5em;
  }
`;

/** The view's styles; the element adds them to its shadow root when it first shows data. */
export { styles };

/** What the view shows (the element's state) and what a visitor's actions call back. */
export interface CardsViewProps {
  lang: Lang;
  t: Translate;
  data: Loaded;
  /** The result for `filter` in `data.collection`. */
  result: QueryResult;
  filter: CardsFilter;
  heading: string;
  layout: 'grid' | 'list';
  easyRead: boolean;
  hideFilters: boolean;
  /** Cards shown (pages × page size). */
  shown: number;
  /** The postcode field's text. */
  postcode: string;
  /** Whether a complete postcode is not among the shipped places. */
  postcodeUnknown: boolean;
  /**
   * A visitor's change to the filter: a patch, or a function of the filter at that moment (which
   * may be newer than this render's `filter`, e.g. after two clicks in one frame) returning one.
   */
  onChange: (change: FilterChange) => void;
  /** The postcode field's text, and whether it is a complete postcode that is not among the places. */
  onPostcode: (postcode: string, unknown: boolean) => void;
  /** Switches easy-read texts on or off. */
  onEasyRead: () => void;
  onShowMore: () => void;
  onReset: () => void;
  /** A card's details opened (with the initiative's id) or closed (without). */
  onDetails: (initiative?: string) => void;
}

export type FilterChange = Partial<CardsFilter> | ((current: CardsFilter) => Partial<CardsFilter> | undefined);

/** The data state: controls, facets, the result list and paging. */
export function renderCards(props: CardsViewProps): TemplateResult {
  const { lang, t, data, result, filter, shown } = props;
  const { collection } = data;
  const heading = props.heading ? html`<h2 part="heading">${props.heading}</h2>` : nothing;
  const notices = renderNotices(lang, data);
  if (!collection.items.length) return html`${heading}${notices}${renderEmpty(t('emptyAll'))}`;
  const { total, place, km } = result;
  const visible = result.first(shown);
  // While a search waits for the index, the other filters' result stays, marked busy.
  const status = result.pending
    ? t('searchPreparing')
    : t('found', total) + (filter.sort === 'distance' && place ? t('sortedByDistance', place.name) : '');
  return html`${heading}${notices}
    ${renderControls(props)}
    ${props.hideFilters ? nothing : renderFacets(props)}
    <p class="status" part="status" role="status">${status}</p>
    ${total
      ? html`<ul class="results" part="results" aria-label=${t('results')} aria-busy=${result.pending ? 'true' : nothing}
          @si-initiative-select=${(e: HTMLElementEventMap['si-initiative-select']) => props.onDetails(e.detail.initiative.id)}
          @si-details-close=${() => props.onDetails()}>
          ${visible.map((p, i) => renderItem(props, collection.items[p]!, i, total, km?.[p]))}
        </ul>
        ${total > visible.length
          ? html`<div class="pagination" part="pagination">
              <p>${t('showing', visible.length, total)}</p>
              <button type="button" class="si-button" @click=${props.onShowMore}>${t('more')}</button>
            </div>`
          : nothing}`
      : renderEmpty(t('empty'), { label: t('resetFilters'), onClick: props.onReset })}`;
}

// Not keyed: a new result reuses the card elements in place and only sets `.initiative`, instead
// of removing up to a page of cards and creating new ones (shadow roots, styles) per keystroke.
const renderItem = ({ lang, layout, easyRead }: CardsViewProps, x: Initiative, i: number, total: number, km: number | undefined) =>
  html`<li aria-setsize=${total} aria-posinset=${i + 1}>
    <si-initiative-card .initiative=${x} .distance=${km} details no-jsonld lang=${lang} layout=${layout}
      ?easy-read=${easyRead} exportparts="card, image, title, dialog"></si-initiative-card>
  </li>`;

/**
 * `filter` and the open initiative into the page URL's fragment (`sync-url`); the rest of the URL
 * stays. `replaceState`, like the calendar: no history entry per keystroke, no `hashchange`.
 */
export function writeUrl(filter: CardsFilter, initiative?: string): void {
  const { search, hash } = writeLocationState(location.search, location.hash, { ...filter, initiative }, 'relevance');
  history.replaceState(history.state, '', `${location.pathname}${search}${hash}`);
}

/** What the JSON-LD is written from: the data load, the result and the cards shown. */
export interface JsonLdState {
  collection: InitiativeCollection;
  result: QueryResult;
  shown: number;
}

/** Reads the state when the JSON-LD is written; `undefined` when none is to be written (`no-jsonld`). */
export type ReadJsonLd = () => JsonLdState | undefined;

/** JSON-LD waiting for idle time, per element: the latest state is written once. */
const pendingJsonLd = new WeakMap<HTMLElement, InitiativeCollection>();
/** The data load each element has written JSON-LD for: its first page is written at once. */
const jsonLdWritten = new WeakMap<HTMLElement, InitiativeCollection>();

/**
 * Writes the shown page as JSON-LD into `target`'s light DOM if an update has scheduled it. It is
 * for search engines, so it waits for idle time instead of taking a share of every keystroke;
 * `updateComplete` (tests, scripts) writes it at once.
 */
export function flushJsonLd(target: HTMLElement, read: ReadJsonLd): void {
  const collection = pendingJsonLd.get(target);
  if (!collection) return;
  pendingJsonLd.delete(target);
  const state = read();
  // Data loaded since it was scheduled: that load schedules its own.
  if (state?.collection !== collection) return;
  jsonLdWritten.set(target, collection);
  const { result, shown } = state;
  writeJsonLd(target, itemListJsonLd(result.first(shown).map((p) => collection.items[p]!), result.total));
}

/** After an update with data: the shown page as JSON-LD, in idle time (the first page of a data load at once). */
export function scheduleJsonLd(target: HTMLElement, collection: InitiativeCollection, read: ReadJsonLd): void {
  if (!pendingJsonLd.has(target)) whenIdle(() => flushJsonLd(target, read), 1000);
  pendingJsonLd.set(target, collection);
  // With the data (a crawler's first look), not in idle time.
  if (jsonLdWritten.get(target) !== collection) flushJsonLd(target, read);
}

function renderControls(props: CardsViewProps): TemplateResult {
  const { lang, t, filter, result, onChange } = props;
  const sort = filter.sort;
  const placeName = result.place?.name;
  return html`<div class="controls" part="controls">
    <div class="field search" part="search" role="search">
      <label for="q">${t('search')} <span class="hint">(${t('searchHint')})</span></label>
      <input id="q" type="search" autocomplete="off" .value=${filter.q}
        @input=${(e: Event) => onChange({ q: (e.target as HTMLInputElement).value })} />
    </div>
    <div class="field">
      <label for="near">${t('near')}</label>
      <select id="near" @change=${(e: Event) => onNearSelect(props, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!placeName}>${t('nearNone')}</option>
        ${guard([placeName], () => SAXON_DISTRICTS.map((d) => html`<optgroup label=${d}>${SAXON_PLACES.filter((p) => p.district === d).map(
          (p) => html`<option ?selected=${p.name === placeName}>${p.name}</option>`)}</optgroup>`))}
      </select>
    </div>
    <div class="field">
      <label for="plz">${t('postcode')}</label>
      <input id="plz" type="text" inputmode="numeric" autocomplete="postal-code" maxlength="5" pattern="[0-9]{5}"
        aria-describedby="plz-note" aria-invalid=${props.postcodeUnknown ? 'true' : 'false'} .value=${props.postcode}
        @input=${(e: Event) => onPostcode(props, (e.target as HTMLInputElement).value.trim())} />
      <span id="plz-note" class="hint" role="status">${props.postcodeUnknown ? t('postcodeUnknown') : ''}</span>
    </div>
    <div class="field">
      <label for="sort">${t('sort')}</label>
      <select id="sort" @change=${(e: Event) => onChange({ sort: (e.target as HTMLSelectElement).value as SortKey })}>
        ${SORT_KEYS.map((k) => html`<option value=${k} ?selected=${k === sort} ?disabled=${k === 'distance' && !placeName}>${t(`sort.${k}`)}</option>`)}
      </select>
    </div>
    ${props.data.hasEasy && lang === 'de'
      ? html`<button type="button" class="si-button" aria-pressed=${props.easyRead ? 'true' : 'false'}
          @click=${props.onEasyRead}>${t('easyRead')}</button>`
      : nothing}
  </div>`;
}

/** Leaving distance order when the place goes away. */
const sortWithout = (sort: SortKey): SortKey => (sort === 'distance' ? 'relevance' : sort);

function onNearSelect({ onPostcode, onChange }: CardsViewProps, near: string): void {
  onPostcode('', false);
  onChange(({ sort }) => ({ near, sort: near ? 'distance' : sortWithout(sort) }));
}

function onPostcode({ onPostcode, onChange }: CardsViewProps, value: string): void {
  const complete = /^\d{5}$/.test(value);
  const place = complete ? placeForPostcode(value) : undefined;
  onPostcode(value, complete && !place);
  if (place) onChange({ near: value, sort: 'distance' });
  else onChange(({ near, sort }) => (/^\d{5}$/.test(near) ? { near: '', sort: sortWithout(sort) } : undefined));
}

function renderFacets(props: CardsViewProps): TemplateResult {
  const { t, filter } = props;
  const active = FACET_KEYS.reduce((n, k) => n + filter[k].length, 0);
  return html`<details class="facets" part="facets" ?open=${active > 0}>
    <summary>${t('filters')}${active ? html` <span class="hint">(${t('activeFilters', active)})</span>` : nothing}</summary>
    <div class="facet-groups">
      ${FACET_KEYS.map((key) => renderFacet(props, key))}
    </div>
  </details>`;
}

function renderFacet({ t, filter, data, result, onChange }: CardsViewProps, key: FacetKey) {
  const values = data.collection.facetValues[key];
  const counts = result.counts[key];
  if (!values.length) return nothing;
  const selected = new Set(filter[key]);
  const toggle = (value: string, on: boolean) =>
    onChange((current) => ({ [key]: on ? [...current[key], value] : current[key].filter((v) => v !== value) }));
  return html`<fieldset>
    <legend>${t(`facet.${key}`)}</legend>
    ${values.map((value, i) => {
      const label = key === 'kinds' ? t(`kind.${value}` as 'kind.initiative') : value;
      return html`<label class=${counts[i] ? '' : 'zero'}><input type="checkbox" .checked=${selected.has(value)}
        @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} />${label} (${counts[i]})</label>`;
    })}
  </fieldset>`;
}
