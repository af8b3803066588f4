import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's width class, watched with a ResizeObserver: `size` is how many of the breakpoints
 * (ascending, in `em` of the host's font size) its width reaches, so 0 is narrower than the first.
 * It starts at the widest until the first measurement.
 */
export class NarrowController implements ReactiveController {
  size: number;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly em: readonly number[],
  ) {
    this.size = em.length;
    host.addController(this);
  }

  /** Narrower than the first breakpoint. */
  get narrow(): boolean {
    return !this.size;
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (!width) return;
      const px = parseFloat(getComputedStyle(this.host).fontSize) || 16;
      const size = this.em.filter((em) => width >= em * px).length;
      // A change of view resizes the host; applying it in the next frame keeps the observer out
      // of a resize loop.
      if (size !== this.size) {
        requestAnimationFrame(() => {
          this.size = size;
          this.host.requestUpdate();
        });
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
