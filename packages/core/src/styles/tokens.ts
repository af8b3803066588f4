import { css } from 'lit';

/**
 * Shared host styles and design tokens. Every widget reads `--si-<widget>-*` first, then the
 * global `--si-*` token, then these defaults (WCAG AA on white: text 16:1, muted 7:1, accent
 * 6.4:1, borders 4.5:1). A theme's colours carry over: the focus ring follows the accent, the
 * alternate surface the surface, muted text and borders the text colour, unless set themselves, so a theme that passes the configurator's
 * AA check keeps its text readable and its ring at 3:1 everywhere (quality/focus-ring.test.ts).
 * The host page's font is inherited; sizes are in `em` so the widget follows the text size
 * around it and the user's zoom.
 */
export const baseStyles = css`
  :host {
    --_text: var(--si-color-text, #1b1b1b);
    --_muted: var(--si-color-muted, var(--si-color-text, #555));
    --_surface: var(--si-color-surface, #fff);
    --_surface-alt: var(--si-color-surface-alt, var(--si-color-surface, #f2f4f7));
    --_accent: var(--si-color-accent, #0b5cad);
    --_accent-contrast: var(--si-color-accent-contrast, #fff);
    --_border: var(--si-color-border, var(--si-color-text, #6b6b6b));
    --_danger: var(--si-color-danger, #a4001d);
    --_warning-bg: var(--si-color-warning-bg, #fff3cd);
    --_focus: var(--si-color-focus, var(--_accent));
    --_radius: var(--si-radius, 0.375em);
    --_space: var(--si-space, 1em);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--si-font-family, inherit);
    font-size: var(--si-font-size, max(1em, 14px));
    line-height: 1.5;
    text-align: start;
    overflow-wrap: anywhere;
  }
  /* Focus parks on the host after "retry" (see states.ts); it is not a control, so no ring. */
  :host(:focus) {
    outline: none;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h1, h2, h3, h4, p, ul, ol, dl, dd, figure {
    margin: 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  a {
    color: var(--_accent);
  }
  .si-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.4em 0.9em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    text-decoration: none;
    font-weight: 600;
    line-height: 1.2;
  }
  .si-button.primary,
  .si-button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .si-button:hover {
    text-decoration: underline;
  }
  .si-button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .si-state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5em;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .si-state.error {
    border-color: var(--_danger);
    border-inline-start-width: 0.4em;
  }
  .si-state .detail {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .si-notice {
    padding: 0.5em 0.75em;
    margin-block-end: 0.5em;
    border-inline-start: 0.3em solid var(--_border);
    background: var(--_warning-bg);
    color: #1b1b1b;
    font-size: 0.9em;
  }
  .si-spinner {
    width: 1.25em;
    height: 1.25em;
    border: 0.2em solid var(--_border);
    border-top-color: transparent;
    border-radius: 50%;
    animation: si-spin 0.9s linear infinite;
  }
  @keyframes si-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .si-button,
    .si-state,
    .si-notice {
      border: 1px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  dialog {
    max-width: min(40em, calc(100vw - 2em));
    max-height: calc(100dvh - 2em);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
`;
