// The cold-page clock (bench/cold.mjs). A classic script loaded before the clock starts, so setting
// it up is not timed; the page starts it with an inline `__cold.start()` right before the library's
// script tags, so loading, parsing and running the library's code counts.
//
// It stops at the first frame after the last DOM mutation:
//   - a MutationObserver on the container (#host) and on every shadow root as it is attached
//     (Element.prototype.attachShadow is wrapped), subtree, child lists, attributes and text,
//     records the time of the latest mutation;
//   - a requestAnimationFrame loop, running from the start, records the first frame callback after
//     that mutation (performance.now() inside the callback);
//   - settled = no mutation for QUIET_MS and the page's own check of the expected DOM passes; the
//     figure is that frame's time − the start.
(() => {
  const QUIET_MS = 500;
  let t0 = NaN;
  let last = -Infinity;
  let stop = NaN;
  let stopFor = -Infinity;
  let mutations = 0;
  const seen = new WeakSet();
  const observer = new MutationObserver((records) => {
    last = performance.now();
    mutations += records.length;
  });
  const watch = (node) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  const frame = () => {
    if (last > stopFor) {
      stop = performance.now();
      stopFor = last;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  window.__cold = {
    /** Page-specific: `done.first()` / `done.next()` return a detail object once the expected DOM is there. */
    done: {},
    /** Page-specific: the click of a switch case. */
    next: undefined,
    start() {
      t0 = performance.now();
      performance.mark('cold-start');
      watch(document.getElementById('host'));
    },
    /** A second timed act on the same page (the switch): counted afresh from right before `act`. */
    restart(act) {
      mutations = 0;
      last = -Infinity;
      stopFor = -Infinity;
      stop = NaN;
      t0 = performance.now();
      act();
    },
    /** Resolves once settled: `{ ms, mutations, lastMutation, detail }` (ms from the start). */
    settled(which = 'first', timeoutMs = 30_000) {
      const begun = performance.now();
      return new Promise((resolve, reject) => {
        const poll = () => {
          const now = performance.now();
          const quiet = mutations > 0 && now - last >= QUIET_MS && stopFor === last;
          const detail = quiet && window.__cold.done[which]?.();
          if (detail) return resolve({ ms: stop - t0, lastMutation: last - t0, mutations, detail });
          if (now - begun > timeoutMs) {
            return reject(new Error(`not settled after ${timeoutMs / 1000} s (${mutations} mutations, expected DOM ${quiet ? 'missing' : 'not checked'})`));
          }
          setTimeout(poll, 50);
        };
        poll();
      });
    },
  };
})();
