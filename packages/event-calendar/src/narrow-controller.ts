import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the host is narrower than `em` of its own font size, watched with a ResizeObserver. */
export class NarrowController implements ReactiveController {
  narrow = false;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly em: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (!width) return;
      const narrow = width < this.em * (parseFloat(getComputedStyle(this.host).fontSize) || 16);
      // A change of view resizes the host; applying it in the next frame keeps the observer out
      // of a resize loop.
      if (narrow !== this.narrow) {
        requestAnimationFrame(() => {
          this.narrow = narrow;
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
