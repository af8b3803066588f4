import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import {
  AdapterError, ISO_DATE, addDays, createTranslator, dateFormat, dayKey, safeUrl, supports, toEpoch,
  type CalendarEvent, type Lang, type Result,
} from '@sozial-innovativ/core';
import { SiElement, renderEmpty, renderError, renderLoading, renderNotices } from '@sozial-innovativ/core/elements';
import { agendaRows, groupByDay, indexEvents, upcomingRows, type AgendaRow, type DayEvent } from './days.js';
import {
  emptyFilter, facets, filterEvents, isFilterActive, normalizeFilter, presetRange, sameFilter, type CalendarFilter,
} from './filter.js';
import { calendarMessages } from './messages.js';
import { addMonths, monthGrid, monthStart, moveDay, sameMonth } from './month.js';
import { styles } from './si-event-calendar.styles.js';
import { readFragment, writeFragment } from './url-state.js';

export type CalendarView = 'list' | 'month';
export interface EventSelectDetail {
  event: CalendarEvent;
}
export interface RangeChangeDetail {
  /** First day shown, `YYYY-MM-DD`. */
  from: string;
  /** Day after the last day shown (exclusive), `YYYY-MM-DD`. */
  to: string;
  view: CalendarView;
}
export interface FilterChangeDetail {
  filter: CalendarFilter;
}

interface Loaded {
  result: Result<CalendarEvent>;
  index: DayEvent[];
  byId: Map<string, DayEvent>;
}

/** Agenda rows rendered at once; "show more" adds as many again. */
const PAGE = 50;
/** Event chips in a day cell before "+N more" (with more, one line goes to the "+N more" button). */
const CHIPS = 3;
/** Containers narrower than this many `em` show the agenda instead of the month grid. */
const NARROW_EM = 36;
/** Upcoming mode looks this far ahead at most. */
const UPCOMING_MONTHS = [3, 6, 12, 24];

const utcNoon = (day: string) => Date.parse(`${day}T12:00:00Z`);
const isoDay = (raw: string | undefined) => (raw && ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined);
const isoInstant = (day: string) => new Date(toEpoch(day)).toISOString();

/**
 * An accessible event calendar: an agenda list (the default, and automatic in narrow
 * containers), a month grid with the WAI-ARIA grid keyboard model, an "upcoming N events"
 * mode, filters, event details in a dialog and "add to calendar" as an `.ics` download made
 * in the browser.
 *
 * @tagname si-event-calendar
 * @summary Event calendar with agenda, month grid, filters, details and .ics download.
 *
 * @csspart base - The whole calendar (a labelled region).
 * @csspart heading - The optional heading from `heading`.
 * @csspart toolbar - Title, navigation, view switch and subscribe link.
 * @csspart title - The visible month or period.
 * @csspart nav-button - Previous, today and next buttons.
 * @csspart view-button - The list and month buttons.
 * @csspart subscribe-link - "Subscribe to calendar" (when the source has a feed).
 * @csspart filters - The filter form.
 * @csspart body - The area that shows the list, the grid or a state (has `aria-busy` while loading).
 * @csspart list - The agenda list.
 * @csspart list-item - One agenda row.
 * @csspart event - A button that opens an event's details.
 * @csspart more-button - "Show more" under a long agenda.
 * @csspart month - The month grid.
 * @csspart day - A day cell in the month grid.
 * @csspart event-chip - An event in a day cell.
 * @csspart more-link - "+N more" in a day cell.
 * @csspart dialog - The event and day dialogs.
 * @csspart close-button - The close button of a dialog.
 * @csspart ics-button - "Add to my calendar (.ics)".
 * @csspart status - The cancelled/postponed badge.
 * @csspart state - Loading, error and empty states (from core).
 * @csspart retry-button - Retry after an error.
 * @csspart reset-button - Reset the filters.
 * @csspart notice - Notes on stale or partly invalid data and the Upper Sorbian preview.
 *
 * @cssprop --si-event-calendar-accent - Accent colour (falls back to `--si-color-accent`).
 * @cssprop --si-event-calendar-today - Background of today's cell (falls back to `--si-color-surface-alt`).
 * @cssprop --si-event-calendar-cancelled - Colour of the cancelled badge (falls back to `--si-color-danger`).
 * @cssprop --si-event-calendar-cell-height - Minimum height of a day cell (default `6.5em`).
 * @cssprop --si-color-text - Text colour.
 * @cssprop --si-color-muted - Secondary text.
 * @cssprop --si-color-surface - Background.
 * @cssprop --si-color-surface-alt - Background of states, weekday row and cells outside the month.
 * @cssprop --si-color-accent - Links, buttons, chips.
 * @cssprop --si-color-border - Borders.
 * @cssprop --si-color-focus - Focus outline.
 * @cssprop --si-radius - Corner radius.
 * @cssprop --si-space - Base spacing.
 * @cssprop --si-font-family - Font (inherits the page's by default).
 * @cssprop --si-font-size - Base font size.
 *
 * @fires si-event-select - A visitor opens an event. `detail: { event }`. Cancelable: call
 *   `preventDefault()` to show your own details instead of the dialog.
 * @fires si-range-change - The shown period changed (and is being loaded). `detail: { from, to, view }`, days, `to` exclusive.
 * @fires si-filter-change - A visitor changed a filter. `detail: { filter }`.
 */
export class SiEventCalendar extends SiElement {
  static override styles = [...SiElement.styles, styles];

  /** `list` (agenda, default) or `month`. Narrow containers always show the list. */
  @property() view: CalendarView = 'list';

  /** ISO date (`2026-10-21`) to start at: the list's first day or a day of the month. Default: today. */
  @property() date?: string;

  /** Upcoming mode: show only the next N events from now, without navigation or filters. */
  @property({ type: Number }) limit?: number;

  /** How many months the list view covers (1–24, default 12). */
  @property({ type: Number }) months = 12;

  /** Preset topic filter, comma-separated (`Wohnen, Pflege`). */
  @property() topics = '';

  /** Preset town filter, comma-separated (`Leipzig, Weißwasser`). */
  @property() towns = '';

  /** Preset format filter: `onsite`, `online` or `hybrid`. */
  @property() format = '';

  /** Preset free-text filter. */
  @property() q = '';

  /** Preset period: `week` (this week) or `month` (this month). */
  @property() preset = '';

  /** Keep view, date and filters in the URL fragment, so a link opens the same selection. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Hide the filter form (preset filters still apply). */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  /** A visible heading above the calendar; also names the region. */
  @property() heading?: string;

  /** The filter in use (for developers). Setting it replaces the filter like the attributes do. */
  get filter(): CalendarFilter {
    const f = this.filterState;
    return { ...f, topics: [...f.topics], towns: [...f.towns] };
  }
  set filter(value: Partial<CalendarFilter>) {
    this.filterState = normalizeFilter(value);
  }

  @state() private cursor = '';
  @state() private filterState: CalendarFilter = emptyFilter();
  @state() private narrow = false;
  @state() private shown = PAGE;
  @state() private selected?: DayEvent;
  @state() private openDay?: string;
  @state() private announcement = '';

  private loaded?: Loaded;
  private details?: typeof import('./details.js');
  private today = dayKey(Date.now());
  private resizeObserver?: ResizeObserver;
  private eventTrigger?: HTMLElement;
  private dayTrigger?: HTMLElement;
  private lastRangeKey = '';
  private announceCount = false;
  // Derived data, recomputed only when its inputs change (see willUpdate).
  private filtered: DayEvent[] = [];
  private rows: AgendaRow[] = [];
  private days = new Map<string, DayEvent[]>();
  private memo: unknown[] = [];

  private readonly loader = new Task(this, {
    args: () => {
      const { from, to } = this.range;
      const limit = this.upcomingLimit;
      return [this.source.adapter, limit ? '' : from, limit ? '' : to, limit, limit ? JSON.stringify(this.filterState) : ''] as const;
    },
    task: async ([adapter, from, to, limit], { signal }) => {
      if (!adapter) {
        if (this.source.unconfigured) throw new AdapterError('config', 'No data source: set src, adapter or wrap the calendar in <si-data-source>.');
        return initialState;
      }
      if (!supports(adapter, 'events')) throw new AdapterError('unsupported', `The ${adapter.kind} source has no events.`);
      let result: Result<CalendarEvent>;
      if (limit) {
        const now = Date.now();
        for (const months of UPCOMING_MONTHS) {
          result = await adapter.events!({ from: new Date(now).toISOString(), to: isoInstant(addMonths(this.today, months)) }, { signal });
          const index = indexEvents(result.items);
          if (upcomingRows(filterEvents(index, this.filterState, this.today), now, limit).length >= limit || months === UPCOMING_MONTHS.at(-1)) {
            return this.finishLoad(result, index);
          }
        }
      }
      result = await adapter.events!({ from: isoInstant(from), to: isoInstant(to) }, { signal });
      return this.finishLoad(result, indexEvents(result.items));
    },
  });

  private finishLoad(result: Result<CalendarEvent>, index: DayEvent[]): Loaded {
    const loaded = { result, index, byId: new Map(index.map((x) => [x.event.id, x])) };
    this.loaded = loaded;
    return loaded;
  }

  private get t() {
    return createTranslator(calendarMessages, this.language);
  }

  private get upcomingLimit(): number {
    return this.limit && this.limit > 0 ? Math.min(Math.floor(this.limit), 500) : 0;
  }

  /** The view on screen: narrow containers and upcoming mode show the list. */
  get effectiveView(): CalendarView {
    return this.upcomingLimit || this.narrow || this.view !== 'month' ? 'list' : 'month';
  }

  /** The days `[from, to)` on screen, which are the days asked of the adapter. */
  private get range(): { from: string; to: string } {
    const cursor = this.cursor || this.today;
    if (this.view === 'month' && !this.upcomingLimit) {
      if (this.effectiveView === 'month') {
        const grid = monthGrid(cursor);
        return { from: grid[0]!, to: addDays(grid[41]!, 1) };
      }
      return { from: monthStart(cursor), to: addMonths(monthStart(cursor), 1) };
    }
    const preset = presetRange(this.filterState.preset, this.today);
    if (preset) return { from: preset[0], to: preset[1] };
    const months = Math.min(24, Math.max(1, Math.floor(this.months) || 12));
    return { from: cursor, to: addMonths(cursor, months) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.today = dayKey(Date.now());
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver((entries) => {
        const width = entries[0]?.contentRect.width ?? 0;
        if (!width) return;
        const em = parseFloat(getComputedStyle(this).fontSize) || 16;
        const narrow = width < NARROW_EM * em;
        // Switching views resizes the element; doing it in the next frame keeps the observer
        // out of a resize loop.
        if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
      });
      this.resizeObserver.observe(this);
    }
    if (this.syncUrl) window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = () => this.readUrl();

  private readUrl(): boolean {
    const s = readFragment(location.hash, this.urlPrefix);
    if (!s) return false;
    if (s.view) this.view = s.view;
    if (s.date) this.cursor = s.date;
    if (s.filter) this.filterState = s.filter;
    return true;
  }

  private get urlPrefix(): string {
    return `${this.id || 'kalender'}-`;
  }

  private writeUrl(): void {
    if (!this.syncUrl) return;
    const hash = writeFragment(location.hash, this.urlPrefix, {
      view: this.view === 'month' ? 'month' : undefined,
      date: this.cursor && this.cursor !== (isoDay(this.date) ?? this.today) ? this.cursor : undefined,
      filter: this.filterState,
    });
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    if (first || changed.has('date')) this.cursor = isoDay(this.date) ?? this.today;
    if (first || changed.has('topics') || changed.has('towns') || changed.has('format') || changed.has('q') || changed.has('preset')) {
      this.filterState = normalizeFilter({ topics: this.topics, towns: this.towns, format: this.format, q: this.q, preset: this.preset });
    }
    if (first && this.syncUrl) this.readUrl();
    if (this.view !== 'list' && this.view !== 'month') this.view = 'list';

    const { from, to } = this.range;
    const index = this.loaded?.index;
    const inputs = [index, this.filterState, from, to, this.effectiveView, this.upcomingLimit];
    if (inputs.some((x, i) => x !== this.memo[i])) {
      const filterChanged = this.memo[0] === index && this.memo[1] !== this.filterState;
      this.memo = inputs;
      this.filtered = index ? filterEvents(index, this.filterState, this.today) : [];
      this.rows = this.upcomingLimit
        ? upcomingRows(this.filtered, Date.now(), this.upcomingLimit)
        : this.effectiveView === 'list' ? agendaRows(this.filtered, from, to) : [];
      this.days = this.effectiveView === 'month' ? groupByDay(this.filtered, from, to) : new Map();
      this.shown = PAGE;
      if (filterChanged && this.announceCount) {
        const n = this.effectiveView === 'month' ? new Set([...this.days.values()].flat()).size : this.rows.length;
        this.announcement = this.t('count', n);
        this.announceCount = false;
      }
    }
  }

  protected override updated(): void {
    const { from, to } = this.range;
    const key = `${from} ${to} ${this.effectiveView}`;
    if (key !== this.lastRangeKey && !this.upcomingLimit) {
      this.lastRangeKey = key;
      this.emit<RangeChangeDetail>('si-range-change', { from, to, view: this.effectiveView });
    }
  }

  // ── User actions ────────────────────────────────────────────────────────────────────────

  private setFilter(next: CalendarFilter): void {
    if (sameFilter(next, this.filterState)) return;
    if (next.preset && next.preset !== this.filterState.preset) this.cursor = this.today;
    this.filterState = next;
    this.announceCount = true;
    this.emit<FilterChangeDetail>('si-filter-change', { filter: this.filter });
    this.writeUrl();
  }

  private readonly onFilterInput = (e: Event) => {
    const field = e.target as HTMLInputElement | HTMLSelectElement;
    const f = { ...this.filterState };
    const value = field.value;
    switch (field.name) {
      case 'topics':
        f.topics = value ? value.split('\n') : [];
        break;
      case 'towns':
        f.towns = value ? value.split('\n') : [];
        break;
      case 'format':
      case 'preset':
      case 'q':
        (f as Record<string, unknown>)[field.name] = value;
        break;
    }
    this.setFilter(normalizeFilter(f));
  };

  private readonly resetFilters = () => this.setFilter(emptyFilter());

  private readonly setView = (e: Event) => {
    const view = (e.currentTarget as HTMLElement).dataset.view as CalendarView;
    if (view === this.view) return;
    this.view = view;
    this.writeUrl();
  };

  private readonly navigate = (e: Event) => {
    const step = Number((e.currentTarget as HTMLElement).dataset.step);
    const month = this.effectiveView === 'month' || this.view === 'month';
    const months = month ? 1 : Math.min(24, Math.max(1, Math.floor(this.months) || 12));
    const base = this.range.from;
    this.cursor = step === 0 ? this.today : month ? addMonths(this.cursor, step) : addMonths(base, step * months);
    if (this.filterState.preset) this.setFilter({ ...this.filterState, preset: '' });
    this.announcement = this.titleText(this.language);
    this.writeUrl();
  };

  private readonly showMore = async () => {
    const first = this.shown;
    this.shown += PAGE;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.agenda > li')[first]?.querySelector<HTMLElement>('button')?.focus();
  };

  private cell(day: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role=gridcell][data-day="${day}"]`);
  }

  private async focusDay(day: string): Promise<void> {
    const monthChanged = !sameMonth(day, this.cursor);
    this.cursor = day;
    if (monthChanged) {
      this.announcement = this.titleText(this.language);
      this.writeUrl();
    }
    await this.updateComplete;
    this.cell(day)?.focus();
  }

  private readonly onGridKey = (e: KeyboardEvent) => {
    const cell = (e.target as Element).closest<HTMLElement>('[role=gridcell]');
    const day = cell?.dataset.day;
    if (!day || e.altKey) return;
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'F2') {
      if (e.target !== cell) return; // a chip or "+N more" handles its own activation
      e.preventDefault();
      if (this.days.get(day)?.length) void this.openDayDialog(day, cell);
      return;
    }
    const next = moveDay(day, e.key, e);
    if (!next) return;
    e.preventDefault();
    void this.focusDay(next);
  };

  private readonly onGridClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const chip = target.closest<HTMLElement>('[data-id]');
    if (chip) return this.openEventById(chip.dataset.id!, chip);
    const more = target.closest<HTMLElement>('.more-link');
    const cell = target.closest<HTMLElement>('[role=gridcell]');
    if (!cell?.dataset.day) return;
    if (more) return void this.openDayDialog(cell.dataset.day, more);
    if (cell.dataset.day !== this.cursor) void this.focusDay(cell.dataset.day);
  };

  private readonly onEventClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    this.openEventById(button.dataset.id!, button);
  };

  private openEventById(id: string, trigger: HTMLElement): void {
    const item = this.loaded?.byId.get(id);
    if (item) void this.openEvent(item, trigger);
  }

  private async openEvent(item: DayEvent, trigger: HTMLElement): Promise<void> {
    if (!this.emit<EventSelectDetail>('si-event-select', { event: item.event })) return;
    // The details and the .ics writer load on first use: most visits never open an event.
    this.details ??= await import('./details.js');
    this.eventTrigger = trigger;
    this.selected = item;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.event-dialog')!;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.close')?.focus();
  }

  private async openDayDialog(day: string, trigger: HTMLElement): Promise<void> {
    this.dayTrigger = trigger;
    this.openDay = day;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.day-dialog')!;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.close')?.focus();
  }

  private readonly closeDialog = (e: Event) => {
    (e.currentTarget as HTMLElement).closest('dialog')?.close();
  };

  /** Focus goes back to what opened the dialog, or to the day cell when that is gone. */
  private readonly onEventDialogClose = () => {
    this.selected = undefined;
    this.restoreFocus(this.eventTrigger);
    this.eventTrigger = undefined;
  };

  private readonly onDayDialogClose = () => {
    this.openDay = undefined;
    this.restoreFocus(this.dayTrigger);
    this.dayTrigger = undefined;
  };

  private restoreFocus(trigger: HTMLElement | undefined): void {
    if (trigger?.isConnected) {
      // A chip or "+N more" is not a tab stop; the day cell keeps the grid's one tab stop.
      (trigger.closest<HTMLElement>('[role=gridcell]') ?? trigger).focus();
    } else {
      this.cell(this.cursor)?.focus();
    }
  }

  // ── Formatting ─────────────────────────────────────────────────────────────────────────

  private titleText(lang: Lang): string {
    const { from, to } = this.range;
    if (this.view === 'month' && !this.upcomingLimit) {
      return dateFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(this.cursor || this.today));
    }
    return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(utcNoon(from), utcNoon(addDays(to, -1)));
  }

  private dayText(lang: Lang, day: string, style: 'short' | 'long'): string {
    return dateFormat(lang, style === 'short'
      ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
      : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(day));
  }

  private timeText(lang: Lang, item: DayEvent): string {
    const e = item.event;
    if (e.allDay) return this.t('allDay');
    const f = dateFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: e.timeZone });
    return item.end > item.start && item.firstDay === item.lastDay ? `${f.format(item.start)}–${f.format(item.end)}` : f.format(item.start);
  }

  // ── Templates ──────────────────────────────────────────────────────────────────────────

  override render() {
    const lang = this.language;
    const t = this.t;
    const status = this.loader.status;
    const loading = status === TaskStatus.INITIAL || status === TaskStatus.PENDING;
    const upcoming = this.upcomingLimit > 0;
    const result = this.loaded?.result;
    const body =
      status === TaskStatus.ERROR
        ? renderError(lang, this.loader.error, () => void this.loader.run())
        : !this.loaded
          ? renderLoading(lang)
          : this.effectiveView === 'month' ? this.renderMonth(lang) : this.renderList(lang);
    return html`<section class="base" part="base" aria-label=${this.heading || (upcoming ? t('upcoming') : t('calendar'))}>
      ${this.heading ? html`<h2 class="heading" part="heading">${this.heading}</h2>` : nothing}
      ${renderNotices(lang, { dropped: result?.dropped, stale: result?.stale, fetchedAt: result?.fetchedAt })}
      ${upcoming ? nothing : this.renderToolbar(lang)}
      ${upcoming || this.hideFilters ? nothing : this.renderFilters()}
      <div class="body" part="body" aria-busy=${loading ? 'true' : 'false'}>${body}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.renderDayDialog(lang)} ${this.renderEventDialog(lang)}
    </section>`;
  }

  private renderToolbar(lang: Lang): TemplateResult {
    const t = this.t;
    const month = this.view === 'month';
    const feed = safeUrl(this.source.adapter?.feedUrl);
    const title = this.titleText(lang);
    return html`<div class="toolbar" part="toolbar">
      ${this.heading
        ? html`<h3 class="title" id="title" part="title">${title}</h3>`
        : html`<h2 class="title" id="title" part="title">${title}</h2>`}
      <div class="nav" role="group" aria-label=${t('period')}>
        <button type="button" class="si-button" part="nav-button" data-step="-1" aria-label=${month ? t('prevMonth') : t('prevRange')} @click=${this.navigate}><span aria-hidden="true">‹</span></button>
        <button type="button" class="si-button" part="nav-button" data-step="0" @click=${this.navigate}>${t('today')}</button>
        <button type="button" class="si-button" part="nav-button" data-step="1" aria-label=${month ? t('nextMonth') : t('nextRange')} @click=${this.navigate}><span aria-hidden="true">›</span></button>
      </div>
      ${this.narrow
        ? nothing
        : html`<div class="views" role="group" aria-label=${t('view')}>
            ${(['list', 'month'] as const).map(
              (v) => html`<button type="button" class="si-button" part="view-button" data-view=${v} aria-pressed=${this.view === v ? 'true' : 'false'} @click=${this.setView}>${t(`view.${v}`)}</button>`,
            )}
          </div>`}
      ${feed ? html`<a class="si-button subscribe" part="subscribe-link" href=${feed}>${t('subscribe')}</a>` : nothing}
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const f = this.filterState;
    const { topics, towns } = facets(this.loaded?.index ?? []);
    const options = (all: string[], selected: string[], allLabel: string) => {
      const value = selected.join('\n');
      const choices = selected.length > 1 ? [[value, selected.join(', ')], ...all.map((x) => [x, x])] : all.includes(value) || !value ? all.map((x) => [x, x]) : [[value, value], ...all.map((x) => [x, x])];
      return html`<option value="" ?selected=${!value}>${allLabel}</option>
        ${choices.map(([v, label]) => html`<option value=${v!} ?selected=${v === value}>${label}</option>`)}`;
    };
    const choice = (value: string, pairs: [string, string][]) =>
      pairs.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`);
    return html`<form class="filters" part="filters" role="search" aria-label=${t('filters')} @submit=${(e: Event) => e.preventDefault()}>
      <label class="field"><span>${t('topic')}</span>
        <select name="topics" @change=${this.onFilterInput}>${options(topics, f.topics, t('allTopics'))}</select></label>
      <label class="field"><span>${t('town')}</span>
        <select name="towns" @change=${this.onFilterInput}>${options(towns, f.towns, t('allTowns'))}</select></label>
      <label class="field"><span>${t('format')}</span>
        <select name="format" @change=${this.onFilterInput}>${choice(f.format, [['', t('allFormats')], ['onsite', t('format.onsite')], ['online', t('format.online')], ['hybrid', t('format.hybrid')]])}</select></label>
      <label class="field"><span>${t('period')}</span>
        <select name="preset" @change=${this.onFilterInput}>${choice(f.preset, [['', t('anyTime')], ['week', t('preset.week')], ['month', t('preset.month')]])}</select></label>
      <label class="field search"><span>${t('search')}</span>
        <input type="search" name="q" .value=${f.q} @input=${this.onFilterInput} autocomplete="off" /></label>
      ${isFilterActive(f) ? html`<button type="button" class="si-button reset" part="reset-button" @click=${this.resetFilters}>${t('resetFilters')}</button>` : nothing}
    </form>`;
  }

  private renderEmpty(): TemplateResult {
    const t = this.t;
    if (isFilterActive(this.filterState) && this.loaded?.index.length) {
      return renderEmpty(t('emptyFiltered'), { label: t('resetFilters'), onClick: this.resetFilters });
    }
    return renderEmpty(this.upcomingLimit ? t('emptyUpcoming') : t('empty'));
  }

  private renderStatus(e: CalendarEvent) {
    return e.status === 'scheduled'
      ? nothing
      : html`<span class="badge ${e.status}" part="status">${this.t(`status.${e.status}`)}</span> `;
  }

  private renderList(lang: Lang): TemplateResult {
    const rows = this.rows;
    if (!rows.length) return this.renderEmpty();
    const visible = this.upcomingLimit ? rows : rows.slice(0, this.shown);
    const total = rows.length;
    const t = this.t;
    return html`<ol class="agenda" part="list" aria-label=${this.upcomingLimit ? t('upcoming') : this.titleText(lang)}>
        ${visible.map((row, i) => {
          const e = row.item.event;
          const place = [e.location?.town, e.location?.name].filter(Boolean).join(' · ');
          const sameDay = i > 0 && visible[i - 1]!.day === row.day;
          return html`<li class="row ${e.status}" part="list-item" aria-setsize=${total} aria-posinset=${i + 1}>
            <p class="when">
              <span class="date ${sameDay ? 'repeat' : ''}">${this.dayText(lang, row.day, 'short')}</span>
              <span class="time">${this.timeText(lang, row.item)}</span>
            </p>
            <div class="what">
              <button type="button" class="event" part="event" data-id=${e.id} aria-haspopup="dialog" @click=${this.onEventClick}>${this.renderStatus(e)}<span class="event-title">${e.title}</span></button>
              ${place || e.format ? html`<p class="meta">${place}${e.format && e.format !== 'onsite' ? html`<span class="format">${t(`format.${e.format}`)}</span>` : nothing}</p>` : nothing}
            </div>
          </li>`;
        })}
      </ol>
      ${visible.length < total
        ? html`<button type="button" class="si-button more" part="more-button" @click=${this.showMore}>${t('showMore', visible.length, total)}</button>`
        : nothing}`;
  }

  private renderMonth(lang: Lang): TemplateResult {
    const t = this.t;
    const grid = monthGrid(this.cursor || this.today);
    const weekdayShort = dateFormat(lang, { weekday: 'short', timeZone: 'UTC' });
    const weekdayLong = dateFormat(lang, { weekday: 'long', timeZone: 'UTC' });
    const timeOnly = (item: DayEvent) => (item.event.allDay ? '' : dateFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: item.event.timeZone }).format(item.start));
    const weeks = [0, 1, 2, 3, 4, 5].map((w) => grid.slice(w * 7, w * 7 + 7));
    const anyEvents = this.days.size > 0;
    return html`${anyEvents ? nothing : this.renderEmpty()}
      <div class="month" part="month" role="grid" aria-labelledby="title" aria-describedby="grid-help" @keydown=${this.onGridKey} @click=${this.onGridClick}>
        <div class="week head" role="row">
          ${grid.slice(0, 7).map(
            (day) => html`<div class="weekday" role="columnheader"><span aria-hidden="true">${weekdayShort.format(utcNoon(day))}</span><span class="visually-hidden">${weekdayLong.format(utcNoon(day))}</span></div>`,
          )}
        </div>
        ${weeks.map(
          (week) => html`<div class="week" role="row">
            ${week.map((day) => {
              const items = this.days.get(day) ?? [];
              const chips = items.length > CHIPS ? items.slice(0, CHIPS - 1) : items;
              const more = items.length - chips.length;
              const outside = !sameMonth(day, this.cursor);
              const isToday = day === this.today;
              return html`<div role="gridcell" part="day" class="day ${outside ? 'outside' : ''} ${isToday ? 'today' : ''}" data-day=${day}
                  tabindex=${day === this.cursor ? '0' : '-1'} aria-current=${isToday ? 'date' : nothing}>
                <span class="num" aria-hidden="true">${Number(day.slice(8))}</span>
                <span class="visually-hidden day-label">${this.dayText(lang, day, 'long')}, ${items.length ? t('count', items.length) : t('noEvents')}</span>
                ${chips.map(
                  (item) => html`<button type="button" tabindex="-1" class="chip ${item.event.status}" part="event-chip" data-id=${item.event.id}>
                    ${timeOnly(item) ? html`<span class="chip-time">${timeOnly(item)}</span> ` : nothing}${item.event.title}</button>`,
                )}
                ${more > 0 ? html`<button type="button" tabindex="-1" class="more-link" part="more-link">${t('more', more)}</button>` : nothing}
              </div>`;
            })}
          </div>`,
        )}
      </div>
      <p id="grid-help" class="visually-hidden">${t('gridHelp')}</p>`;
  }

  private renderDayDialog(lang: Lang): TemplateResult {
    const day = this.openDay;
    const items = day ? (this.days.get(day) ?? []) : [];
    const t = this.t;
    return html`<dialog class="day-dialog" part="dialog" aria-labelledby="day-title" @close=${this.onDayDialogClose}>
      ${day
        ? html`<div class="dialog-head">
              <h2 id="day-title">${t('dayDialog', this.dayText(lang, day, 'long'))}</h2>
              <button type="button" class="si-button close" part="close-button" @click=${this.closeDialog}><span aria-hidden="true">✕</span> ${t('close')}</button>
            </div>
            <ul class="day-list">
              ${items.map(
                (item) => html`<li><span class="time">${this.timeText(lang, item)}</span>
                  <button type="button" class="event" part="event" data-id=${item.event.id} aria-haspopup="dialog" @click=${this.onEventClick}>${this.renderStatus(item.event)}<span class="event-title">${item.event.title}</span></button></li>`,
              )}
            </ul>`
        : nothing}
    </dialog>`;
  }

  private renderEventDialog(lang: Lang): TemplateResult {
    const item = this.selected;
    return html`<dialog class="event-dialog" part="dialog" aria-labelledby="event-title" @close=${this.onEventDialogClose}>
      ${item && this.details
        ? this.details.renderDetails(item, {
            lang, t: this.t, easyRead: this.easyRead, onClose: this.closeDialog,
            onDownload: () => this.details!.downloadIcs(item.event, this.heading || this.t('calendar'), this.renderRoot as ShadowRoot),
          })
        : nothing}
    </dialog>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'si-event-calendar': SiEventCalendar;
  }
  interface GlobalEventHandlersEventMap {
    'si-event-select': CustomEvent<EventSelectDetail>;
    'si-range-change': CustomEvent<RangeChangeDetail>;
  }
}

