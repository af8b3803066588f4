import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdapterError, createAdapter, type DataAdapter } from '../adapter.js';
import { adapterContext } from '../context.js';

export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  adapter?: DataAdapter;
  src?: string;
  sourceType?: string;
}

/** `events.ics` → ical, anything else → json. */
export function guessSourceType(src: string): string {
  return /\.ics(\?|#|$)/i.test(src) || /^webcal:/i.test(src) ? 'ical' : 'json';
}

/** An adapter whose every call fails with `error`: a misconfigured source becomes an error state. */
export function failingAdapter(error: unknown): DataAdapter {
  const fail = () => Promise.reject(error);
  return { kind: 'error', events: fail, initiatives: fail, initiative: fail, questionnaire: fail, offers: fail };
}

/**
 * Finds the adapter a widget uses, in this order: its `adapter` property, its `src` (+
 * `source-type`) attributes, the nearest `<si-data-source>` through context. `adapter` is
 * `undefined` while none is known yet.
 */
export class SourceController implements ReactiveController {
  private contextAdapter?: DataAdapter;
  private ownAdapter?: DataAdapter;
  private ownKey?: string;
  private unsubscribe?: () => void;

  constructor(private readonly host: SourceHost) {
    host.addController(this);
  }

  get adapter(): DataAdapter | undefined {
    return this.host.adapter ?? (this.host.src ? this.ownAdapter : this.contextAdapter);
  }

  /** True when nothing is configured and no `<si-data-source>` is around to provide one. */
  get unconfigured(): boolean {
    return !this.host.adapter && !this.host.src && !this.contextAdapter && !this.host.closest('si-data-source');
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
    const { src, sourceType } = this.host;
    if (this.host.adapter || !src) return;
    const type = sourceType || guessSourceType(src);
    const key = `${type} ${src}`;
    if (key === this.ownKey) return;
    this.ownKey = key;
    this.ownAdapter = undefined;
    createAdapter(type, { src })
      .catch((e) => failingAdapter(e instanceof AdapterError ? e : new AdapterError('config', String(e))))
      .then((adapter) => {
        if (this.ownKey !== key) return;
        this.ownAdapter = adapter;
        this.host.requestUpdate();
      });
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
