import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../adapter.js';
import { adapterContext } from '../context.js';
import type { OwnSource } from './source-options.js';

export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  adapter?: DataAdapter;
  src?: string;
  sourceType?: string;
}

/**
 * Finds the adapter a widget uses, in this order: its `adapter` property, its own source (`src`
 * and/or `source-type`, its other attributes as options, inline JSON: source-options.ts, the same
 * path as `<si-data-source>`), the nearest `<si-data-source>` through context. `adapter` is
 * `undefined` while none is known yet.
 */
export class SourceController implements ReactiveController {
  private contextAdapter?: DataAdapter;
  private readonly own: OwnSource = {};
  private unsubscribe?: () => void;

  constructor(private readonly host: SourceHost) {
    host.addController(this);
  }

  get adapter(): DataAdapter | undefined {
    return this.host.adapter ?? (this.ownSource ? this.own.adapter : this.contextAdapter);
  }

  /** True when nothing is configured and no `<si-data-source>` is around to provide one. */
  get unconfigured(): boolean {
    return !this.host.adapter && !this.ownSource && !this.contextAdapter && !this.host.closest('si-data-source');
  }

  private get ownSource(): string | undefined {
    return this.host.src || this.host.sourceType;
  }

  hostConnected(): void {
    this.request();
    // A provider that upgrades after this widget (lazy loading) is asked again once it exists.
    if (!this.contextAdapter && this.host.closest('si-data-source') && !customElements.get('si-data-source')) {
      customElements.whenDefined('si-data-source').then(() => this.host.isConnected && this.request());
    }
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  hostUpdate(): void {
    // Loaded only by widgets with their own source: not part of every widget's first chunk.
    if (!this.host.adapter && this.ownSource) void import('./source-options.js').then((m) => m.loadOwnSource(this.host, this.own, () => this.hostUpdate()));
  }

  private request(): void {
    this.unsubscribe?.();
    this.host.dispatchEvent(
      new ContextRequestEvent(
        adapterContext,
        this.host,
        (value, unsubscribe) => {
          if (unsubscribe && this.unsubscribe !== unsubscribe) {
            this.unsubscribe?.();
            this.unsubscribe = unsubscribe;
          }
          this.contextAdapter = value;
          this.host.requestUpdate();
        },
        true,
      ),
    );
  }
}
