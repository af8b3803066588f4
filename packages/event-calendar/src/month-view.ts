import { css, html, nothing, type TemplateResult } from 'lit';
import { dateFormat, utcNoon, type CalendarEvent, type Lang } from '@sozial-innovativ/core';
import type { DialogController } from '@sozial-innovativ/core/elements';
import type { DayEvent } from './days.js';
import { dialogStyles } from './dialog.js';
import type { Translate } from './messages.js';
import { monthGrid } from './month-grid.js';
import type { MonthGridController } from './month-grid-controller.js';

/**
 * The month view: the grid of a month's days and the dialog with all events of a day, as
 * templates of the calendar's state. In a compact container (a CMS content column) the grid shows
 * a count per day instead of chips, and the focused day's events are listed under it. Loaded when a calendar first shows a month, with the grid's
 * keyboard model, its day logic and the dialog's behaviour, so list-only pages never download them.
 */
export { calendarDialog } from './dialog.js';
export { MonthGridController } from './month-grid-controller.js';
export { groupByDay } from './month-grid.js';

/** The grid's and the day dialog's German texts (see `addMessages` in messages.ts). */
export const messages = {
  noEvents: 'keine Veranstaltungen',
  more: (n: number) => `+${n} weitere`,
  gridHelp: 'Pfeiltasten wechseln den Tag, Bild auf und Bild ab den Monat, mit Umschalttaste das Jahr. Eingabetaste öffnet die Veranstaltungen des Tages.',
  dayDialog: (day: string) => `Veranstaltungen am ${day}`,
  noEventsOn: (day: string) => `Keine Veranstaltungen am ${day}`,
  close: 'Schließen',
};

/** Event chips in a day cell before "+N more" (with more, one line goes to the "+N more" button). */
const CHIPS = 3;

const chipTimes = new Map<string, string>();
/** A chip's start time, kept per language, zone and start: most events share round times. */
function chipTime(lang: Lang, item: DayEvent): string {
  const e = item.event;
  if (e.allDay) return '';
  const key = `${lang} ${e.timeZone} ${item.start}`;
  let time = chipTimes.get(key);
  if (time === undefined) {
    if (chipTimes.size > 20_000) chipTimes.clear();
    chipTimes.set(key, (time = dateFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: e.timeZone }).format(item.start)));
  }
  return time;
}

export const styles = css`
  ${dialogStyles}
  .month {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
  }
  .weekday {
    padding: 0.25em 0.4em;
    background: var(--_surface-alt);
    font-weight: 600;
    text-align: center;
  }
  .day {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    min-width: 0;
    min-height: var(--si-event-calendar-cell-height, 6.5em);
    padding: 0.25em;
    border-block-start: 1px solid var(--_border);
    border-inline-start: 1px solid var(--_border);
  }
  .day:first-child {
    border-inline-start: 0;
  }
  .outside {
    background: var(--_surface-alt);
    color: var(--_muted);
  }
  .today {
    background: var(--si-event-calendar-today, var(--_surface-alt));
    box-shadow: inset 0 0 0 2px var(--_cal-accent);
  }
  .day:focus-visible {
    outline-offset: -3px;
  }
  .num {
    font-weight: 600;
  }
  .today .num {
    color: var(--_cal-accent);
  }
  .chip {
    overflow: hidden;
    padding: 0.1em 0.3em;
    border: 0;
    border-inline-start: 0.25em solid var(--_cal-accent);
    border-radius: 0.2em;
    background: var(--_surface);
    font-size: 0.85em;
    line-height: 1.3;
    text-align: start;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: pointer;
  }
  .chip.cancelled {
    border-inline-start-color: var(--_cal-cancelled);
    text-decoration: line-through;
  }
  /*
   * The time on a line of its own and the title on up to two lines: at least ~12 characters of
   * a title in the narrowest wide grid (48em), with any font.
   */
  .chip b {
    display: block;
  }
  .chip-title {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
    white-space: normal;
  }
  .chip b {
    font-weight: 600;
  }
  .compact .day {
    align-items: center;
    min-height: 3.25em;
  }
  .count {
    min-width: 1.6em;
    padding: 0 0.4em;
    border-radius: 1em;
    background: var(--_cal-accent);
    color: var(--_accent-contrast);
    font-size: 0.85em;
    font-weight: 700;
    text-align: center;
  }
  .day-events h3 {
    margin-block: 0.5em 0.25em;
    font-size: 1.1em;
  }
  .more-link {
    align-self: start;
    padding: 0 0.3em;
    font-size: 0.85em;
  }
  .day-list li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    padding-block: 0.4em;
    border-block-end: 1px solid var(--_border);
  }
  .day-list .time {
    color: var(--_muted);
    min-width: 6em;
  }
  /* Paper: whole titles in the chips, weeks kept on one page. */
  @media print {
    .month {
      overflow: visible;
    }
    .week {
      break-inside: avoid;
    }
    .chip,
    .chip-title {
      display: block;
      overflow: visible;
      white-space: normal;
      -webkit-line-clamp: none;
    }
    .chip {
      padding: 0;
      background: none;
    }
  }
  @media (forced-colors: active) {
    .today {
      outline: 2px solid CanvasText;
      outline-offset: -4px;
    }
    .chip,
    .count {
      border: 1px solid CanvasText;
    }
  }
`;

export interface MonthProps {
  lang: Lang;
  t: Translate;
  /** The day with the grid's one tab stop; its month is shown. */
  cursor: string;
  today: string;
  /** The events of each day shown. */
  days: ReadonlyMap<string, readonly DayEvent[]>;
  /** What to say above the grid when no day has events. */
  empty: unknown;
  /** The grid's keyboard and pointer model. */
  grid: Pick<MonthGridController, 'onKeydown' | 'onClick'>;
  /** A count per day instead of chips, and the events of `cursor` listed under the grid. */
  compact?: boolean;
  /** The calendar's time text and event button (the list under a compact grid). */
  time: DayDialogProps['time'];
  event: DayDialogProps['event'];
}

/** `Mittwoch, 21. Oktober 2026` for the cell labels and the day dialog. */
const longDay = (lang: Lang) => dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A day's events: time and the event button, in start order. */
const dayList = (lang: Lang, t: Translate, items: readonly DayEvent[], { time, event }: Pick<MonthProps, 'time' | 'event'>) =>
  html`<ul class="day-list">${items.map((item) => html`<li><span class="time">${time(lang, t, item)}</span> ${event(item.event)}</li>`)}</ul>`;

export function renderMonth({ lang, t, cursor, today, days, empty, grid, compact, ...list }: MonthProps): TemplateResult {
  const shown = monthGrid(cursor);
  const weekday = (day: string, weekday: 'short' | 'long') => dateFormat(lang, { weekday, timeZone: 'UTC' }).format(utcNoon(day));
  const long = longDay(lang);
  return html`${days.size ? nothing : empty}
    <div class="month ${compact ? 'compact' : ''}" part="month" role="grid" aria-labelledby="title" aria-describedby="grid-help" @keydown=${grid.onKeydown} @click=${grid.onClick}>
      <div class="week" role="row">
        ${shown.slice(0, 7).map(
          (day) => html`<div class="weekday" role="columnheader"><span aria-hidden="true">${weekday(day, 'short')}</span><span class="visually-hidden">${weekday(day, 'long')}</span></div>`,
        )}
      </div>
      ${[0, 7, 14, 21, 28, 35].map(
        (w) => html`<div class="week" role="row">
          ${shown.slice(w, w + 7).map((day) => {
            const items = days.get(day) ?? [];
            const chips = items.length > CHIPS ? items.slice(0, CHIPS - 1) : items;
            const more = items.length - chips.length;
            return html`<div role="gridcell" part="day" class="day ${day.slice(0, 7) === cursor.slice(0, 7) ? '' : 'outside'} ${day === today ? 'today' : ''}" data-day=${day}
                tabindex=${day === cursor ? 0 : -1} aria-current=${day === today ? 'date' : nothing}>
              <span class="num" aria-hidden="true">${Number(day.slice(8))}</span>
              <span class="visually-hidden day-label">${long.format(utcNoon(day))}, ${items.length ? t('count', items.length) : t('noEvents')}</span>
              ${compact
                ? items.length ? html`<span class="count" aria-hidden="true">${items.length}</span>` : nothing
                : chips.map((item) => {
                const time = chipTime(lang, item);
                return html`<button type="button" tabindex="-1" class="chip ${item.event.status}" part="event-chip" data-id=${item.event.id}>${time ? html`<b>${time}</b> ` : nothing}<span class="chip-title">${item.event.title}</span></button>`;
              })}
              ${more > 0 && !compact ? html`<button type="button" tabindex="-1" class="event more-link" part="more-link">${t('more', more)}</button>` : nothing}
            </div>`;
          })}
        </div>`,
      )}
    </div>
    <p id="grid-help" class="visually-hidden">${t('gridHelp')}</p>
    ${compact ? renderDayEvents(lang, t, cursor, days.get(cursor) ?? [], list) : nothing}`;
}

/** Under a compact grid: the focused day's events with full titles (the grid's tab stop picks the day). */
function renderDayEvents(lang: Lang, t: Translate, day: string, items: readonly DayEvent[], list: Pick<MonthProps, 'time' | 'event'>): TemplateResult {
  const label = longDay(lang).format(utcNoon(day));
  return html`<section class="day-events" part="day-events" aria-labelledby="day-events-title">
    <h3 id="day-events-title">${t(items.length ? 'dayDialog' : 'noEventsOn', label)}</h3>
    ${items.length ? dayList(lang, t, items, list) : nothing}
  </section>`;
}

export interface DayDialogProps {
  lang: Lang;
  t: Translate;
  /** Its `value` is the day listed; the dialog stays empty (and closed) without one. */
  dialog: Pick<DialogController<string>, 'value' | 'close' | 'closed'>;
  days: ReadonlyMap<string, readonly DayEvent[]>;
  /** The calendar's time text and event button, the same as in its agenda. */
  time: (lang: Lang, t: Translate, item: DayEvent) => string;
  event: (event: CalendarEvent) => TemplateResult;
}

/** The dialog with all events of a day (Enter on a day, or "+N more"). */
export function renderDayDialog({ lang, t, dialog, days, time, event }: DayDialogProps): TemplateResult {
  const day = dialog.value;
  return html`<dialog class="day-dialog" part="dialog" aria-labelledby="day-title" @close=${dialog.closed}>
    ${day
      ? html`<div class="dialog-head">
            <h2 id="day-title">${t('dayDialog', longDay(lang).format(utcNoon(day)))}</h2>
            <button type="button" class="si-button close" part="close-button" @click=${dialog.close}><span aria-hidden="true">✕</span> ${t('close')}</button>
          </div>
          ${dayList(lang, t, days.get(day) ?? [], { time, event })}`
      : nothing}
  </dialog>`;
}
