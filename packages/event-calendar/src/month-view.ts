import { css, html, nothing, type TemplateResult } from 'lit';
import { dateFormat, type Lang } from '@sozial-innovativ/core';
import type { DayEvent } from './days.js';
import { dialogStyles } from './dialog.styles.js';
import { groupByDay, monthGrid, moveDay } from './month-grid.js';
import type { SiEventCalendar } from './si-event-calendar.js';

/**
 * The month grid (WAI-ARIA APG grid: one tab stop, arrows, Home/End, Page Up/Down) and its day
 * dialog. Loaded when a calendar first shows a month, so list-only pages never download it.
 */

/** The grid's and the day dialog's German texts (see `addMessages` in messages.ts). */
export const messages = {
  noEvents: 'keine Veranstaltungen',
  more: (n: number) => `+${n} weitere`,
  gridHelp: 'Pfeiltasten wechseln den Tag, Bild auf und Bild ab den Monat, mit Umschalttaste das Jahr. Eingabetaste öffnet die Veranstaltungen des Tages.',
  dayDialog: (day: string) => `Veranstaltungen am ${day}`,
  close: 'Schließen',
};

/** Event chips in a day cell before "+N more" (with more, one line goes to the "+N more" button). */
const CHIPS = 3;

const utcNoon = (day: string) => Date.parse(`${day}T12:00:00Z`);

const chipTimes = new Map<string, string>();
/** The host's `timeText(lang, item, true)`, kept per language, zone and start: most events share round times. */
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

const styles = css`
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
  .chip b {
    font-weight: 600;
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
  @media (forced-colors: active) {
    .today {
      outline: 2px solid CanvasText;
      outline-offset: -4px;
    }
    .chip {
      border: 1px solid CanvasText;
    }
  }
`;

export class MonthView {
  /** The day whose events the day dialog lists, and what opened it. */
  private openDay?: string;
  private trigger?: HTMLElement;

  constructor(private readonly host: SiEventCalendar) {
    host.addStyles(styles);
  }

  /** Events by day for the grid (the host keeps the result until its inputs change). */
  byDay(list: readonly DayEvent[], from: string, to: string): Map<string, DayEvent[]> {
    return groupByDay(list, from, to);
  }

  render(lang: Lang): TemplateResult {
    const { host } = this;
    const { t, cursor, today } = host;
    const grid = monthGrid(cursor);
    const weekday = (day: string, weekday: 'short' | 'long') => dateFormat(lang, { weekday, timeZone: 'UTC' }).format(utcNoon(day));
    // One formatter for the 42 cell labels (the host's `dayText(lang, day, true)`).
    const long = dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    return html`${host.days.size ? nothing : host.renderEmpty()}
      <div class="month" part="month" role="grid" aria-labelledby="title" aria-describedby="grid-help" @keydown=${this.onKey} @click=${this.onClick}>
        <div class="week" role="row">
          ${grid.slice(0, 7).map(
            (day) => html`<div class="weekday" role="columnheader"><span aria-hidden="true">${weekday(day, 'short')}</span><span class="visually-hidden">${weekday(day, 'long')}</span></div>`,
          )}
        </div>
        ${[0, 7, 14, 21, 28, 35].map(
          (w) => html`<div class="week" role="row">
            ${grid.slice(w, w + 7).map((day) => {
              const items = host.days.get(day) ?? [];
              const chips = items.length > CHIPS ? items.slice(0, CHIPS - 1) : items;
              const more = items.length - chips.length;
              return html`<div role="gridcell" part="day" class="day ${day.slice(0, 7) === cursor.slice(0, 7) ? '' : 'outside'} ${day === today ? 'today' : ''}" data-day=${day}
                  tabindex=${day === cursor ? 0 : -1} aria-current=${day === today ? 'date' : nothing}>
                <span class="num" aria-hidden="true">${Number(day.slice(8))}</span>
                <span class="visually-hidden day-label">${long.format(utcNoon(day))}, ${items.length ? t('count', items.length) : t('noEvents')}</span>
                ${chips.map((item) => {
                  const time = chipTime(lang, item);
                  return html`<button type="button" tabindex="-1" class="chip ${item.event.status}" part="event-chip" data-id=${item.event.id}>${time ? html`<b>${time}</b> ` : nothing}${item.event.title}</button>`;
                })}
                ${more > 0 ? html`<button type="button" tabindex="-1" class="event more-link" part="more-link">${t('more', more)}</button>` : nothing}
              </div>`;
            })}
          </div>`,
        )}
      </div>
      <p id="grid-help" class="visually-hidden">${t('gridHelp')}</p>`;
  }

  /** The dialog with all events of a day (Enter on a day, or "+N more"). */
  renderDialog(lang: Lang): TemplateResult {
    const { host, openDay: day } = this;
    return html`<dialog class="day-dialog" part="dialog" aria-labelledby="day-title" @close=${this.onClose}>
      ${day
        ? html`<div class="dialog-head">
              <h2 id="day-title">${host.t('dayDialog', host.dayText(lang, day, true))}</h2>
              <button type="button" class="si-button close" part="close-button" @click=${host.closeDialog}><span aria-hidden="true">✕</span> ${host.t('close')}</button>
            </div>
            <ul class="day-list">
              ${(host.days.get(day) ?? []).map(
                (item) => html`<li><span class="time">${host.timeText(lang, item)}</span> ${host.renderEventButton(item.event)}</li>`,
              )}
            </ul>`
        : nothing}
    </dialog>`;
  }

  private async openDayDialog(day: string, trigger: HTMLElement): Promise<void> {
    this.trigger = trigger;
    this.openDay = day;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.showDialog('day-dialog');
  }

  private readonly onClose = () => {
    this.openDay = undefined;
    this.host.requestUpdate();
    this.host.restoreFocus(this.trigger);
    this.trigger = undefined;
  };

  private readonly onKey = (e: KeyboardEvent) => {
    const cell = (e.target as Element).closest<HTMLElement>('[role=gridcell]');
    const day = cell?.dataset.day;
    if (!day || e.altKey) return;
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'F2') {
      if (e.target !== cell) return; // a chip or "+N more" handles its own activation
      e.preventDefault();
      if (this.host.days.get(day)?.length) void this.openDayDialog(day, cell);
      return;
    }
    const next = moveDay(day, e.key, e);
    if (!next) return;
    e.preventDefault();
    void this.host.focusDay(next);
  };

  private readonly onClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const chip = target.closest<HTMLElement>('[data-id]');
    const more = target.closest<HTMLElement>('.more-link');
    const day = target.closest<HTMLElement>('[role=gridcell]')?.dataset.day;
    if (chip) void this.host.openEvent(chip.dataset.id!, chip);
    else if (day && more) void this.openDayDialog(day, more);
    else if (day && day !== this.host.cursor) void this.host.focusDay(day);
  };
}
