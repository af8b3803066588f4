export type IdleDeadlineLike = { timeRemaining(): number };

type RequestIdle = (run: (deadline: IdleDeadlineLike) => void, options?: { timeout: number }) => void;

/**
 * Runs `run` when the page is idle (`requestIdleCallback`, at the latest after `timeout` ms),
 * else in a task soon with an 8 ms budget (Safari, Node): for work the visitor does not wait for.
 */
export function whenIdle(run: (deadline: IdleDeadlineLike) => void, timeout = 200): void {
  const ric = (globalThis as { requestIdleCallback?: RequestIdle }).requestIdleCallback;
  if (ric) ric(run, { timeout });
  else
    setTimeout(() => {
      const until = performance.now() + 8;
      run({ timeRemaining: () => until - performance.now() });
    }, 0);
}
