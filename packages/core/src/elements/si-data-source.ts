import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataAdapter } from '../adapter.js';
import { adapterContext } from '../context.js';
import { loadSource } from '../controllers/source-options.js';

/**
 * Provides one data adapter to every Sozial.Innovativ widget inside it, so several widgets on a
 * page share one source (and one download).
 *
 * Every other attribute is an option of the adapter (`max-bytes`, `per-page`, …), read the same
 * way as on a widget with its own `src`. Inline data for the `json` and `memory` types can sit in
 * a child `<script type="application/json">`, which strict Content-Security-Policies allow because
 * it never runs.
 *
 * @tagname si-data-source
 * @summary Shares one data source among the widgets inside it.
 * @slot - The widgets that use this source.
 */
export class SiDataSource extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Adapter type: `json`, `ical`, `rest`, `wordpress`, `tribe`, `kvm`, `memory`. */
  @property() type = 'json';

  /** URL of the data. */
  @property() src?: string;

  /** REST adapter: a preset (`wordpress`, `tribe`) or nothing. */
  @property() preset?: string;

  /** Timeout per request in milliseconds. */
  @property({ type: Number }) timeout?: number;

  /** A ready adapter (for developers); overrides `type` and `src`. */
  @property({ attribute: false }) adapter?: DataAdapter;

  private readonly provider = new ContextProvider(this, { context: adapterContext });
  /** The options the current adapter was made from (see `loadSource`). */
  private key?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.adapter) {
      this.key = undefined;
      if (changed.has('adapter')) this.provider.setValue(this.adapter);
      return;
    }
    this.load();
  }

  private load(): void {
    if (this.adapter) return;
    const [key, adapter] = loadSource(this, this.type, this.key, () => this.load(), { preset: this.preset, timeout: this.timeout });
    if (!adapter) return;
    this.key = key;
    // A developer's adapter or newer options, set meanwhile, win over this one.
    void adapter.then((a) => this.key === key && !this.adapter && this.provider.setValue(a));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-data-source': SiDataSource;
  }
}
