import { css } from 'lit';

/**
 * The results' styles (list, explanations, filters, shortlist, comparison, contact, print), in the
 * journey's later chunk with the results screens (`journey/results.ts`). The journey controller
 * adopts them after the first screens' sheet (`si-match-finder.styles.ts`, whose custom
 * properties `--_m-*` they use) when that chunk has loaded, so the cascade is the same as one
 * sheet.
 */
export const matchFinderResultsStyles = css`
  .list,
  .hints,
  .links,
  .chips ul {
    list-style: none;
    padding: 0;
  }
  .result article {
    display: grid;
    gap: 0.5em;
    padding: var(--_m-gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_m-surface);
  }
  .result h3 {
    font-size: 1.2em;
  }
  .score {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    font-weight: 600;
  }
  .score meter {
    width: 8em;
    height: 1em;
  }
  .sides,
  .where {
    color: var(--_muted);
    font-weight: normal;
  }
  .explanation {
    display: grid;
    gap: 0.25em;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.35em;
  }
  .chips p {
    font-weight: 600;
  }
  .chips ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .chips li {
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    background: var(--_surface);
  }
  .chips li::before {
    margin-inline-end: 0.3em;
  }
  .agree li::before {
    content: '✓' / '';
  }
  .near li::before {
    content: '≈' / '';
  }
  .disagree li::before {
    content: '✗' / '';
  }
  .hints {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em 1.5em;
    padding: 0.75em;
    border: 1px solid var(--_border);
  }
  .filters legend {
    font-weight: 600;
    padding-inline: 0.25em;
  }
  .filters p:empty {
    display: none;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  .links a {
    display: inline-block;
    min-height: 2.75em;
    padding-block: 0.6em;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 2.75em;
    padding-block: 0.5em;
  }
  .share {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  /* The whole link stays readable, so a person can check it before passing it on. */
  .share .field,
  .share input {
    justify-self: stretch;
    width: 100%;
    box-sizing: border-box;
  }
  .result-actions,
  .compare-bar,
  .contact {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1.25em;
  }
  .contact .links {
    margin: 0;
  }
  [aria-pressed='true'] {
    background: var(--_m-accent);
    border-color: var(--_m-accent);
    color: var(--_accent-contrast);
  }
  [aria-pressed='true']::before {
    content: '✓ ' / '';
  }
  .compare-bar p:empty {
    display: none;
  }
  .shortlist {
    padding: 0.5em 0.75em;
    border: 1px dashed var(--_border);
  }
  .shortlist h3 {
    font-size: 1.1em;
  }
  .mail {
    display: grid;
    gap: 0.5em;
    flex-basis: 100%;
    justify-items: start;
  }
  .mail .field,
  textarea {
    justify-self: stretch;
    box-sizing: border-box;
    width: 100%;
  }
  textarea {
    padding: 0.3em 0.5em;
    border: 2px solid var(--_text);
    font: inherit;
  }
  .mail-answers ul,
  .plain {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .plain {
    list-style: none;
    padding: 0;
  }
  .how p {
    max-width: 40em;
    margin-block: 0.5em;
  }
  /* The comparison: a real table; stacked when the widget itself is narrow. */
  .compare {
    display: grid;
    gap: var(--_m-gap);
    container-type: inline-size;
  }
  .compare-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    padding-block-end: 0.5em;
    color: var(--_muted);
  }
  th,
  td {
    padding: 0.5em;
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_m-surface);
  }
  .fit {
    display: block;
    font-weight: 600;
  }
  .fit.disagree {
    color: var(--_m-error);
  }
  .offer-value {
    display: block;
    color: var(--_muted);
  }
  @container (max-width: 600px) {
    table,
    caption,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      margin-block-end: var(--_m-gap);
      border: 1px solid var(--_border);
    }
    tbody th,
    td {
      border: 0;
    }
    tbody th {
      background: var(--_m-surface);
    }
    td::before {
      content: attr(data-label);
      content: attr(data-label) / '';
      display: block;
      font-size: 0.85em;
      color: var(--_muted);
    }
  }
  .print-only {
    display: none;
  }
  .print-answers div,
  .written-contact div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .print-answers dt::after,
  .written-contact dt::after {
    content: ':';
  }
  .print-answers dd,
  .written-contact dd {
    margin: 0;
  }
  /* On paper (or a PDF): the ranked list with its reasons, the date, the contacts written out;
     no controls. */
  @media print {
    .filters,
    .hints,
    .result-actions,
    .compare-bar,
    .contact,
    .how,
    .shortlist .hint {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    .result article,
    tr {
      break-inside: avoid;
    }
    .compare-scroll {
      overflow: visible;
    }
  }
  @media (forced-colors: active) {
    .chips li,
    .result article,
    th,
    td {
      border-color: CanvasText;
    }
  }
`;
