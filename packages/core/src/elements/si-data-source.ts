import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { AdapterError, createAdapter, type DataAdapter } from '../adapter.js';
import { adapterContext } from '../context.js';
import { failingAdapter } from '../controllers/source-controller.js';

/**
 * Provides one data adapter to every Sozial.Innovativ widget inside it, so several widgets on a
 * page share one source (and one download).
 *
 * Inline data for the `json` type can sit in a child `<script type="application/json">`, which
 * strict Content-Security-Policies allow because it never runs.
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
  private requestId = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Options other than the declared properties are read from attributes; watch them.
    this.attributeObserver ??= new MutationObserver(() => {
      if (!this.adapter) void this.load();
    });
    this.attributeObserver.observe(this, { attributes: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.attributeObserver?.disconnect();
  }

  private attributeObserver?: MutationObserver;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.adapter) {
      if (changed.has('adapter')) this.provider.setValue(this.adapter);
      return;
    }
    if (!this.hasUpdated || changed.has('type') || changed.has('src') || changed.has('preset') || changed.has('timeout') || changed.has('adapter')) {
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const id = ++this.requestId;
    let adapter: DataAdapter;
    try {
      adapter = await createAdapter(this.type, {
        ...this.attributeOptions(),
        src: this.src,
        data: this.src ? undefined : this.inlineData(),
        preset: this.preset,
        timeout: this.timeout,
      });
    } catch (e) {
      adapter = failingAdapter(e instanceof AdapterError ? e : new AdapterError('config', String(e)));
    }
    // A developer's adapter, set meanwhile, wins over the declarative one.
    if (id === this.requestId && !this.adapter) this.provider.setValue(adapter);
  }

  /**
   * Every other attribute is an adapter option, as a string: `bbox="51,12,51.6,15"` → `bbox`,
   * `per-page="50"` → `perPage`. Each adapter parses the options it knows.
   */
  private attributeOptions(): Record<string, string> {
    const options: Record<string, string> = {};
    for (const { name, value } of this.attributes) {
      if (['type', 'src', 'preset', 'timeout', 'id', 'class', 'lang', 'hidden', 'slot'].includes(name) || name.startsWith('data-') || name.startsWith('aria-')) continue;
      options[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
    }
    return options;
  }

  private inlineData(): unknown {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (!script) return undefined;
    try {
      return JSON.parse(script.textContent ?? '');
    } catch (e) {
      throw new AdapterError('parse', 'The inline JSON data is not valid JSON', undefined, { cause: e });
    }
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
