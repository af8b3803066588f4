import { css } from 'lit';

/**
 * Layout in `em` so the calendar follows the page's text size and 200 % zoom. The calendar is a
 * size container: toolbar and filters wrap in narrow containers, and below 36em the element
 * shows the agenda instead of the grid and folds the filters (see `WIDTHS`), so 320 px never
 * scrolls sideways; up to 48em the month is compact.
 * Buttons, focus rings, states and dialogs come from core's `baseStyles`; the month grid, the
 * filter form and the event details bring their own styles (and the dialogs', `dialog.ts`) when they load.
 */
export const styles = css`
  :host {
    --_cal-accent: var(--si-event-calendar-accent, var(--_accent));
    --_cal-cancelled: var(--si-event-calendar-cancelled, var(--_danger));
  }
  .base {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .heading {
    font-size: 1.4em;
  }
  .toolbar,
  .nav,
  .views {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em;
  }
  .toolbar {
    gap: 0.5em 1em;
  }
  .title {
    flex: 1 1 12em;
    font-size: 1.25em;
  }
  .heading,
  .title {
    line-height: 1.25;
  }
  .toolbar .si-button {
    padding-inline: 0.7em;
  }
  [aria-busy='true'] > :is(.agenda, .month) {
    opacity: 0.6;
  }
  ol,
  ul {
    list-style: none;
    padding: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(7em, 10em) minmax(0, 1fr);
    gap: 0.25em 1em;
    padding-block: 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  .when,
  .meta {
    color: var(--_muted);
  }
  .when {
    display: flex;
    flex-direction: column;
  }
  .meta {
    font-size: 0.95em;
  }
  .date {
    color: var(--_text);
    font-weight: 600;
  }
  .event {
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
  .format,
  .badge {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .format {
    margin-inline-start: 0.5em;
  }
  .badge {
    margin-inline-end: 0.35em;
    /* Transparent, so forced-colours mode still draws the badge's outline. */
    border-color: transparent;
    background: var(--_cal-cancelled);
    color: #fff;
    font-size: 0.85em;
    font-weight: 700;
  }
  .badge.postponed {
    border-color: var(--_border);
    background: var(--_warning-bg);
    color: #1b1b1b;
  }
  .more {
    margin-block-start: 0.5em;
  }
  /*
   * Paper: no controls (the nav and view groups hold only buttons; the lazily loaded views hide
   * their own), and each event's web address written out after its title.
   */
  @media print {
    .si-button {
      display: none;
    }
    [data-url]::after {
      content: ' (' attr(data-url) ')';
    }
  }
  @container (max-width: 30em) {
    .row {
      grid-template-columns: minmax(0, 1fr);
    }
    .when {
      flex-flow: row wrap;
      gap: 0 0.5em;
    }
  }
`;
