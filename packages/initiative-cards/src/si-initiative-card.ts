import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { AdapterError, safeHttpUrl, safeUrl, type Initiative } from '@sozial-innovativ/core';
import { DialogController, SiElement, baseStyles, renderEmpty, renderError, renderLoading, writeJsonLd } from '@sozial-innovativ/core/elements';
import type { renderDetails } from './details-dialog.js';
import type { DetailsCloseDetail } from './events/si-details-close.js';
import type { InitiativeSelectDetail } from './events/si-initiative-select.js';
import { formatDay } from './format.js';
import { localeFor } from './messages.js';
import { cardStyles } from './si-initiative-card.styles.js';

// The events this element fires (their `GlobalEventHandlersEventMap` entries come with them).
export type { DetailsCloseDetail, InitiativeSelectDetail };

/** `<h2>`…`<h6>` without `unsafeStatic`: the level is one of five fixed templates. */
function heading(level: number, content: TemplateResult): TemplateResult {
  switch (level) {
    case 2: return html`<h2 class="title" part="title">${content}</h2>`;
    case 4: return html`<h4 class="title" part="title">${content}</h4>`;
    case 5: return html`<h5 class="title" part="title">${content}</h5>`;
    case 6: return html`<h6 class="title" part="title">${content}</h6>`;
    default: return html`<h3 class="title" part="title">${content}</h3>`;
  }
}

const tags = (label: string, values: readonly string[], lang: string) =>
  values.length ? html`<div><dt lang=${lang}>${label}</dt><dd><ul class="tags">${values.map((v) => html`<li>${v}</li>`)}</ul></dd></div>` : nothing;

/**
 * One social initiative or organisation as a card: name as a heading whose link (or button) is
 * the card's only interactive element, kind, short text, image, topics, target groups, region
 * and when it was last checked. Details open in a modal dialog.
 *
 * @tagname si-initiative-card
 * @summary A card for one initiative, with an accessible details dialog.
 * @csspart card - The `<article>`.
 * @csspart image - The image box (fixed aspect ratio, placeholder background).
 * @csspart title - The heading.
 * @csspart dialog - The details `<dialog>`.
 * @csspart state - Loading, error and not-found messages.
 * @csspart retry-button - Retry after an error.
 * @cssprop --si-initiative-card-background - Card background (default `--si-color-surface`).
 * @cssprop --si-initiative-card-border-color - Card border (default `--si-color-border`).
 * @cssprop --si-initiative-card-radius - Corner radius (default `--si-radius`).
 * @cssprop --si-initiative-card-title-color - Name colour (default `--si-color-accent`; was `--si-initiative-title-color`, which still works).
 * @cssprop --si-initiative-card-tag-background - Topic chips and image placeholder (default `--si-color-surface-alt`; was `--si-initiative-tag-background`, which still works).
 * @cssprop --si-initiative-card-image-ratio - Image aspect ratio (default `16 / 9`; was `--si-initiative-image-ratio`, which still works).
 * @cssprop --si-color-text - Text colour.
 * @cssprop --si-color-muted - Kind, place and labels.
 * @cssprop --si-color-surface - Card background.
 * @cssprop --si-color-surface-alt - Topic chips and image placeholder.
 * @cssprop --si-color-accent - The name (the card's link).
 * @cssprop --si-color-border - Card border.
 * @cssprop --si-color-focus - Focus outline.
 * @cssprop --si-radius - Corner radius.
 * @cssprop --si-space - Padding.
 * @cssprop --si-font-family - Font (inherits the page's by default).
 * @cssprop --si-font-size - Base font size.
 * @fires {CustomEvent<InitiativeSelectDetail>} si-initiative-select - `{ initiative }` when the visitor activates the card. Cancelable: cancel it to stop the link or dialog.
 * @fires {CustomEvent<DetailsCloseDetail>} si-details-close - The details dialog was closed (focus is back on the card). No detail.
 */
export class SiInitiativeCard extends SiElement {
  static override styles = [baseStyles, cardStyles];

  /** Id of the initiative to load from the data source. */
  @property({ attribute: 'initiative-id' }) initiativeId?: string;

  /** The initiative to show (for developers); takes precedence over `initiative-id`. */
  @property({ attribute: false }) initiative?: Initiative;

  /** Level of the name's heading, 2–6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Open the details dialog even when the initiative has a website (`<si-initiative-cards>` sets it). */
  @property({ type: Boolean }) details = false;

  /** `grid` (image on top) or `list` (image beside the text). */
  @property({ reflect: true }) layout: 'grid' | 'list' = 'grid';

  /** Do not write schema.org JSON-LD into the light DOM. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;

  /** Distance from the visitor's chosen place in km (set by `<si-initiative-cards>`). */
  @property({ type: Number, attribute: false }) distance?: number;

  private details$?: typeof renderDetails;
  /** Whether the details are open: `value` is set from `showDetails()` until the dialog has closed. */
  private readonly detailsDialog = new DialogController<true>(this, {
    dialog: 'dialog',
    // Focus is back on the card before the event, as its documentation says.
    onClose: () => {
      this.primary?.focus();
      this.emit('si-details-close', undefined);
    },
  });
  private readonly locale = localeFor(this, () => this.language);

  private readonly task = new Task(this, {
    task: async ([adapter, id, given], { signal }) => {
      if (given || !id || !adapter) return initialState;
      if (!adapter.initiative && !adapter.initiatives) throw new AdapterError('unsupported', 'The data source has no initiatives');
      // Texts in a language other than German load while the data does.
      const [x] = await Promise.all([
        adapter.initiative
          ? adapter.initiative(id, { signal })
          : adapter.initiatives!({}, { signal }).then((r) => r.items.find((i) => i.id === id)),
        this.locale.ready(),
      ]);
      return x ?? null;
    },
    // With `.initiative` given the arguments stay the same, so showing another initiative
    // (`<si-initiative-cards>` reuses its cards) does not run the task and render the card twice.
    args: () => (this.initiative ? ([undefined, undefined, true] as const) : ([this.source.adapter, this.initiativeId, false] as const)),
  });

  private get primary(): HTMLElement | null {
    return this.renderRoot.querySelector('.primary');
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The initiative on show, once known. */
  get current(): Initiative | undefined {
    return this.initiative ?? this.task.value ?? undefined;
  }

  /** Moves focus to the card's link or button. */
  override focus(options?: FocusOptions): void {
    this.primary?.focus(options);
  }

  /** Resolves when the interface texts for the current language are loaded (English, Upper Sorbian). */
  messagesReady(): Promise<void> {
    return this.locale.ready();
  }

  /** Opens the details dialog. */
  async showDetails(): Promise<void> {
    this.details$ ??= (await import('./details-dialog.js')).withDialogStyles(this);
    this.detailsDialog.show(true);
    await this.updateComplete;
  }

  /** Closes the details dialog; focus returns to the card. */
  closeDetails(): void {
    this.detailsDialog.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.noJsonld) writeJsonLd(this, undefined);
    // For crawlers, not for the first paint: the schema.org mapping loads after the card shows.
    else if (this.current) {
      void import('./to-json-ld.js').then(({ initiativeToSchemaOrg }) => {
        const x = this.current;
        if (x && !this.noJsonld) writeJsonLd(this, { '@context': 'https://schema.org', ...initiativeToSchemaOrg(x) });
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detailsDialog.value = undefined;
    this.requestUpdate();
  }

  protected override render() {
    if (this.initiative) return this.renderCard(this.initiative);
    if (!this.source.adapter || !this.initiativeId) return renderLoading(this.language);
    return this.task.render({
      initial: () => renderLoading(this.language),
      pending: () => renderLoading(this.language),
      error: (e) => renderError(this.language, e, () => void this.task.run()),
      complete: (x) => (x ? this.renderCard(x) : renderEmpty(this.locale.t('notFound'))),
    });
  }

  private activate(event: Event, x: Initiative): void {
    if (!this.emit('si-initiative-select', { initiative: x }, true)) {
      event.preventDefault();
      return;
    }
    if (event.currentTarget instanceof HTMLButtonElement) void this.showDetails();
  }

  private renderCard(x: Initiative): TemplateResult {
    const lang = this.language;
    const { t } = this.locale;
    const href = this.details ? undefined : safeUrl(x.url);
    const text = this.easyRead && lang === 'de' && x.easyLanguage ? x.easyLanguage : x.summary;
    const image = safeHttpUrl(x.image?.url);
    const place = [x.region?.town, x.region?.district !== x.region?.town ? x.region?.district : undefined].filter(Boolean).join(', ');
    const km = this.distance;
    const name = href
      ? html`<a class="primary" href=${href} @click=${(e: Event) => this.activate(e, x)}>${x.name}</a>`
      : html`<button type="button" class="primary" aria-haspopup="dialog" @click=${(e: Event) => this.activate(e, x)}>${x.name}</button>`;
    return html`<article part="card" lang="de">
        ${heading(Math.min(6, Math.max(2, this.headingLevel)), name)}
        <p class="meta" lang=${lang}>${t(`kind.${x.kind}`)}${place ? ` · ${place}` : ''}${km !== undefined && Number.isFinite(km)
          ? html` · ${t('distance', new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.max(1, km)))}` : nothing}</p>
        ${image
          ? html`<div class="media" part="image"><img src=${image} alt=${x.image?.alt ?? ''} loading="lazy" decoding="async"
              referrerpolicy="no-referrer"
              @error=${(e: Event) => (e.target as HTMLElement).classList.add('failed')} /></div>`
          : nothing}
        ${text ? html`<p class="summary">${text}</p>` : nothing}
        <dl>
          ${tags(t('topics'), x.topics, lang)}
          ${tags(t('targetGroups'), x.targetGroups, lang)}
          ${x.lastChecked
            ? html`<div><dt lang=${lang}>${t('lastChecked')}</dt><dd lang=${lang}><time datetime=${x.lastChecked}>${formatDay(lang, x.lastChecked)}</time></dd></div>`
            : nothing}
        </dl>
      </article>
      ${this.detailsDialog.value && this.details$
        ? this.details$(x, lang, t, { close: this.detailsDialog.close, closed: this.detailsDialog.closed, keydown: (e) => this.onDialogKeydown(e) })
        : nothing}`;
  }

  private onDialogKeydown(e: KeyboardEvent): void {
    // Tab cycles inside the dialog instead of leaving it for the browser's toolbar.
    if (e.key !== 'Tab' || !this.dialog) return;
    const focusable = [...this.dialog.querySelectorAll<HTMLElement>('a[href], button')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.shadowRoot!.activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-initiative-card': SiInitiativeCard;
  }
}
