import { css, html, type TemplateResult } from 'lit';
import { safeUrl, type DataAdapter } from '@sozial-innovativ/core';
import type { DayEvent } from './days.js';
import type { CalendarFilter } from './filter.js';
import type { Translate } from './messages.js';

/**
 * Following a selection: with active filters, "subscribe" carries them when the source can filter
 * its feed; otherwise the selection is offered as an .ics file, with a hint why. Loaded when a
 * filter is first active.
 */

export const messages = {
  followSelection: 'Diese Auswahl als .ics herunterladen',
  followHint: 'Diese Quelle kann nicht nach Ihrer Auswahl filtern, ein Abo enthielte alle Termine. Die Datei enthält nur die gewählten Termine, wird aber nicht aktualisiert.',
};

export const styles = css`
  .follow {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .hint {
    flex: 1 1 20em;
    color: var(--_muted);
    font-size: 0.95em;
  }
  @media print {
    .follow {
      display: none;
    }
  }
`;

/**
 * A source that can filter its feed on the server (Karte von morgen's event search by tags and
 * area, The Events Calendar's iCal export by category): the calendar's "subscribe" then follows the
 * visitor's selection. No adapter of this repository has it yet; a host page or a later adapter adds it.
 */
export interface FilteredFeedSource {
  /** An http(s) or webcal URL of the feed with only the events that match `filter`, or undefined. */
  feedUrlFor?(filter: CalendarFilter): string | undefined;
}

/** The webcal: link of the source's feed for `filter`, when the source can make one. */
export function selectionFeed(source: (DataAdapter & FilteredFeedSource) | undefined, filter: CalendarFilter): string | undefined {
  const url = typeof source?.feedUrlFor === 'function' ? source.feedUrlFor(filter) : undefined;
  return url ? safeUrl(url.trim().replace(/^https?:\/\//i, 'webcal://')) : undefined;
}

/** "This selection as .ics" (the events `selection()` gives when clicked) and why it is a file, not a subscription. */
export const renderFollow = (t: Translate, selection: () => readonly DayEvent[], calendarName: string): TemplateResult =>
  html`<p class="follow"><button type="button" class="si-button" part="selection-ics-button" aria-describedby="follow-hint"
      @click=${(e: Event) => void downloadSelection(selection(), calendarName, (e.currentTarget as Node).getRootNode())}>${t('followSelection')}</button>
    <span class="hint" id="follow-hint">${t('followHint')}</span></p>`;

/** Writes the filtered events as one .ics (the writer arrives with the details, on first use). */
export async function downloadSelection(events: readonly DayEvent[], calendarName: string, root: Node): Promise<void> {
  const { downloadIcs, eventsToIcs } = await import('./details.js');
  downloadIcs(eventsToIcs(events.map((x) => x.event), { calendarName }), 'auswahl.ics', root);
}

