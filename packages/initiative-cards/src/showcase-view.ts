import { css, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { SAXON_DISTRICTS, SAXON_PLACES, placeForPostcode, type Initiative, type Lang } from '@sozial-innovativ/core';
import { renderEmpty, renderNotices, writeJsonLd } from '@sozial-innovativ/core/elements';
import { Catalog, type QueryResult, type ShowcaseFilter } from './catalog.js';
import { FACET_KEYS, SORT_KEYS, type FacetKey, type SortKey } from './keys.js';
import { whenIdle } from './idle.js';
import type { Translate } from './messages.js';
import { itemListJsonLd } from './schema-org.js';
import type { InitiativeSelectDetail } from './si-initiative-card.js';
import type { SiInitiativeCards } from './si-initiative-cards.js';
import { writeLocationState } from './url-state.js';

// The showcase once data has arrived: search, place, sort, facets, the result list and paging.
// Loaded with the data (together with the search index and the place list), so the first load
// carries only the element, its loading and error states and the card.

export { Catalog };

/** What the showcase keeps per data load. */
export interface Loaded {
  catalog: Catalog;
  dropped: number;
  stale?: boolean;
  fetchedAt: number;
  hasEasy: boolean;
}

const styles = css`
  :host {
    --_gap: var(--si-initiative-gap, var(--_space));
    --_min-card: var(--si-initiative-card-min-width, 17em);
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

/** The data state of `host`, with its styles added to the shadow root on first use. */
export function renderShowcase(host: SiInitiativeCards, data: Loaded, lang: Lang, t: Translate): TemplateResult {
  const root = host.renderRoot as ShadowRoot;
  const sheet = styles.styleSheet!;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const { catalog } = data;
  const heading = host.heading ? html`<h2 part="heading">${host.heading}</h2>` : nothing;
  const notices = renderNotices(lang, data);
  if (!catalog.items.length) return html`${heading}${notices}${renderEmpty(t('emptyAll'))}`;
  const result = host.query(catalog);
  const { positions, place, km } = result;
  const total = positions.length;
  const visible = positions.slice(0, host.shown);
  const status = t('found', total) + (host.filter.sort === 'distance' && place ? t('sortedByDistance', place.name) : '');
  return html`${heading}${notices}
    ${renderControls(host, data, result, lang, t)}
    ${host.hideFilters ? nothing : renderFacets(host, catalog, result, t)}
    <p class="status" part="status" role="status">${status}</p>
    ${total
      ? html`<ul class="results" part="results" aria-label=${t('results')}
          @si-initiative-select=${(e: CustomEvent<InitiativeSelectDetail>) => host.writeUrl(e.detail.initiative.id)}
          @si-details-close=${() => host.writeUrl()}>
          ${visible.map((p, i) => renderItem(host, catalog.items[p]!, i, total, km?.[p], lang))}
        </ul>
        ${total > visible.length
          ? html`<div class="pagination" part="pagination">
              <p>${t('showing', visible.length, total)}</p>
              <button type="button" class="si-button" @click=${() => showMore(host)}>${t('more')}</button>
            </div>`
          : nothing}`
      : renderEmpty(t('empty'), { label: t('resetFilters'), onClick: () => host.resetFilters() })}`;
}

// Not keyed: a new result reuses the card elements in place and only sets `.initiative`, instead
// of removing up to a page of cards and creating new ones (shadow roots, styles) per keystroke.
const renderItem = (host: SiInitiativeCards, x: Initiative, i: number, total: number, km: number | undefined, lang: Lang) =>
  html`<li aria-setsize=${total} aria-posinset=${i + 1}>
    <si-initiative-card .initiative=${x} .distance=${km} details no-jsonld lang=${lang} layout=${host.layout}
      ?easy-read=${host.easyRead} exportparts="card, image, title, dialog"></si-initiative-card>
  </li>`;

const cardsOf = (host: SiInitiativeCards) => host.renderRoot.querySelectorAll('si-initiative-card');

async function showMore(host: SiInitiativeCards): Promise<void> {
  const first = host.shown;
  host.shown += host.pageSize;
  await host.updateComplete;
  const card = cardsOf(host)[first];
  await card?.updateComplete;
  card?.focus();
}

/**
 * `filter` and the open initiative into the page URL's fragment (`sync-url`); the rest of the URL
 * stays. `replaceState`, like the calendar: no history entry per keystroke, no `hashchange`.
 */
export function writeUrl(filter: ShowcaseFilter, initiative?: string): void {
  const { search, hash } = writeLocationState(location.search, location.hash, { ...filter, initiative }, 'relevance');
  history.replaceState(history.state, '', `${location.pathname}${search}${hash}`);
}

/** JSON-LD waiting for idle time, per showcase: the latest state is written once. */
const pendingJsonLd = new WeakMap<SiInitiativeCards, Catalog>();
/** The data load each showcase has written JSON-LD for: its first page is written at once. */
const jsonLdWritten = new WeakMap<SiInitiativeCards, Catalog>();

/**
 * Writes the shown page as JSON-LD if an update has scheduled it. It is for search engines, so
 * it waits for idle time instead of taking a share of every keystroke; `updateComplete` (tests,
 * scripts) writes it at once.
 */
export function flushJsonLd(host: SiInitiativeCards): void {
  const catalog = pendingJsonLd.get(host);
  if (!catalog) return;
  pendingJsonLd.delete(host);
  if (host.noJsonld || host.task.value?.catalog !== catalog) return;
  const { positions } = host.query(catalog);
  jsonLdWritten.set(host, catalog);
  writeJsonLd(host, itemListJsonLd(positions.slice(0, host.shown).map((p) => catalog.items[p]!), positions.length));
}

/** After each update: the shown page as JSON-LD (in idle time), and the initiative named in the URL opened. */
export function afterUpdate(host: SiInitiativeCards, { catalog }: Loaded): void {
  const { positions } = host.query(catalog);
  if (!host.noJsonld) {
    if (!pendingJsonLd.has(host)) whenIdle(() => flushJsonLd(host), 1000);
    pendingJsonLd.set(host, catalog);
    // With the data (a crawler's first look), not in idle time.
    if (jsonLdWritten.get(host) !== catalog) flushJsonLd(host);
  }
  const id = host.pendingOpen;
  if (!id) return;
  const index = positions.findIndex((p) => catalog.items[p]!.id === id);
  if (index >= host.shown) {
    // Show enough pages first; the next update opens it.
    host.shown = Math.ceil((index + 1) / host.pageSize) * host.pageSize;
    return;
  }
  host.pendingOpen = undefined;
  const card = cardsOf(host)[index];
  void card?.updateComplete.then(() => card.showDetails());
}

function renderControls(host: SiInitiativeCards, data: Loaded, result: QueryResult, lang: Lang, t: Translate): TemplateResult {
  const sort = host.filter.sort;
  const placeName = result.place?.name;
  return html`<div class="controls" part="controls">
    <div class="field search" part="search" role="search">
      <label for="q">${t('search')} <span class="hint">(${t('searchHint')})</span></label>
      <input id="q" type="search" autocomplete="off" .value=${host.q}
        @input=${(e: Event) => host.changed({ q: (e.target as HTMLInputElement).value })} />
    </div>
    <div class="field">
      <label for="near">${t('near')}</label>
      <select id="near" @change=${(e: Event) => onNearSelect(host, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!placeName}>${t('nearNone')}</option>
        ${guard([placeName], () => SAXON_DISTRICTS.map((d) => html`<optgroup label=${d}>${SAXON_PLACES.filter((p) => p.district === d).map(
          (p) => html`<option ?selected=${p.name === placeName}>${p.name}</option>`)}</optgroup>`))}
      </select>
    </div>
    <div class="field">
      <label for="plz">${t('postcode')}</label>
      <input id="plz" type="text" inputmode="numeric" autocomplete="postal-code" maxlength="5" pattern="[0-9]{5}"
        aria-describedby="plz-note" aria-invalid=${host.postcodeUnknown ? 'true' : 'false'} .value=${host.postcode}
        @input=${(e: Event) => onPostcode(host, (e.target as HTMLInputElement).value.trim())} />
      <span id="plz-note" class="hint" role="status">${host.postcodeUnknown ? t('postcodeUnknown') : ''}</span>
    </div>
    <div class="field">
      <label for="sort">${t('sort')}</label>
      <select id="sort" @change=${(e: Event) => host.changed({ sort: (e.target as HTMLSelectElement).value as SortKey })}>
        ${SORT_KEYS.map((k) => html`<option value=${k} ?selected=${k === sort} ?disabled=${k === 'distance' && !placeName}>${t(`sort.${k}`)}</option>`)}
      </select>
    </div>
    ${data.hasEasy && lang === 'de'
      ? html`<button type="button" class="si-button" aria-pressed=${host.easyRead ? 'true' : 'false'}
          @click=${() => (host.easyRead = !host.easyRead)}>${t('easyRead')}</button>`
      : nothing}
  </div>`;
}

/** Leaving distance order when the place goes away. */
const sortWithout = (sort: SortKey): SortKey => (sort === 'distance' ? 'relevance' : sort);

function onNearSelect(host: SiInitiativeCards, near: string): void {
  host.postcode = '';
  host.postcodeUnknown = false;
  host.changed({ near, sort: near ? 'distance' : sortWithout(host.sort) });
}

function onPostcode(host: SiInitiativeCards, value: string): void {
  host.postcode = value;
  const complete = /^\d{5}$/.test(value);
  const place = complete ? placeForPostcode(value) : undefined;
  host.postcodeUnknown = complete && !place;
  if (place) host.changed({ near: value, sort: 'distance' });
  else if (/^\d{5}$/.test(host.near)) host.changed({ near: '', sort: sortWithout(host.sort) });
}

function renderFacets(host: SiInitiativeCards, catalog: Catalog, result: QueryResult, t: Translate): TemplateResult {
  const active = FACET_KEYS.reduce((n, k) => n + host[k].length, 0);
  return html`<details class="facets" part="facets" ?open=${active > 0}>
    <summary>${t('filters')}${active ? html` <span class="hint">(${t('activeFilters', active)})</span>` : nothing}</summary>
    <div class="facet-groups">
      ${FACET_KEYS.map((key) => renderFacet(host, key, catalog.facetValues[key], result.counts[key], t))}
    </div>
  </details>`;
}

function renderFacet(host: SiInitiativeCards, key: FacetKey, values: string[], counts: Uint32Array, t: Translate) {
  if (!values.length) return nothing;
  const selected = new Set(host[key]);
  const toggle = (value: string, on: boolean) => host.changed({ [key]: on ? [...host[key], value] : host[key].filter((v) => v !== value) });
  return html`<fieldset>
    <legend>${t(`facet.${key}`)}</legend>
    ${values.map((value, i) => {
      const label = key === 'kinds' ? t(`kind.${value}` as 'kind.initiative') : value;
      return html`<label class=${counts[i] ? '' : 'zero'}><input type="checkbox" .checked=${selected.has(value)}
        @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} />${label} (${counts[i]})</label>`;
    })}
  </fieldset>`;
}
