import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import {
  AdapterError, ISO_DATE, addDays, dateFormat, dayKey, safeUrl, supports, toEpoch,
  type CalendarEvent, type DataAdapter, type Lang, type Result,
} from '@sozial-innovativ/core';
import { SiElement, renderEmpty, renderError, renderLoading, renderNotices } from '@sozial-innovativ/core/elements';
import { agendaRows, indexEvents, upcomingRows, type AgendaRow, type DayEvent } from './days.js';
import { emptyFilter, filterEvents, isFilterActive, normalizeFilter, presetRange, sameFilter, type CalendarFilter } from './filter.js';
import { addMessages, calendarLocale } from './messages.js';
import { addMonths, monthStart, sameMonth, weekStart } from './month.js';
import type { MonthView } from './month-view.js';
import { readFragment, writeFragment } from './url-state.js';
import { styles } from './si-event-calendar.styles.js';

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

/** @internal */
export interface Loaded {
  /** `from to` of the days loaded ('' in upcoming mode). */
  key: string;
  result: Result<CalendarEvent>;
  index: DayEvent[];
}

/** Agenda rows rendered at once; "show more" adds as many again. */
const PAGE = 50;
/** Containers narrower than this many `em` show the agenda instead of the month grid. */
const NARROW_EM = 36;
/** Loads kept for instant navigation (the month on screen, its prefetched neighbours, a list). */
const CACHED = 6;
/** Upcoming mode looks this far ahead at most. */
const UPCOMING_MONTHS = [3, 6, 12, 24];

/** The days `[from, to)` of the month grid of `day` (six weeks from the Monday on or before the 1st). */
const gridRange = (day: string): [string, string] => {
  const first = weekStart(monthStart(day));
  return [first, addDays(first, 42)];
};
const utcNoon = (day: string) => Date.parse(`${day}T12:00:00Z`);
const isoDay = (raw: string | undefined) => (raw && ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined);
const isoInstant = (day: string) => new Date(toEpoch(day)).toISOString();

/**
 * An accessible event calendar: an agenda list (the default, and automatic in narrow
 * containers), a month grid with the WAI-ARIA grid keyboard model, an "upcoming N events"
 * mode, filters, event details in a dialog and "add to calendar" as an `.ics` download made
 * in the browser.
 *
 * The first load carries the agenda and the toolbar. The month grid (`month-view.ts`), the filter
 * form (`filter-form.ts`), the event details with the .ics writer (`details.ts`) and the English and
 * Upper Sorbian texts are separate modules, imported when first shown.
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

  /** Resolves when the interface texts for the current language are loaded (English, Upper Sorbian). */
  messagesReady(): Promise<void> {
    return this.locale.ready();
  }

  // Members marked @internal are shared with the lazily loaded views, not API.
  /** @internal */ @state() cursor = '';
  @state() private filterState: CalendarFilter = emptyFilter();
  @state() private narrow = false;
  @state() private shown = PAGE;
  @state() private selected?: DayEvent;
  @state() private announcement = '';
  @state() private monthView?: MonthView;
  @state() private filterForm?: typeof import('./filter-form.js');

  private readonly locale = calendarLocale(this, () => this.language);
  /** @internal */ readonly t = this.locale.t;
  /** @internal */ loaded?: Loaded;
  /** @internal */ today = dayKey(Date.now());
  /** @internal Events by day, for the month grid. */
  days = new Map<string, DayEvent[]>();
  private details?: typeof import('./details.js');
  private importing = new Set<string>();
  private resizeObserver?: ResizeObserver;
  private eventTrigger?: HTMLElement;
  private lastRangeKey = '';
  private announceCount = false;
  // Derived data, recomputed only when its inputs change (see willUpdate).
  private rows: AgendaRow[] = [];
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
      if (!limit) {
        // A month grid asks for its neighbours first, so "‹", "›" and Page Up/Down find them
        // indexed, then for itself: the range on screen is always asked (last), which refreshes
        // a cached copy.
        if (this.effectiveView === 'month') {
          for (const step of [1, -1]) {
            const [start, end] = gridRange(addMonths(this.cursor, step));
            if (!this.cache.has(`${start} ${end}`)) this.load(adapter, start, end, true).catch(() => {});
          }
        }
        const loaded = await this.load(adapter, from, to);
        signal.throwIfAborted();
        return (this.loaded = loaded);
      }
      let data: Loaded;
      for (const months of UPCOMING_MONTHS) {
        data = await this.load(adapter, new Date().toISOString(), addMonths(this.today, months));
        signal.throwIfAborted();
        if (months === 24 || upcomingRows(filterEvents(data.index, this.filterState, this.today), Date.now(), limit).length >= limit) break;
      }
      return (this.loaded = data!);
    },
  });

  /** Indexed loads by range (`from to`, oldest first), so a month switch shows at once. */
  private cache = new Map<string, Loaded>();
  private cacheAdapter?: DataAdapter;

  /**
   * Asks the adapter for the days `[from, to)` and indexes them, reusing the cached index when
   * the items are the same objects (a memory source). A prefetch indexes after the next paint,
   * off the path of what is on screen. No abort signal: a finished load is kept anyway.
   */
  private load(adapter: DataAdapter, from: string, to: string, prefetch?: boolean): Promise<Loaded> {
    const key = `${from} ${to}`;
    return adapter.events!({ from: isoInstant(from), to: isoInstant(to) }).then(async (result) => {
      const old = this.cache.get(key)?.result.items;
      const same = old?.length === result.items.length && old.every((e, i) => e === result.items[i]);
      if (!same && prefetch) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const loaded = { key, result, index: same ? this.cache.get(key)!.index : indexEvents(result.items) };
      // Upcoming mode's ranges start now: never asked again, not kept.
      if (adapter === this.cacheAdapter && from.length === 10) {
        this.cache.set(key, loaded);
        if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
      }
      return loaded;
    });
  }

  private get upcomingLimit(): number {
    return this.limit && this.limit > 0 ? Math.min(Math.floor(this.limit), 500) : 0;
  }

  /** The view on screen: narrow containers and upcoming mode show the list. */
  get effectiveView(): CalendarView {
    return this.upcomingLimit || this.narrow || this.view !== 'month' ? 'list' : 'month';
  }

  private get listMonths(): number {
    return Math.min(24, Math.max(1, Math.floor(this.months) || 12));
  }

  /** The days `[from, to)` on screen, which are the days asked of the adapter. */
  private get range(): { from: string; to: string } {
    const cursor = this.cursor || this.today;
    if (this.view === 'month' && !this.upcomingLimit) {
      if (this.effectiveView === 'month') {
        const [from, to] = gridRange(cursor);
        return { from, to };
      }
      return { from: monthStart(cursor), to: addMonths(monthStart(cursor), 1) };
    }
    const preset = presetRange(this.filterState.preset, this.today);
    return preset ? { from: preset[0], to: preset[1] } : { from: cursor, to: addMonths(cursor, this.listMonths) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.today = dayKey(Date.now());
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver((entries) => {
        const width = entries[0]?.contentRect.width;
        if (!width) return;
        const narrow = width < NARROW_EM * (parseFloat(getComputedStyle(this).fontSize) || 16);
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

  private readUrl(): void {
    const s = readFragment(location.hash, `${this.id || 'kalender'}-`);
    if (s?.view) this.view = s.view;
    if (s?.date) this.cursor = s.date;
    if (s?.filter) this.filterState = s.filter;
  }

  private writeUrl(): void {
    if (!this.syncUrl) return;
    const hash = writeFragment(location.hash, `${this.id || 'kalender'}-`, {
      view: this.view === 'month' ? 'month' : undefined,
      date: this.cursor && this.cursor !== (isoDay(this.date) ?? this.today) ? this.cursor : undefined,
      filter: this.filterState,
    });
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  /** @internal Adds a lazily loaded module's styles to the shadow root (a constructed sheet, so CSP-safe). */
  addStyles(styles: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet!;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /**
   * Imports a view module once, when it is first needed; the body stays busy until it is there.
   * A failed import (offline) is tried again on the next update.
   */
  private need(name: string, load: () => Promise<void>): void {
    if (this.importing.has(name)) return;
    this.importing.add(name);
    load().catch(() => this.importing.delete(name));
  }

  private get filtersShown(): boolean {
    return !this.upcomingLimit && !this.hideFilters;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    if (first || changed.has('date')) this.cursor = isoDay(this.date) ?? this.today;
    if (first || changed.has('topics') || changed.has('towns') || changed.has('format') || changed.has('q') || changed.has('preset')) {
      this.filterState = normalizeFilter({ topics: this.topics, towns: this.towns, format: this.format, q: this.q, preset: this.preset });
    }
    if (first && this.syncUrl) this.readUrl();
    if (this.view !== 'list' && this.view !== 'month') this.view = 'list';
    const view = this.effectiveView;
    if (view === 'month') {
      this.need('month', async () => {
        const { MonthView, messages } = await import('./month-view.js');
        addMessages(messages);
        this.monthView = new MonthView(this);
      });
    }
    if (this.filtersShown) {
      this.need('filters', async () => {
        const form = await import('./filter-form.js');
        addMessages(form.messages);
        this.addStyles(form.styles);
        this.filterForm = form;
      });
    }

    const { from, to } = this.range;
    if (this.source.adapter !== this.cacheAdapter) {
      this.cache.clear();
      this.cacheAdapter = this.source.adapter;
    }
    // A cached range shows at once, in this update, while the task asks again.
    const hit = this.upcomingLimit ? undefined : this.cache.get(`${from} ${to}`);
    if (hit) this.loaded = hit;
    const index = this.loaded?.index;
    const inputs = [index, this.filterState, from, to, view, this.upcomingLimit, this.monthView];
    if (inputs.some((x, i) => x !== this.memo[i])) {
      const filterChanged = this.memo[0] === index && this.memo[1] !== this.filterState;
      this.memo = inputs;
      const filtered = index ? filterEvents(index, this.filterState, this.today) : [];
      this.rows = this.upcomingLimit
        ? upcomingRows(filtered, Date.now(), this.upcomingLimit)
        : view === 'list' ? agendaRows(filtered, from, to) : [];
      this.days = view === 'month' && this.monthView ? this.monthView.byDay(filtered, from, to) : new Map();
      this.shown = PAGE;
      if (filterChanged && this.announceCount) {
        this.announcement = this.t('count', view === 'month' ? new Set([...this.days.values()].flat()).size : this.rows.length);
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

  /** @internal A visitor's filter change (normalized here, so the form needs no filter logic). */
  setFilter(input: Partial<Record<keyof CalendarFilter, unknown>>): void {
    const next = normalizeFilter(input);
    if (sameFilter(next, this.filterState)) return;
    if (next.preset && next.preset !== this.filterState.preset) this.cursor = this.today;
    this.filterState = next;
    this.announceCount = true;
    this.emit<FilterChangeDetail>('si-filter-change', { filter: this.filter });
    this.writeUrl();
  }

  /** @internal */
  readonly resetFilters = () => this.setFilter(emptyFilter());

  private readonly setView = (e: Event) => {
    const view = (e.currentTarget as HTMLElement).dataset.view as CalendarView;
    if (view === this.view) return;
    this.view = view;
    this.writeUrl();
  };

  private readonly navigate = (e: Event) => {
    const step = Number((e.currentTarget as HTMLElement).dataset.step);
    const month = this.view === 'month';
    this.cursor = step === 0 ? this.today : month ? addMonths(this.cursor, step) : addMonths(this.range.from, step * this.listMonths);
    if (this.filterState.preset) this.setFilter({ ...this.filterState, preset: '' });
    this.announcement = this.titleText();
    this.writeUrl();
  };

  private readonly showMore = async () => {
    const first = this.shown;
    this.shown += PAGE;
    await this.updateComplete;
    this.renderRoot.querySelectorAll('.agenda > li')[first]?.querySelector('button')?.focus();
  };

  /** @internal The day cell of `day` in the month grid. */
  cell(day: string): HTMLElement | null {
    return this.renderRoot.querySelector(`[role=gridcell][data-day="${day}"]`);
  }

  /** @internal Moves the grid's focus (and its one tab stop) to `day`, announcing a new month. */
  async focusDay(day: string): Promise<void> {
    const monthChanged = !sameMonth(day, this.cursor);
    this.cursor = day;
    if (monthChanged) {
      this.announcement = this.titleText();
      this.writeUrl();
    }
    await this.updateComplete;
    this.cell(day)?.focus();
  }

  /** @internal */
  readonly onEventClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    this.openEvent(button.dataset.id!, button);
  };

  /** @internal Opens the details of the event `id`, unless the host page cancels `si-event-select`. */
  async openEvent(id: string, trigger: HTMLElement): Promise<void> {
    const item = this.loaded?.index.find((x) => x.event.id === id);
    if (!item || !this.emit<EventSelectDetail>('si-event-select', { event: item.event })) return;
    // The details and the .ics writer load on first use: most visits never open an event.
    if (!this.details) {
      const details = await import('./details.js');
      addMessages(details.messages);
      this.addStyles(details.styles);
      this.details = details;
    }
    this.eventTrigger = trigger;
    this.selected = item;
    await this.updateComplete;
    this.showDialog('event-dialog');
  }

  /** @internal Opens the dialog of class `name` as a modal and moves focus to its close button. */
  showDialog(name: string): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>(`dialog.${name}`)!;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.close')?.focus();
  }

  /** @internal */
  readonly closeDialog = (e: Event) => {
    (e.currentTarget as HTMLElement).closest('dialog')?.close();
  };

  private readonly onEventDialogClose = () => {
    this.selected = undefined;
    this.restoreFocus(this.eventTrigger);
    this.eventTrigger = undefined;
  };

  /** @internal Focus goes back to what opened a dialog, or to the day cell when that is gone. */
  restoreFocus(trigger: HTMLElement | undefined): void {
    if (trigger?.isConnected) {
      // A chip or "+N more" is not a tab stop; the day cell keeps the grid's one tab stop.
      (trigger.closest<HTMLElement>('[role=gridcell]') ?? trigger).focus();
    } else {
      this.cell(this.cursor)?.focus();
    }
  }

  // ── Formatting ─────────────────────────────────────────────────────────────────────────

  private titleText(): string {
    const { from, to } = this.range;
    return this.view === 'month' && !this.upcomingLimit
      ? dateFormat(this.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(this.cursor || this.today))
      : dateFormat(this.language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(utcNoon(from), utcNoon(addDays(to, -1)));
  }

  /** @internal `Mi., 21. Okt.` or `Mittwoch, 21. Oktober 2026`. */
  dayText(lang: Lang, day: string, long?: boolean): string {
    return dateFormat(lang, long
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcNoon(day));
  }

  /** @internal `17:00–20:00` (same day), `17:00`, or "all day". */
  timeText(lang: Lang, item: DayEvent, startOnly?: boolean): string {
    const e = item.event;
    if (e.allDay) return startOnly ? '' : this.t('allDay');
    const f = dateFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: e.timeZone });
    return !startOnly && item.end > item.start && item.firstDay === item.lastDay ? `${f.format(item.start)}–${f.format(item.end)}` : f.format(item.start);
  }

  // ── Templates ──────────────────────────────────────────────────────────────────────────

  override render() {
    const lang = this.language;
    const t = this.t;
    const upcoming = this.upcomingLimit > 0;
    const month = this.effectiveView === 'month';
    const status = this.loader.status;
    const result = this.loaded?.result;
    const { from, to } = this.range;
    const current = !this.upcomingLimit && this.loaded?.key === `${from} ${to}`;
    const loading = (!current && (status === TaskStatus.INITIAL || status === TaskStatus.PENDING))
      || (month && !this.monthView) || (this.filtersShown && !this.filterForm);
    const body =
      status === TaskStatus.ERROR
        ? renderError(lang, this.loader.error, () => void this.loader.run())
        : !this.loaded || (month && !this.monthView)
          ? renderLoading(lang)
          : month ? this.monthView!.render(lang) : this.renderList(lang);
    return html`<section class="base" part="base" aria-label=${this.heading || t(upcoming ? 'upcoming' : 'calendar')}>
      ${this.heading ? html`<h2 class="heading" part="heading">${this.heading}</h2>` : nothing}
      ${renderNotices(lang, { dropped: result?.dropped, stale: result?.stale, fetchedAt: result?.fetchedAt })}
      ${upcoming ? nothing : this.renderToolbar()}
      ${this.filtersShown ? this.filterForm?.renderFilters(this, this.filterState, isFilterActive(this.filterState)) : nothing}
      <div class="body" part="body" aria-busy=${loading ? 'true' : 'false'}>${body}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.monthView?.renderDialog(lang)}
      <dialog class="event-dialog" part="dialog" aria-labelledby="event-title" @close=${this.onEventDialogClose}>
        ${this.selected && this.details ? this.details.renderDetails(this.selected, this, lang) : nothing}
      </dialog>
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const t = this.t;
    const prev = this.view === 'month' ? 'Month' : 'Range';
    const feed = safeUrl(this.source.adapter?.feedUrl);
    const title = this.titleText();
    const step = (n: number, label: string, text: unknown) =>
      html`<button type="button" class="si-button" part="nav-button" data-step=${n} aria-label=${label || nothing} @click=${this.navigate}>${text}</button>`;
    return html`<div class="toolbar" part="toolbar">
      ${this.heading
        ? html`<h3 class="title" id="title" part="title">${title}</h3>`
        : html`<h2 class="title" id="title" part="title">${title}</h2>`}
      <div class="nav" role="group" aria-label=${t('period')}>
        ${step(-1, t(`prev${prev}`), html`<span aria-hidden="true">‹</span>`)}${step(0, '', t('today'))}${step(1, t(`next${prev}`), html`<span aria-hidden="true">›</span>`)}
      </div>
      ${this.narrow
        ? nothing
        : html`<div class="views" role="group" aria-label=${t('view')}>
            ${(['list', 'month'] as const).map(
              (v) => html`<button type="button" class="si-button" part="view-button" data-view=${v} aria-pressed=${this.view === v} @click=${this.setView}>${t(`view.${v}`)}</button>`,
            )}
          </div>`}
      ${feed ? html`<a class="si-button subscribe" part="subscribe-link" href=${feed}>${t('subscribe')}</a>` : nothing}
    </div>`;
  }

  /** @internal The empty state; with active filters it offers to reset them. */
  renderEmpty(): TemplateResult {
    const t = this.t;
    return isFilterActive(this.filterState) && this.loaded?.index.length
      ? renderEmpty(t('emptyFiltered'), { label: t('resetFilters'), onClick: this.resetFilters })
      : renderEmpty(t(this.upcomingLimit ? 'emptyUpcoming' : 'empty'));
  }

  /** @internal A button that opens an event, with its cancelled/postponed badge. */
  renderEventButton(e: CalendarEvent): TemplateResult {
    return html`<button type="button" class="event" part="event" data-id=${e.id} aria-haspopup="dialog" @click=${this.onEventClick}>${e.status === 'scheduled'
      ? nothing
      : html`<span class="badge ${e.status}" part="status">${this.t(`status.${e.status}`)}</span> `}<span class="event-title">${e.title}</span></button>`;
  }

  private renderList(lang: Lang): TemplateResult {
    const rows = this.rows;
    if (!rows.length) return this.renderEmpty();
    const t = this.t;
    const total = rows.length;
    const visible = this.upcomingLimit ? rows : rows.slice(0, this.shown);
    return html`<ol class="agenda" part="list" aria-label=${this.upcomingLimit ? t('upcoming') : this.titleText()}>
        ${visible.map(({ item, day }, i) => {
          const e = item.event;
          const place = [e.location?.town, e.location?.name].filter(Boolean).join(' · ');
          // The day of the row above is read by screen readers but hidden from sight.
          return html`<li class="row ${e.status}" part="list-item" aria-setsize=${total} aria-posinset=${i + 1}>
            <p class="when">
              <span class="${i && visible[i - 1]!.day === day ? 'visually-hidden' : 'date'}">${this.dayText(lang, day)}</span>
              <span>${this.timeText(lang, item)}</span>
            </p>
            <div>
              ${this.renderEventButton(e)}
              ${place || e.format ? html`<p class="meta">${place}${e.format && e.format !== 'onsite' ? html`<span class="format">${t(`format.${e.format}`)}</span>` : nothing}</p>` : nothing}
            </div>
          </li>`;
        })}
      </ol>
      ${visible.length < total
        ? html`<button type="button" class="si-button more" part="more-button" @click=${this.showMore}>${t('showMore', visible.length, total)}</button>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-event-calendar': SiEventCalendar;
  }
  interface GlobalEventHandlersEventMap {
    'si-event-select': CustomEvent<EventSelectDetail>;
    'si-range-change': CustomEvent<RangeChangeDetail>;
    // 'si-filter-change' is declared once in core for every widget; its detail here is FilterChangeDetail.
  }
}
