import { css } from 'lit';

import { DialogController, type DialogHost } from '@sozial-innovativ/core/elements';

/**
 * The calendar's two dialogs, the event details and a day's events: their styles (the `<dialog>`,
 * heading row and close button) and their behaviour. Both arrive with the view that first fills a
 * dialog (`details.ts`, `month-view.ts`).
 */

/**
 * The behaviour of `<dialog class="${name}">`: core's dialog controller; when what opened the
 * dialog is gone, focus goes to the month grid's one tab stop.
 */
export const calendarDialog = <T>(host: DialogHost, name: string): DialogController<T> =>
  new DialogController<T>(host, { dialog: `dialog.${name}`, returnFocus: '[role=gridcell][tabindex="0"]' });

export const dialogStyles = css`
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
    line-height: 1.25;
  }
  .close {
    flex: none;
  }
`;
