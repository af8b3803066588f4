import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import {
  addDays, addMonths, dateFormat, dayKey, germanDateFormat, isoDay, monthStart, safeUrl, sameMonth, useGermanDates, utcNoon, weekStart,
  type CalendarEvent,
} from '@sozial-innovativ/core';
import { SiElement, renderEmpty, renderError, renderLoading, renderNotices, type DialogController } from '@sozial-innovativ/core/elements';
import { eventButton, renderAgenda, timeText } from './agenda.js';
import { agendaRows, upcomingRows, type AgendaRow, type DayEvent } from './days.js';
import { emptyFilter, filterEvents, isFilterActive, normalizeFilter, presetRange, sameFilter, type CalendarFilter } from './filter.js';
import { addMessages, calendarLocale, type CalendarMessages } from './messages.js';
import type { MonthGridController } from './month-view.js';
import { RangeLoader, type DayRange } from './range-loader.js';
import { NarrowController } from './narrow-controller.js';
import type { UrlSyncController } from './url-sync.js';
import type { UrlState } from './url-state.js';
import { styles } from './si-event-calendar.styles.js';
import './events/si-event-select.js';
import './events/si-range-change.js';
import './events/si-filter-change.js';

// German dates by hand where they can be (no Intl object on the first screen: the first costs 11–15 ms cold).
useGermanDates(germanDateFormat);

/** A lazily loaded view module: its German texts and its styles come with it. */
interface LazyView {
  messages: Partial<CalendarMessages>;
  styles: CSSResult;
}

/** `list` (the agenda) or `month` (the grid). */
export type CalendarView = 'list' | 'month';

/** Agenda rows rendered at once; "show more" adds as many again. */
const PAGE = 50;

type JsonLdView = typeof import('./json-ld-view.js');
/** The JSON-LD writer, once some calendar on the page has loaded it. */
let jsonLdView: JsonLdView | undefined;
let jsonLdLoading: Promise<JsonLdView> | undefined;
/** Requested with the data, not after it shows: then it is written with the first events, in the same frame. */
const loadJsonLd = (): Promise<JsonLdView> => (jsonLdLoading ??= import('./json-ld-view.js').then((m) => (jsonLdView = m), (e: unknown) => {
  jsonLdLoading = undefined;
  throw e;
}));

/**
 * Width breakpoints in `em`: narrower containers than the first show the agenda (and fold the
 * filters away); up to the second the month is compact (counts per day, the day's events listed
 * under the grid), so an event chip is only drawn where it has room for at least ~12 characters.
 */
const WIDTHS = [36, 48];
/** The attributes that preset the filter: they have the filter's names. */
const FILTER_ATTRIBUTES = ['topics', 'towns', 'format', 'q', 'preset'] as const;

/** The days of the month grid of `day` (six weeks from the Monday on or before the 1st). */
const gridRange = (day: string): DayRange => {
  const from = weekStart(monthStart(day));
  return { from, to: addDays(from, 42) };
};

/**
 * An accessible event calendar: an agenda list (the default, and automatic in narrow
 * containers), a month grid with the WAI-ARIA grid keyboard model (compact in a content column), an "upcoming N events"
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
 * @csspart print-button - "Drucken" in the list: the browser's print dialog. Printed, the list and the month show
 *   no controls, whole titles, dates and places, and each event's web address after its title.
 * @csspart subscribe-link - "Subscribe to calendar" (when the source has a feed). With active filters it carries them
 *   (`webcal:`) when the source can filter its feed (an adapter's optional `feedUrlFor(filter)`).
 * @csspart selection-ics-button - With active filters, when the source cannot filter its feed: "This selection as .ics", with a hint why.
 * @csspart filters - The filter form.
 * @csspart filter-toggle - The "Filter (n aktiv)" disclosure (`<details>`) that holds the filters in narrow containers.
 * @csspart body - The area that shows the list, the grid or a state (has `aria-busy` while loading).
 * @csspart list - The agenda list.
 * @csspart list-item - One agenda row.
 * @csspart event - A button that opens an event's details.
 * @csspart more-button - "Show more" under a long agenda.
 * @csspart series-rule - With `group-series`: a series' rule in words, its next date and how many follow.
 * @csspart series-toggle - With `group-series`: "Show all dates" of a series (a disclosure button).
 * @csspart month - The month grid.
 * @csspart day - A day cell in the month grid.
 * @csspart event-chip - An event in a day cell.
 * @csspart more-link - "+N more" in a day cell.
 * @csspart day-events - Under a compact month grid: the focused day's events.
 * @csspart dialog - The event and day dialogs.
 * @csspart close-button - The close button of a dialog.
 * @csspart add-menu - "Add to my calendar" in the event dialog (a disclosure).
 * @csspart ics-button - "This date (.ics)": downloads the event as an iCalendar file made in the browser.
 * @csspart ics-series-button - "All dates of the series (.ics)", when the source is an iCal feed with that series.
 * @csspart provider-link - The Google and Outlook.com links, built in the browser; they hand the event to that provider.
 * @csspart status - The cancelled/postponed badge.
 * @csspart state - Loading, error and empty states (from core).
 * @csspart retry-button - Retry after an error.
 * @csspart reset-button - Reset the filters.
 * @csspart notice - Notes on stale or partly invalid data and the Upper Sorbian preview.
 *
 * @cssprop --si-event-calendar-accent - Event links, chips, today's cell and the easy-to-read box (falls back to `--si-color-accent`).
 * @cssprop --si-event-calendar-today - Background of today's cell (falls back to `--si-color-surface-alt`).
 * @cssprop --si-event-calendar-cancelled - The cancelled badge and the edge of a cancelled chip (falls back to `--si-color-danger`).
 * @cssprop --si-event-calendar-cell-height - Minimum height of a day cell (default `6.5em`).
 * @cssprop --si-color-text - Text colour.
 * @cssprop --si-color-muted - Secondary text.
 * @cssprop --si-color-surface - Background.
 * @cssprop --si-color-surface-alt - Background of states, weekday row and cells outside the month.
 * @cssprop --si-color-accent - Buttons and links, and events and chips unless `--si-event-calendar-accent` is set.
 * @cssprop --si-color-accent-contrast - Text on accent-coloured buttons (the pressed view button, "add to my calendar").
 * @cssprop --si-color-border - Borders.
 * @cssprop --si-color-danger - The error state, and cancelled events unless `--si-event-calendar-cancelled` is set.
 * @cssprop --si-color-warning-bg - Background of the notices and the postponed badge.
 * @cssprop --si-color-focus - Focus outline.
 * @cssprop --si-radius - Corner radius.
 * @cssprop --si-space - Base spacing.
 * @cssprop --si-font-family - Font (inherits the page's by default).
 * @cssprop --si-font-size - Base font size.
 *
 * @fires {CustomEvent<EventSelectDetail>} si-event-select - A visitor opens an event. `detail: { event }`.
 *   Cancelable: call `preventDefault()` to show your own details instead of the dialog.
 * @fires {CustomEvent<RangeChangeDetail>} si-range-change - The shown period changed (and is being loaded).
 *   `detail: { from, to, view }`, days, `to` exclusive.
 * @fires {CustomEvent<FilterChangeDetail>} si-filter-change - A visitor changed a filter. `detail: { filter }`, the whole filter.
 */
export class SiEventCalendar extends SiElement {
  static override styles = [...SiElement.styles, styles];

  /**
   * `list` (agenda, default) or `month`. Narrow containers (below 36em) always show the list; up to
   * 48em the month is compact: a count per day, the focused day's events listed under the grid.
   */
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

  /**
   * Show a recurring event (same `uid`) once in the list: one row with the rule in words ("jeden
   * Dienstag, 17:00 · nächster Termin 8. Dez. · 11 weitere Termine") that opens to its dates.
   */
  @property({ type: Boolean, attribute: 'group-series' }) groupSeries = false;

  /** Do not write schema.org `Event` JSON-LD of the visible events into the light DOM. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;

  /** A visible heading above the calendar; also names the region. */
  @property() heading?: string;

  /** The filter in use (for developers). Setting it replaces the filter like the attributes do. */
  get filter(): CalendarFilter {
    return normalizeFilter(this.filterState); // a copy
  }
  set filter(value: Partial<CalendarFilter>) {
    this.filterState = normalizeFilter(value);
  }

  /** Resolves when the interface texts for the current language are loaded (English, Upper Sorbian). */
  messagesReady(): Promise<void> {
    return this.locale.ready();
  }

  @state() private cursor = '';
  @state() private filterState: CalendarFilter = emptyFilter();
  @state() private shown = PAGE;
  @state() private announcement = '';
  @state() private monthView?: typeof import('./month-view.js');
  @state() private filterForm?: typeof import('./filter-form.js');
  @state() private seriesView?: typeof import('./series-view.js');
  @state() private follow?: typeof import('./follow.js');
  /** UIDs of the grouped series whose dates are open. */
  @state() private openSeries = new Set<string>();

  private readonly locale = calendarLocale(this, () => this.language);
  private readonly t = this.locale.t;
  private readonly events = new RangeLoader(this, this.source);
  private readonly width = new NarrowController(this, WIDTHS);
  /** The URL fragment's state: with `sync-url` only, whose code loads then (the body stays busy until it is read). */
  private url?: UrlSyncController;
  private readonly applyUrl = (s: UrlState): void => {
    if (s.view) this.view = s.view;
    if (s.date) this.cursor = s.date;
    if (s.filter) this.filterState = s.filter;
  };
  // Controllers that arrive with the view that needs them.
  /** The event whose details show. */
  private eventDialog?: DialogController<DayEvent>;
  /** The day whose events show. */
  private dayDialog?: DialogController<string>;
  private grid?: MonthGridController;
  private details?: typeof import('./details.js');
  private today = dayKey(Date.now());
  private importing = new Set<string>();
  private lastRangeKey = '';
  private announceCount = false;
  // Derived data, recomputed only when its inputs change (see willUpdate).
  private rows: (AgendaRow & { series?: readonly AgendaRow[] })[] = [];
  /** Events by day, for the month grid. */
  private days = new Map<string, DayEvent[]>();
  private memo: unknown[] = [];
  /** What the JSON-LD was last written from. */
  private jsonLdOf: unknown[] = [];

  private get upcomingLimit(): number {
    return this.limit && this.limit > 0 ? Math.min(Math.floor(this.limit), 500) : 0;
  }

  /** The view on screen: narrow containers and upcoming mode show the list. */
  get effectiveView(): CalendarView {
    return this.upcomingLimit || this.width.narrow || this.view !== 'month' ? 'list' : 'month';
  }

  private get listMonths(): number {
    return Math.min(24, Math.max(1, Math.floor(this.months) || 12));
  }

  /** The days `[from, to)` on screen, which are the days asked of the adapter. */
  private get range(): DayRange {
    const cursor = this.cursor || this.today;
    if (this.view === 'month' && !this.upcomingLimit) {
      if (this.effectiveView === 'month') return gridRange(cursor);
      return { from: monthStart(cursor), to: addMonths(monthStart(cursor), 1) };
    }
    const preset = presetRange(this.filterState.preset, this.today);
    return preset ? { from: preset[0], to: preset[1] } : { from: cursor, to: addMonths(cursor, this.listMonths) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.today = dayKey(Date.now());
  }

  private writeUrl(): void {
    this.url?.write({
      view: this.view === 'month' ? 'month' : undefined,
      date: this.cursor && this.cursor !== (isoDay(this.date) ?? this.today) ? this.cursor : undefined,
      filter: this.filterState,
    });
  }

  /** Adds a lazily loaded view's German texts and its styles (a constructed sheet, so CSP-safe). */
  private adopt<V extends LazyView>(view: V): V {
    addMessages(view.messages);
    const root = this.renderRoot as ShadowRoot;
    const sheet = view.styles.styleSheet!;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return view;
  }

  /**
   * Imports a view module once, when it is first needed, and hands it over with its texts and
   * styles in place; the body stays busy until it is there. A failed import (offline) is tried
   * again on the next update.
   */
  private need<V extends LazyView>(name: string, load: () => Promise<V>, loaded: (view: V) => void): void {
    if (this.importing.has(name)) return;
    this.importing.add(name);
    load().then((view) => loaded(this.adopt(view))).catch(() => this.importing.delete(name));
  }

  private get filtersShown(): boolean {
    return !this.upcomingLimit && !this.hideFilters;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    if (first || changed.has('date')) this.cursor = isoDay(this.date) ?? this.today;
    if (first || FILTER_ATTRIBUTES.some((name) => changed.has(name))) this.filterState = normalizeFilter(this);
    if (this.syncUrl && !this.url && !this.importing.has('url')) {
      this.importing.add('url');
      import('./url-sync.js').then(({ UrlSyncController }) => {
        // Connected: Lit calls its hostConnected now, which follows the fragment from here on.
        this.url = new UrlSyncController(this, this.applyUrl);
        this.url.read();
        this.requestUpdate();
      }, () => this.importing.delete('url'));
    }
    if (this.view !== 'list' && this.view !== 'month') this.view = 'list';
    const view = this.effectiveView;
    if (view === 'month') {
      this.need('month', () => import('./month-view.js'), (month) => {
        const dayDialog = (this.dayDialog = month.calendarDialog(this, 'day-dialog'));
        this.grid = new month.MonthGridController(this, { move: this.moveTo, dayDialog, openEvent: this.openEvent });
        this.monthView = month;
      });
    }
    if (this.filtersShown) this.need('filters', () => import('./filter-form.js'), (form) => (this.filterForm = form));
    if (isFilterActive(this.filterState)) this.need('follow', () => import('./follow.js'), (follow) => (this.follow = follow));
    const series = this.groupSeries && view === 'list';
    if (series) this.need('series', () => import('./series-view.js'), (seriesView) => (this.seriesView = seriesView));

    if (!this.noJsonld && !jsonLdView) void loadJsonLd().catch(() => {});
    const range = this.range;
    const { from, to } = range;
    const upcoming = this.upcomingLimit;
    const loaded = this.events.want({
      ...range,
      // A month grid loads the months beside it ahead, for "‹", "›" and Page Up/Down.
      ahead: view === 'month' ? [1, -1].map((step) => gridRange(addMonths(this.cursor, step))) : [],
      limit: upcoming,
      filter: this.filterState,
      today: this.today,
    });
    const index = loaded?.index;
    const grouping = series && this.seriesView;
    const inputs = [index, this.filterState, from, to, view, upcoming, this.monthView, grouping];
    if (inputs.some((x, i) => x !== this.memo[i])) {
      const filterChanged = this.memo[0] === index && this.memo[1] !== this.filterState;
      this.memo = inputs;
      const filtered = index ? filterEvents(index, this.filterState, this.today) : [];
      this.rows = upcoming
        ? upcomingRows(filtered, Date.now(), upcoming)
        : view === 'list' ? agendaRows(filtered, from, to) : [];
      if (grouping) this.rows = grouping.groupSeries(this.rows, Date.now());
      this.days = view === 'month' && this.monthView ? this.monthView.groupByDay(filtered, from, to) : new Map();
      this.shown = PAGE;
      if (filterChanged && this.announceCount) {
        this.announcement = this.t('count', view === 'month' ? new Set([...this.days.values()].flat()).size : this.rows.length);
        this.announceCount = false;
      }
    }
  }

  protected override updated(): void {
    const { rows, days, noJsonld } = this;
    // Search engines read the events on screen; the writer loads after they show.
    if (this.events.value && [rows, days, noJsonld].some((x, i) => x !== this.jsonLdOf[i])) {
      this.jsonLdOf = [rows, days, noJsonld];
      const write = (m: JsonLdView) => m.writeEventsJsonLd(this, noJsonld ? undefined : { rows, days });
      // Once loaded, in the same task as the render (the page then changes in one frame, not two).
      if (jsonLdView) write(jsonLdView);
      else loadJsonLd().then(write, () => {});
    }
    const { from, to } = this.range;
    const key = `${from} ${to} ${this.effectiveView}`;
    if (key !== this.lastRangeKey && !this.upcomingLimit) {
      this.lastRangeKey = key;
      this.emit('si-range-change', { from, to, view: this.effectiveView });
    }
  }

  // ── User actions ────────────────────────────────────────────────────────────────────────

  /** A visitor's filter change (normalized here, so the form needs no filter logic). */
  private readonly setFilter = (input: Partial<Record<keyof CalendarFilter, unknown>>): void => {
    const next = normalizeFilter({ ...this.filterState, ...input });
    if (sameFilter(next, this.filterState)) return;
    if (next.preset && next.preset !== this.filterState.preset) this.cursor = this.today;
    this.filterState = next;
    this.announceCount = true;
    this.emit('si-filter-change', { filter: this.filter });
    this.writeUrl();
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
    const month = this.view === 'month';
    this.cursor = step === 0 ? this.today : month ? addMonths(this.cursor, step) : addMonths(this.range.from, step * this.listMonths);
    if (this.filterState.preset) this.setFilter({ preset: '' });
    this.announcement = this.titleText();
    this.writeUrl();
  };

  private readonly showMore = async () => {
    const first = this.shown;
    this.shown += PAGE;
    await this.updateComplete;
    this.renderRoot.querySelectorAll('.agenda > li')[first]?.querySelector('button')?.focus();
  };

  /** The grid's tab stop moves to `day` (its controller moves focus); a new month is announced. */
  private readonly moveTo = (day: string): void => {
    const monthChanged = !sameMonth(day, this.cursor);
    this.cursor = day;
    if (monthChanged) {
      this.announcement = this.titleText();
      this.writeUrl();
    }
  };

  private readonly toggleSeries = (e: Event) => {
    const uid = (e.currentTarget as HTMLElement).dataset.uid!;
    const open = new Set(this.openSeries);
    if (!open.delete(uid)) open.add(uid);
    this.openSeries = open;
  };

  private readonly onEventClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    void this.openEvent(button.dataset.id!, button);
  };

  /** Opens the details of the event `id`, unless the host page cancels `si-event-select`. */
  private readonly openEvent = async (id: string, trigger: HTMLElement): Promise<void> => {
    const item = this.events.value?.index.find((x) => x.event.id === id);
    if (!item || !this.emit('si-event-select', { event: item.event }, true)) return;
    // The details and the .ics writer load on first use: most visits never open an event.
    if (!this.details) {
      const details = this.adopt(await import('./details.js'));
      this.eventDialog = details.calendarDialog(this, 'event-dialog');
      this.details = details;
    }
    this.eventDialog!.show(item, trigger);
  };

  // ── Templates ──────────────────────────────────────────────────────────────────────────

  private titleText(): string {
    const { from, to } = this.range;
    return this.view === 'month' && !this.upcomingLimit
      ? dateFormat(this.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(this.cursor || this.today))
      : dateFormat(this.language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(utcNoon(from), utcNoon(addDays(to, -1)));
  }

  private readonly renderEvent = (e: CalendarEvent): TemplateResult => eventButton(this.t, e, this.onEventClick);

  override render() {
    const lang = this.language;
    const t = this.t;
    const upcoming = this.upcomingLimit > 0;
    const month = this.effectiveView === 'month';
    const { events, monthView, eventDialog, seriesView } = this;
    const loaded = events.value;
    const loading = events.loading || (this.syncUrl && !this.url) || (month && !monthView) || (this.filtersShown && !this.filterForm) || (this.groupSeries && !month && !seriesView);
    // The empty state; with active filters it offers to reset them.
    const empty = isFilterActive(this.filterState) && loaded?.index.length
      ? renderEmpty(t('emptyFiltered'), { label: t('resetFilters'), onClick: this.resetFilters })
      : renderEmpty(t(upcoming ? 'emptyUpcoming' : 'empty'));
    const body = events.task.status === TaskStatus.ERROR
      ? renderError(lang, events.task.error, () => void events.task.run())
      : !loaded || (this.syncUrl && !this.url) || (month && !monthView)
        ? renderLoading(lang)
        : month
          ? monthView!.renderMonth({
            lang, t, cursor: this.cursor, today: this.today, days: this.days, empty, grid: this.grid!, compact: this.width.size < 2, time: timeText, event: this.renderEvent,
          })
          : this.rows.length
            ? renderAgenda({
              lang, t, rows: this.rows, shown: upcoming ? Infinity : this.shown, label: upcoming ? t('upcoming') : this.titleText(), onEvent: this.onEventClick, showMore: this.showMore,
              seriesRow: seriesView?.seriesRows({ lang, t, easyRead: this.easyRead, open: this.openSeries, onEvent: this.onEventClick, toggle: this.toggleSeries }),
            })
            : empty;
    return html`<section class="base" part="base" aria-label=${this.heading || t(upcoming ? 'upcoming' : 'calendar')}>
      ${this.heading ? html`<h2 class="heading" part="heading">${this.heading}</h2>` : nothing}
      ${renderNotices(lang, loaded?.result ?? {})}
      ${upcoming ? nothing : this.renderToolbar()}
      ${this.filtersShown && this.filterForm
        ? this.filterForm.renderFilters({
          t, filter: this.filterState, active: isFilterActive(this.filterState), events: loaded?.index ?? [], change: this.setFilter, reset: this.resetFilters, collapsed: this.width.narrow,
        })
        : nothing}
      <div class="body" part="body" aria-busy=${loading ? 'true' : 'false'}>${body}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${monthView?.renderDayDialog({ lang, t, dialog: this.dayDialog!, days: this.days, time: timeText, event: this.renderEvent })}
      <dialog class="event-dialog" part="dialog" aria-labelledby="event-title" @close=${eventDialog?.closed}>
        ${eventDialog?.value ? this.details!.renderDetails({ dialog: eventDialog, lang, t, easyRead: this.easyRead, calendarName: this.heading || t('calendar'), source: this.source.adapter }) : nothing}
      </dialog>
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const t = this.t;
    const prev = this.view === 'month' ? 'Month' : 'Range';
    const { source: { adapter }, follow: form, filterState: filter } = this;
    const active = form && isFilterActive(filter);
    const selection = active ? form.selectionFeed(adapter, filter) : undefined;
    const feed = selection ?? safeUrl(adapter?.feedUrl);
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
      ${this.width.narrow
        ? nothing
        : html`<div class="views" role="group" aria-label=${t('view')}>
            ${(['list', 'month'] as const).map(
              (v) => html`<button type="button" class="si-button" part="view-button" data-view=${v} aria-pressed=${this.view === v} @click=${this.setView}>${t(`view.${v}`)}</button>`,
            )}
          </div>`}
      ${feed ? html`<a class="si-button subscribe" part="subscribe-link" href=${feed}>${t('subscribe')}</a>` : nothing}
      ${this.effectiveView === 'list' ? html`<button type="button" class="si-button" part="print-button" @click=${() => print()}>${t('print')}</button>` : nothing}
      ${active && !selection
        ? form.renderFollow(t, () => filterEvents(this.events.value?.index ?? [], filter, this.today), this.heading || t('calendar'))
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-event-calendar': SiEventCalendar;
  }
}
