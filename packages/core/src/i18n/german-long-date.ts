/*
 * The German long date ("10. Juni 2025") without `Intl`, on its own: the cards show only this
 * format, the calendar's hand-written formats (german-dates.ts) build on it. A page's first
 * `Intl.DateTimeFormat` costs 11–15 ms cold. german-dates.node.test.ts compares it with `Intl`.
 */

export const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Years 1000–9999 (UTC): what the hand-written formats write; `Intl` writes the others its own way. */
export const MIN = Date.UTC(1000, 0, 1);
export const MAX = Date.UTC(10000, 0, 1);

export const longDate = (d: Date): string => `${d.getUTCDate()}. ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** "10. Juni 2025": the UTC day of `epochMs` as `dateStyle: 'long'` writes it; undefined outside 1000–9999 (ask `Intl`). */
export const germanLongDate = (epochMs: number): string | undefined =>
  epochMs >= MIN && epochMs < MAX ? longDate(new Date(epochMs)) : undefined;
