import { css, html, type TemplateResult } from 'lit';
import { dateFormat, utcNoon, type Lang } from '@sozial-innovativ/core';
import { eventButton, timeText } from './agenda.js';
import { seriesText, seriesVoice, type SeriesRow } from './series.js';
import type { Translate } from './messages.js';

/**
 * A series shown once (`group-series`): its row in the agenda, loaded with the grouping when the
 * attribute is set. The row says the rule and opens to the dates (a disclosure button).
 */
export { groupSeries } from './series.js';

export const messages = {
  seriesShow: 'Alle Termine zeigen',
};

export const styles = css`
  .rule {
    margin-block: 0.15em 0.35em;
  }
  .series-dates {
    margin-block-start: 0.5em;
  }
  .series-dates li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    padding-block: 0.2em;
  }
`;

export interface SeriesRowProps {
  lang: Lang;
  t: Translate;
  easyRead: boolean;
  row: SeriesRow;
  /** Position in the list, for the row's set position and the ids. */
  index: number;
  total: number;
  open: boolean;
  now: number;
  onEvent: (e: Event) => void;
  /** Toggles the series `data-uid`. */
  toggle: (e: Event) => void;
}

/** One agenda row for a whole series: its next date, the rule in words, and its dates on demand. */
export function renderSeriesRow({ lang, t, easyRead, row, index, total, open, now, onEvent, toggle }: SeriesRowProps): TemplateResult {
  const e = row.item.event;
  const rows = row.series!;
  const id = `series-${index}`;
  const day = dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return html`<li class="row series ${e.status}" part="list-item" aria-setsize=${total} aria-posinset=${index + 1}>
    <p class="when"><span class="date">${day.format(utcNoon(row.day))}</span><span>${timeText(lang, t, row.item)}</span></p>
    <div>
      ${eventButton(t, e, onEvent)}
      <p class="meta rule" part="series-rule">${seriesText(seriesVoice(lang, easyRead), rows.map((r) => r.item), now)}</p>
      <button type="button" class="si-button" part="series-toggle" data-uid=${e.uid} aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${toggle}>${t('seriesShow')}</button>
      <ul class="series-dates" id=${id} ?hidden=${!open}>
        ${rows.map(({ item, day: date }) => html`<li><span>${day.format(utcNoon(date))}, ${timeText(lang, t, item)}</span>${eventButton(t, item.event, onEvent)}</li>`)}
      </ul>
    </div>
  </li>`;
}

/**
 * The agenda's `seriesRow` with these settings: the row of each grouped series, open when its UID
 * is in `open`. Made here so the first script carries only the call.
 */
export const seriesRows =
  ({ open, ...props }: Omit<SeriesRowProps, 'row' | 'index' | 'total' | 'open' | 'now'> & { open: ReadonlySet<string> }) =>
  (row: SeriesRow, index: number, total: number): TemplateResult =>
    renderSeriesRow({ ...props, row, index, total, open: open.has(row.item.event.uid), now: Date.now() });
