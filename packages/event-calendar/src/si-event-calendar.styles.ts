import { css } from 'lit';

/**
 * Layout in `em` so the calendar follows the page's text size and 200 % zoom. The calendar is a
 * size container: toolbar and filters wrap in narrow containers, and below 36em the element
 * shows the agenda instead of the grid (see `NARROW_EM`), so 320 px never scrolls sideways.
 */
export const styles = css`
  :host {
    --_cal-accent: var(--si-event-calendar-accent, var(--_accent));
    --_cal-today: var(--si-event-calendar-today, var(--_surface-alt));
    --_cal-cancelled: var(--si-event-calendar-cancelled, var(--_danger));
    --_cell-height: var(--si-event-calendar-cell-height, 6.5em);
  }
  .base {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .heading {
    font-size: 1.4em;
    line-height: 1.25;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .title {
    flex: 1 1 12em;
    font-size: 1.25em;
    line-height: 1.25;
  }
  .nav,
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  .nav .si-button,
  .views .si-button {
    padding-inline: 0.7em;
  }
  .si-button:focus-visible,
  .event:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11em), 1fr));
    gap: 0.5em 0.75em;
    align-items: end;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    min-width: 0;
    font-weight: 600;
  }
  .field select,
  .field input {
    min-height: 2.75em;
    width: 100%;
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
  .body[aria-busy='true'] .agenda,
  .body[aria-busy='true'] .month {
    opacity: 0.6;
  }

  /* Agenda */
  .agenda,
  .day-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(7em, 10em) minmax(0, 1fr);
    gap: 0.25em 1em;
    padding-block: 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  .when {
    display: flex;
    flex-direction: column;
    color: var(--_muted);
  }
  .date {
    color: var(--_text);
    font-weight: 600;
  }
  .date.repeat {
    /* The day of the row above: read by screen readers, hidden from sight to keep groups calm. */
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .what {
    min-width: 0;
  }
  .event {
    display: inline;
    padding: 0.2em 0;
    min-height: 1.5em;
    border: 0;
    background: none;
    color: var(--_cal-accent);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .event:hover {
    text-decoration-thickness: 0.15em;
  }
  .cancelled .event-title {
    text-decoration: line-through;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .format {
    margin-inline-start: 0.5em;
    padding: 0 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .badge {
    display: inline-block;
    margin-inline-end: 0.35em;
    padding: 0 0.4em;
    border-radius: var(--_radius);
    background: var(--_cal-cancelled);
    color: #fff;
    font-size: 0.85em;
    font-weight: 700;
    text-decoration: none;
  }
  .badge.postponed {
    background: var(--_warning-bg);
    color: #1b1b1b;
    border: 1px solid var(--_border);
  }
  .more {
    align-self: flex-start;
    margin-block-start: 0.5em;
  }
  @container (max-width: 30em) {
    .row {
      grid-template-columns: minmax(0, 1fr);
    }
    .when {
      flex-direction: row;
      flex-wrap: wrap;
      gap: 0 0.5em;
    }
  }

  /* Month grid */
  .month {
    display: flex;
    flex-direction: column;
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
    align-items: stretch;
    gap: 0.15em;
    min-width: 0;
    min-height: var(--_cell-height);
    padding: 0.25em;
    border-block-start: 1px solid var(--_border);
    border-inline-start: 1px solid var(--_border);
    cursor: default;
  }
  .day:first-child {
    border-inline-start: 0;
  }
  .day.outside {
    background: var(--_surface-alt);
    color: var(--_muted);
  }
  .day.today {
    background: var(--_cal-today);
    box-shadow: inset 0 0 0 2px var(--_cal-accent);
  }
  .day:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .num {
    font-weight: 600;
  }
  .today .num {
    color: var(--_cal-accent);
  }
  .chip,
  .more-link {
    display: block;
    width: 100%;
    overflow: hidden;
    padding: 0.1em 0.3em;
    border: 0;
    border-inline-start: 0.25em solid var(--_cal-accent);
    border-radius: 0.2em;
    background: var(--_surface);
    color: var(--_text);
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
  .chip-time {
    font-weight: 600;
  }
  .more-link {
    border: 0;
    background: none;
    color: var(--_cal-accent);
    font-weight: 600;
    text-decoration: underline;
  }

  /* Dialogs */
  dialog {
    width: min(40em, calc(100vw - 2em));
  }
  .dialog-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1em;
    margin-block-end: 0.75em;
  }
  .dialog-head h2 {
    font-size: 1.25em;
    line-height: 1.3;
  }
  .close {
    flex: none;
  }
  .status-banner {
    margin-block-end: 0.75em;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(6em, max-content) minmax(0, 1fr);
    gap: 0.35em 1em;
    margin-block-end: 0.75em;
  }
  .facts dt {
    font-weight: 600;
  }
  @container (max-width: 24em) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .description {
    white-space: pre-line;
    margin-block-end: 0.75em;
  }
  .easy {
    margin-block-end: 0.75em;
    padding: 0.75em;
    border-inline-start: 0.3em solid var(--_cal-accent);
    background: var(--_surface-alt);
    font-size: 1.05em;
  }
  .easy h3 {
    font-size: 1em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
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
    .day.today {
      outline: 2px solid CanvasText;
      outline-offset: -4px;
    }
    .chip,
    .badge,
    .format {
      border: 1px solid CanvasText;
    }
    .day:focus-visible,
    .event:focus-visible {
      outline-color: Highlight;
    }
  }
`;
