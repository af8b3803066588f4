import { css } from 'lit';

/**
 * The event and day dialogs (their `<dialog>`, heading row and close button), in the modules that
 * fill them (`details.ts`, `month-view.ts`), so the first script does not carry them.
 */
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
