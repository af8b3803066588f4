import { css } from 'lit';

export const cardStyles = css`
  /* --si-initiative-card-title-color, -tag-background and -image-ratio fall back to their older names
     (--si-initiative-title-color, …), then to the global token. Values used once are read in place. */
  :host {
    --_card-radius: var(--si-initiative-card-radius, var(--_radius));
    --_tag-bg: var(--si-initiative-card-tag-background, var(--si-initiative-tag-background, var(--_surface-alt)));
    background: transparent;
    height: 100%;
  }
  article {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    height: 100%;
    padding: var(--_space);
    border: 1px solid var(--si-initiative-card-border-color, var(--_border));
    border-radius: var(--_card-radius);
    background: var(--si-initiative-card-background, var(--_surface));
  }
  :host([layout='list']) article {
    display: grid;
    grid-template-columns: minmax(6em, 12em) 1fr;
    column-gap: var(--_space);
    align-content: start;
  }
  :host([layout='list']) article > :not(.media) {
    grid-column: 2;
  }
  /* The image comes after the heading for screen readers but shows on top. */
  .media {
    order: -1;
    aspect-ratio: var(--si-initiative-card-image-ratio, var(--si-initiative-image-ratio, 16 / 9));
    margin: calc(-1 * var(--_space)) calc(-1 * var(--_space)) 0;
    overflow: hidden;
    border-radius: var(--_card-radius) var(--_card-radius) 0 0;
    background: var(--_tag-bg);
  }
  :host([layout='list']) .media {
    grid-row: 1 / span 6;
    margin: 0;
    border-radius: var(--_card-radius);
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .media img.failed {
    visibility: hidden;
  }
  .title {
    font-size: 1.2em;
    line-height: 1.3;
  }
  .primary {
    all: unset;
    color: var(--si-initiative-card-title-color, var(--si-initiative-title-color, var(--_accent)));
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  /* "Block link": the one link or button covers the whole card, nothing else is interactive. */
  .primary::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_card-radius);
  }
  .primary:focus-visible {
    outline: none;
  }
  .primary:focus-visible::after {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  article:hover .primary {
    text-decoration-thickness: 0.15em;
  }
  .meta,
  dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  dl {
    display: grid;
    gap: 0.25em;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    padding: 0;
    list-style: none;
  }
  .tags li {
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--_tag-bg);
    font-size: 0.9em;
  }
  /* Forced colours keep the card's border; the name should still look like a link. */
  @media (forced-colors: active) {
    .primary {
      color: LinkText;
    }
  }
`;
