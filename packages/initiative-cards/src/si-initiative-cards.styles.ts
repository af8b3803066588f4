import { css } from 'lit';

export const showcaseStyles = css`
  :host {
    --_gap: var(--si-initiative-gap, var(--_space));
    --_min-card: var(--si-initiative-card-min-width, 17em);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em var(--_gap);
    margin-block-end: var(--_gap);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .search {
    flex: 1 1 18em;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint,
  .count-detail {
    color: var(--_muted);
    font-size: 0.9em;
    font-weight: normal;
  }
  input[type='search'],
  input[type='text'],
  select {
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[inputmode='numeric'] {
    width: 7em;
  }
  .facets {
    margin-block-end: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .facets summary {
    padding: 0.6em var(--_space);
    font-weight: 600;
    cursor: pointer;
  }
  .facet-groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: var(--_gap);
    padding: 0 var(--_space) var(--_space);
  }
  fieldset {
    margin: 0;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  fieldset label {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2em;
    font-weight: normal;
  }
  fieldset input {
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_accent);
  }
  .zero {
    color: var(--_muted);
  }
  .status {
    margin-block: 0.5em;
    font-weight: 600;
  }
  .results {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min-card)), 1fr));
    gap: var(--_gap);
    padding: 0;
    margin: 0;
    list-style: none;
  }
  :host([layout='list']) .results {
    grid-template-columns: 1fr;
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-block-start: var(--_gap);
  }
  h2 {
    font-size: 1.5em;
    margin-block-end: 0.5em;
  }
`;
