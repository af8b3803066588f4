import { css } from 'lit';

/**
 * The journey's styles for its first screens (start page, steps, check); the results' own are
 * `si-match-finder.results.styles.ts`, in the later chunk. They style nothing before the journey
 * is there (loading and error states are core's), so they arrive with it: the journey controller
 * adopts them into the element's shadow root when its lazy chunk has loaded.
 *
 * Tokens: `--si-match-finder-*`, then the global `--si-*` (through core's `--_*`). The names
 * `--si-match-*` of 0.1 still work as a fallback in between.
 */
export const matchFinderStyles = css`
  :host {
    --_m-accent: var(--si-match-finder-accent, var(--si-match-accent, var(--_accent)));
    --_m-error: var(--si-match-finder-error, var(--si-match-error, var(--_danger)));
    --_m-surface: var(--si-match-finder-surface, var(--si-match-surface, var(--_surface-alt)));
    --_m-gap: var(--si-match-finder-gap, var(--si-match-gap, var(--_space)));
  }
  .si-button.primary {
    background: var(--_m-accent);
    border-color: var(--_m-accent);
  }
  .start,
  .step,
  .check,
  .results,
  .list {
    display: grid;
    gap: var(--_m-gap);
  }
  .start,
  .step,
  .check,
  .error-summary {
    max-width: var(--si-match-finder-max-width, var(--si-match-max-width, 40em));
  }
  .heading {
    font-size: 1.5em;
    line-height: 1.25;
  }
  /* Focus moves to the heading on every step: outlined only where the browser shows focus. */
  .heading:focus:not(:focus-visible) {
    outline: none;
  }
  .caption {
    display: block;
    color: var(--_muted);
    font-size: 0.7em;
    font-weight: normal;
  }
  .optional {
    font-weight: normal;
    font-size: 0.7em;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.5em;
  }
  .hint {
    color: var(--_muted);
    margin-block-end: 0.75em;
  }
  .choices,
  .fields {
    display: grid;
    gap: 0.5em;
  }
  .scale .choices {
    grid-template-columns: repeat(auto-fit, minmax(7em, 1fr));
  }
  .check-row {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-height: 2.75em;
  }
  .check-row input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
    accent-color: var(--_m-accent);
  }
  .field {
    display: grid;
    gap: 0.25em;
    justify-items: start;
  }
  .field label {
    font-weight: 600;
  }
  input[type='text'],
  select {
    min-height: 2.75em;
    padding: 0.3em 0.5em;
    border: 2px solid var(--_text);
    border-radius: 0;
    background: var(--_surface);
    max-width: 100%;
  }
  .has-error fieldset {
    border-inline-start: 0.3em solid var(--_m-error);
    padding-inline-start: 0.75em;
  }
  .error-message {
    color: var(--_m-error);
    font-weight: 600;
    margin-block-end: 0.5em;
  }
  .error-summary {
    padding: var(--_m-gap);
    border: 0.25em solid var(--_m-error);
    margin-block-end: var(--_m-gap);
  }
  .error-summary a {
    color: var(--_m-error);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .back,
  .link {
    justify-self: start;
    padding: 0.25em 0;
    min-height: 2.75em;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .status:empty {
    display: none;
  }
  .privacy {
    padding: 0.5em 0.75em;
    border-inline-start: 0.3em solid var(--_m-accent);
    background: var(--_m-surface);
  }
  .summary {
    display: grid;
    border-block-start: 1px solid var(--_border);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(8em, 2fr) 2fr auto;
    gap: 0.25em 1em;
    padding-block: 0.5em;
    border-block-end: 1px solid var(--_border);
  }
  .summary dt {
    font-weight: 600;
  }
  /* On paper (or a PDF): what was answered, no controls (the results add theirs). */
  @media print {
    button,
    input,
    select,
    textarea,
    .actions,
    .status {
      display: none !important;
    }
    a {
      color: inherit;
    }
  }
  @media (max-width: 30em) {
    .summary-row {
      grid-template-columns: 1fr;
    }
  }
  @media (forced-colors: active) {
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
