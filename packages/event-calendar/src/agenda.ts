import { html, nothing, type TemplateResult } from 'lit';
import { dateFormat, safeUrl, utcNoon, type CalendarEvent, type Lang } from '@sozial-innovativ/core';
import type { AgendaRow, DayEvent } from './days.js';
import type { Translate } from './messages.js';

/**
 * The agenda: the calendar's list view (the default, and what upcoming mode and narrow containers
 * show), as templates of its rows. Its event button and time text are the calendar's everywhere.
 */

/** `17:00–20:00` (same day), `17:00`, or "all day". */
export function timeText(lang: Lang, t: Translate, item: DayEvent): string {
  const e = item.event;
  if (e.allDay) return t('allDay');
  const f = dateFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: e.timeZone });
  return item.end > item.start && item.firstDay === item.lastDay ? `${f.format(item.start)}–${f.format(item.end)}` : f.format(item.start);
}

/**
 * A button that opens the event `data-id`, with its cancelled/postponed badge. `data-url` is the
 * event's web address, which print writes out after the title (paper has no dialog to open).
 */
export const eventButton = (t: Translate, e: CalendarEvent, onClick: (e: Event) => void): TemplateResult =>
  html`<button type="button" class="event" part="event" data-id=${e.id} data-url=${safeUrl(e.url) ?? nothing} aria-haspopup="dialog" @click=${onClick}>${e.status === 'scheduled'
    ? nothing
    : html`<span class="badge ${e.status}" part="status">${t(`status.${e.status}`)}</span> `}<span class="event-title">${e.title}</span></button>`;

export interface AgendaProps {
  lang: Lang;
  t: Translate;
  /** A row with `series` is a grouped series (`group-series`). */
  rows: readonly (AgendaRow & { series?: readonly AgendaRow[] })[];
  /** How many rows show; "show more" offers the rest. */
  shown: number;
  /** Names the list. */
  label: string;
  /** Opens the event of the clicked button's `data-id`. */
  onEvent: (e: Event) => void;
  showMore: () => void;
  /** A grouped series' row (`group-series`, from `series-view.ts`). */
  seriesRow?: (row: AgendaRow & { series?: readonly AgendaRow[] }, index: number, total: number) => TemplateResult;
}

/** The rows (at least one) under their days, in pages. */
export function renderAgenda({ lang, t, rows, shown, label, onEvent, showMore, seriesRow }: AgendaProps): TemplateResult {
  const total = rows.length;
  const visible = rows.slice(0, shown);
  const day = dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  // Several calendars merged (`<si-data-source type="merge">`): each row names its own, as text.
  const mixed = new Set(rows.map((r) => r.item.event.source?.name)).size > 1;
  return html`<ol class="agenda" part="list" aria-label=${label}>
      ${visible.map((row, i) => {
        const { item, day: date } = row;
        if (row.series && seriesRow) return seriesRow(row, i, total);
        const e = item.event;
        const place = [e.location?.town, e.location?.name].filter(Boolean).join(' · ');
        const source = mixed && e.source?.name;
        // The day of the row above is read by screen readers but hidden from sight.
        return html`<li class="row ${e.status}" part="list-item" aria-setsize=${total} aria-posinset=${i + 1}>
          <p class="when">
            <span class="${i && visible[i - 1]!.day === date ? 'visually-hidden' : 'date'}">${day.format(utcNoon(date))}</span>
            <span>${timeText(lang, t, item)}</span>
          </p>
          <div>
            ${eventButton(t, e, onEvent)}
            ${place || e.format ? html`<p class="meta">${place}${e.format && e.format !== 'onsite' ? html`<span class="format">${t(`format.${e.format}`)}</span>` : nothing}</p>` : nothing}
            ${source ? html`<p class="meta" part="source">${t('source')}: ${source}</p>` : nothing}
          </div>
        </li>`;
      })}
    </ol>
    ${visible.length < total
      ? html`<button type="button" class="si-button more" part="more-button" @click=${showMore}>${t('showMore', visible.length, total)}</button>`
      : nothing}`;
}
