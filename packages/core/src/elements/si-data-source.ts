import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataAdapter } from '../adapter.js';
import { adapterContext } from '../context.js';
import { guessSourceType, loadSource, mergeSources, type LabelledSource } from '../controllers/source-options.js';

/**
 * Provides one data adapter to every Sozial.Innovativ widget inside it, so several widgets on a
 * page share one source (and one download).
 *
 * Every other attribute is an option of the adapter (`max-bytes`, `per-page`, …), read the same
 * way as on a widget with its own `src`. Inline data for the `json` and `memory` types can sit in
 * a child `<script type="application/json">`, which strict Content-Security-Policies allow because
 * it never runs.
 *
 * With `type="merge"` it merges the sources nested in it, one `<si-data-source>` each with its
 * `label`: the widgets next to them get every source's events by time, each labelled with its
 * source, and a notice when one is down. The nested sources provide nothing themselves (a widget
 * asks its nearest ancestor, the merging one).
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

  /**
   * Adapter type: `json`, `ical`, `rest`, `wordpress`, `tribe`, `kvm`, `memory`, or `merge` for the
   * sources nested in this one. Without it: `ical` when `src` ends in `.ics`, else `json`.
   */
  @property() type?: string;

  /** URL of the data. */
  @property() src?: string;

  /** REST adapter: a preset (`wordpress`, `tribe`) or nothing. */
  @property() preset?: string;

  /** The source's name, shown with each of its events when it is nested in a `merge` source. */
  @property() label?: string;

  /** Timeout per request in milliseconds. */
  @property({ type: Number }) timeout?: number;

  /** A ready adapter (for developers); overrides `type` and `src`. */
  @property({ attribute: false }) adapter?: DataAdapter;

  private readonly provider = new ContextProvider(this, { context: adapterContext });
  /** The options the current adapter was made from (see `loadSource`), or the merged sources. */
  private key?: unknown;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.adapter) {
      this.key = undefined;
      if (changed.has('adapter')) this.provide(this.adapter);
      return;
    }
    this.load();
  }

  /** Tells a merging parent that this source's adapter or label changed (it merges again). */
  protected override updated(): void {
    const parent = this.parentElement;
    if (parent?.localName === 'si-data-source') (parent as SiDataSource).requestUpdate();
  }

  /** This source as one of a merge: its adapter, once it has one, and its label. */
  private get labelled(): LabelledSource | undefined {
    // One that is not upgraded yet has no provider; it reports once it is.
    const adapter = this.provider?.value;
    return adapter && { adapter, label: this.label || this.src || '' };
  }

  private provide(adapter: DataAdapter): void {
    this.provider.setValue(adapter);
    this.requestUpdate();
  }

  private load(): void {
    if (this.adapter) return;
    const type = this.type || guessSourceType(this.src ?? '');
    // Nested sources report each change (`updated`), the slot each one added or removed: a merge
    // needs no observer of its own.
    const [key, adapter] = type === 'merge'
      ? mergeSources(this.key, [...this.querySelectorAll<SiDataSource>(':scope > si-data-source')].map((c) => c.labelled))
      : loadSource(this, type, this.key as string, () => this.load(), { preset: this.preset, timeout: this.timeout });
    if (!adapter) return;
    this.key = key;
    // A developer's adapter or newer options, set meanwhile, win over this one.
    void adapter.then((a) => this.key === key && !this.adapter && this.provide(a));
  }

  protected override render() {
    return html`<slot @slotchange=${() => this.requestUpdate()}></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-data-source': SiDataSource;
  }
}
