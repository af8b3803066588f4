// Scheduling work a visitor does not wait for (idle time) and the next slice of work they do wait
// for: the one place for both (initiative cards, match finder). Runs in browsers and Node.
export type IdleDeadlineLike = { timeRemaining(): number };

type RequestIdle = (run: (deadline: IdleDeadlineLike) => void, options?: { timeout: number }) => void;
type PostTask = (run: () => void) => Promise<unknown>;

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

/**
 * Runs `run` in a task of its own as soon as the page has handled what is waiting (input,
 * rendering): the next slice of work a visitor waits for. `scheduler.postTask` where there is one,
 * since a chain of `setTimeout(0)` waits at least 4 ms per link.
 */
export function soon(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(run);
  else setTimeout(run, 0);
}
