import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataAdapter } from './adapter.js';
import { SourceController } from './controllers/source-controller.js';
import { commonMessages, loadCommonMessages, normalizeLang, resolveLang, type Lang } from './i18n/index.js';
import { baseStyles } from './styles/tokens.js';
import type { SiEventDetail, SiEventName } from './events/emit.js';

/**
 * The one shared base class: the data source (adapter property, `src` attributes or context)
 * and the language. Everything else is composed from controllers and plain modules.
 */
export class SiElement extends LitElement {
  static override styles = [baseStyles];

  /** The data adapter (for developers). Takes precedence over `src` and `<si-data-source>`. */
  @property({ attribute: false }) adapter?: DataAdapter;

  /** URL of the data: a JSON file, an `.ics` feed, a REST endpoint. */
  @property() src?: string;

  /** How to read `src`: `json`, `ical`, `rest`, `wordpress`, `tribe`, `kvm`. Guessed from the URL when absent. */
  @property({ attribute: 'source-type' }) sourceType?: string;

  /** Show easy-to-read German (Leichte Sprache) where the data has it. */
  @property({ type: Boolean, attribute: 'easy-read' }) easyRead = false;

  /** Interface language: `de` (default), `en`, `hsb` (preview). Inherited from the page when absent. */
  @property() override lang = '';

  protected readonly source = new SourceController(this);

  constructor() {
    super();
    // core's shared messages (loading, errors, notes) in the element's language: German is
    // bundled, the others load with the first update that needs them (also before the widget's
    // own catalog, whose LocaleController waits for them too), then the element renders again.
    this.addController({
      hostUpdate: () => {
        const lang = this.language;
        if (!commonMessages[lang]) loadCommonMessages(lang).then(() => this.requestUpdate(), () => {});
      },
    });
  }

  /** The language in use, from this element's or the nearest `lang` attribute. */
  protected get language(): Lang {
    return this.lang ? normalizeLang(this.lang) : resolveLang(this);
  }

  /**
   * Dispatches a bubbling, composed `si-*` event for the host page, typed by its
   * `GlobalEventHandlersEventMap` entry. Only events documented as cancelable pass `cancelable`;
   * returns false when the page cancelled it.
   */
  protected emit<K extends SiEventName>(name: K, detail: SiEventDetail<K>, cancelable?: boolean): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }
}
