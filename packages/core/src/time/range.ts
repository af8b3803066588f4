// Range queries, called by adapters (and the contract suite), not by widgets: outside dates.ts.

/** Whether `[start, end)` touches `[from, to)`; a point event counts when `from <= start < to`. */
export function overlapsRange(start: number, end: number, from: number, to: number): boolean {
  return start < to && (end > from || (end === start && start >= from));
}
