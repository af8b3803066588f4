import { css, html, nothing, type TemplateResult } from 'lit';
import type { DayEvent } from './days.js';
import { facets } from './facets.js';
import type { CalendarFilter } from './filter.js';
import type { Translate } from './messages.js';

/**
 * The filter form, with the choices the data offers. Imported as the calendar connects (in
 * parallel with its data); `hide-filters` and upcoming mode never load it. In a narrow container
 * the choices fold into a "Filter (2 aktiv)" disclosure under the search field, so a phone shows
 * events in its first screen.
 */

/** The form's German texts (see `addMessages` in messages.ts). */
export const messages = {
  filters: 'Veranstaltungen filtern',
  topic: 'Thema',
  allTopics: 'Alle Themen',
  town: 'Ort',
  allTowns: 'Alle Orte',
  format: 'Format',
  allFormats: 'Alle Formate',
  anyTime: 'Alle Termine',
  'preset.week': 'Diese Woche',
  'preset.month': 'Dieser Monat',
  search: 'Suche',
  filterToggle: 'Filter',
  activeFilters: (n: number) => `${n} aktiv`,
};

export const styles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11em), 1fr));
    gap: 0.5em 0.75em;
    align-items: end;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    font-weight: 600;
  }
  select,
  input {
    min-height: 2.75em;
    min-width: 0;
    padding: 0.3em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 400;
  }
  .reset {
    justify-self: start;
  }
  details {
    grid-column: 1 / -1;
  }
  summary {
    min-height: 2.75em;
    padding-block: 0.6em;
    cursor: pointer;
    font-weight: 600;
  }
  details .filters {
    padding: 0;
    border: 0;
  }
  @media print {
    .filters {
      display: none;
    }
  }
`;

const options = (pairs: string[][], selected: string) =>
  pairs.map(([value, label]) => html`<option value=${value!} ?selected=${value === selected}>${label ?? value}</option>`);

/** "All …", a preset selection that the data lacks (so it stays visible), then what the data has. */
const facetOptions = (all: string[], selected: string[], allLabel: string) => {
  const value = selected.join('\n');
  const extra = !value || (selected.length < 2 && all.includes(value)) ? [] : [[value, selected.join(', ')]];
  return options([['', allLabel], ...extra, ...all.map((x) => [x])], value);
};

export interface FilterProps {
  t: Translate;
  filter: CalendarFilter;
  active: boolean;
  /** The events loaded: their topics and towns are the choices. */
  events: readonly DayEvent[];
  /** A visitor changed one field (raw: the calendar normalizes it). */
  change: (field: Partial<Record<keyof CalendarFilter, unknown>>) => void;
  reset: () => void;
  /** Fold the choices (all but the search field) into a disclosure. */
  collapsed?: boolean;
}

export function renderFilters({ t, filter: f, active, events, change, reset, collapsed }: FilterProps): TemplateResult {
  const { topics, towns } = facets(events);
  const onInput = (e: Event) => {
    const { name, value } = e.target as HTMLInputElement | HTMLSelectElement;
    // Multiple preset topics or towns are one option, joined by line breaks.
    change({ [name]: name === 'topics' || name === 'towns' ? value.split('\n') : value });
  };
  const field = (label: string, control: TemplateResult) => html`<label><span>${label}</span>${control}</label>`;
  const choices = html`${field(t('topic'), html`<select name="topics" @change=${onInput}>${facetOptions(topics, f.topics, t('allTopics'))}</select>`)}
    ${field(t('town'), html`<select name="towns" @change=${onInput}>${facetOptions(towns, f.towns, t('allTowns'))}</select>`)}
    ${field(t('format'), html`<select name="format" @change=${onInput}>${options([['', t('allFormats')], ...(['onsite', 'online', 'hybrid'] as const).map((x) => [x, t(`format.${x}`)])], f.format)}</select>`)}
    ${field(t('period'), html`<select name="preset" @change=${onInput}>${options([['', t('anyTime')], ...(['week', 'month'] as const).map((x) => [x, t(`preset.${x}`)])], f.preset)}</select>`)}`;
  const search = field(t('search'), html`<input type="search" name="q" .value=${f.q} @input=${onInput} autocomplete="off" />`);
  const resetButton = active ? html`<button type="button" class="si-button reset" part="reset-button" @click=${reset}>${t('resetFilters')}</button>` : nothing;
  // The choices folded away count as active when set; the search field stays in sight.
  const folded = [f.topics.length, f.towns.length, f.format, f.preset].filter(Boolean).length;
  return html`<form class="filters" part="filters" role="search" aria-label=${t('filters')} @submit=${(e: Event) => e.preventDefault()}>
    ${collapsed
      ? html`${search}<details part="filter-toggle">
          <summary>${t('filterToggle')}${folded ? ` (${t('activeFilters', folded)})` : ''}</summary>
          <div class="filters">${choices}</div>
        </details>${resetButton}`
      : html`${choices}${search}${resetButton}`}
  </form>`;
}
