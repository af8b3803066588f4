import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import {
  AdapterError, createTranslator, commonMessages, dateFormat, safeHttpUrl, safeUrl, toEpoch,
  type Initiative, type Lang,
} from '@sozial-innovativ/core';
import { SiElement, baseStyles, renderEmpty, renderError, renderLoading, writeJsonLd } from '@sozial-innovativ/core/elements';
import { messages } from './messages.js';
import { cardStyles } from './si-initiative-card.styles.js';
import { initiativeToSchemaOrg } from './schema-org.js';

export interface InitiativeSelectDetail {
  initiative: Initiative;
}

export const translator = (lang: Lang) => createTranslator(messages, lang);

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

const formatDay = (lang: Lang, day: string) => dateFormat(lang, { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(toEpoch(day));

/**
 * One social initiative or organisation as a card: name as a heading whose link (or button) is
 * the card's only interactive element, kind, short text, image, topics, target groups, region
 * and when it was last checked. Details open in a modal dialog.
 *
 * @summary A card for one initiative, with an accessible details dialog.
 * @csspart card - The `<article>`.
 * @csspart image - The image box (fixed aspect ratio, placeholder background).
 * @csspart title - The heading.
 * @csspart dialog - The details `<dialog>`.
 * @csspart state - Loading, error and not-found messages.
 * @cssprop --si-initiative-card-background - Card background (default `--si-color-surface`).
 * @cssprop --si-initiative-card-border-color - Card border (default `--si-color-border`).
 * @cssprop --si-initiative-card-radius - Corner radius (default `--si-radius`).
 * @cssprop --si-initiative-title-color - Name colour (default `--si-color-accent`).
 * @cssprop --si-initiative-tag-background - Topic chips and image placeholder (default `--si-color-surface-alt`).
 * @cssprop --si-initiative-image-ratio - Image aspect ratio (default `16 / 9`).
 * @fires si-initiative-select - `{ initiative }` when the visitor activates the card. Cancel it to stop the link or dialog.
 */
export class SiInitiativeCard extends SiElement {
  static override styles = [baseStyles, cardStyles];

  /** Id of the initiative to load from the data source. */
  @property({ attribute: 'initiative-id' }) initiativeId?: string;

  /** The initiative to show (for developers); takes precedence over `initiative-id`. */
  @property({ attribute: false }) initiative?: Initiative;

  /** Level of the name's heading, 2–6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Open the details dialog even when the initiative has a website (the showcase sets it). */
  @property({ type: Boolean }) details = false;

  /** `grid` (image on top) or `list` (image beside the text). */
  @property({ reflect: true }) layout: 'grid' | 'list' = 'grid';

  /** Do not write schema.org JSON-LD into the light DOM. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;

  /** Distance from the visitor's chosen place in km (set by the showcase). */
  @property({ type: Number, attribute: false }) distance?: number;

  @state() private open = false;
  @query('.primary') private primary?: HTMLElement;
  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly task = new Task(this, {
    task: async ([adapter, id, given], { signal }) => {
      if (given || !id || !adapter) return initialState;
      if (adapter.initiative) return (await adapter.initiative(id, { signal })) ?? null;
      if (!adapter.initiatives) throw new AdapterError('unsupported', 'The data source has no initiatives');
      return (await adapter.initiatives({}, { signal })).items.find((x) => x.id === id) ?? null;
    },
    args: () => [this.source.adapter, this.initiativeId, this.initiative] as const,
  });

  /** The initiative on show, once known. */
  get current(): Initiative | undefined {
    return this.initiative ?? this.task.value ?? undefined;
  }

  /** Moves focus to the card's link or button. */
  override focus(options?: FocusOptions): void {
    this.primary?.focus(options);
  }

  /** Opens the details dialog. */
  async showDetails(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  /** Closes the details dialog; focus returns to the card. */
  closeDetails(): void {
    this.dialog?.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.noJsonld) writeJsonLd(this, undefined);
    else if (this.current) writeJsonLd(this, { '@context': 'https://schema.org', ...initiativeToSchemaOrg(this.current) });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  protected override render() {
    if (this.initiative) return this.renderCard(this.initiative);
    if (!this.source.adapter || !this.initiativeId) return renderLoading(this.language);
    return this.task.render({
      initial: () => renderLoading(this.language),
      pending: () => renderLoading(this.language),
      error: (e) => renderError(this.language, e, () => void this.task.run()),
      complete: (x) => (x ? this.renderCard(x) : renderEmpty(translator(this.language)('notFound'))),
    });
  }

  private activate(event: Event, x: Initiative): void {
    if (!this.emit<InitiativeSelectDetail>('si-initiative-select', { initiative: x })) {
      event.preventDefault();
      return;
    }
    if (event.currentTarget instanceof HTMLButtonElement) void this.showDetails();
  }

  private renderCard(x: Initiative): TemplateResult {
    const lang = this.language;
    const t = translator(lang);
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
              @error=${(e: Event) => (e.target as HTMLElement).classList.add('failed')} /></div>`
          : nothing}
        ${text ? html`<p class="summary">${text}</p>` : nothing}
        <dl>
          ${this.renderTags(t('topics'), x.topics, lang)}
          ${this.renderTags(t('targetGroups'), x.targetGroups, lang)}
          ${x.lastChecked
            ? html`<div><dt lang=${lang}>${t('lastChecked')}</dt><dd lang=${lang}><time datetime=${x.lastChecked}>${formatDay(lang, x.lastChecked)}</time></dd></div>`
            : nothing}
        </dl>
      </article>
      ${this.open ? this.renderDialog(x) : nothing}`;
  }

  private renderTags(label: string, values: readonly string[], lang: Lang) {
    if (!values.length) return nothing;
    return html`<div><dt lang=${lang}>${label}</dt><dd><ul class="tags">${values.map((v) => html`<li>${v}</li>`)}</ul></dd></div>`;
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

  private onDialogClose(): void {
    this.open = false;
    this.primary?.focus();
    this.dispatchEvent(new Event('si-details-close', { bubbles: true }));
  }

  private renderDialog(x: Initiative): TemplateResult {
    const lang = this.language;
    const t = translator(lang);
    const common = createTranslator(commonMessages, lang);
    const website = safeUrl(x.url);
    const r = x.region;
    const address = [r?.name, r?.address, [r?.postalCode, r?.town].filter(Boolean).join(' '), r?.district !== r?.town ? r?.district : '']
      .filter(Boolean);
    const c = x.contact;
    const email = c?.email && /^[^\s@]+@[^\s@]+$/.test(c.email) ? safeUrl(`mailto:${c.email}`) : undefined;
    const phone = c?.phone ? safeUrl(`tel:${c.phone.replace(/[^\d+]/g, '')}`) : undefined;
    const contactUrl = safeUrl(c?.url);
    const links = x.links.flatMap((l) => {
      const url = safeUrl(l.url);
      return url ? [{ label: l.label, url }] : [];
    });
    const sourceUrl = safeUrl(x.source?.url);
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @keydown=${this.onDialogKeydown}>
      <header>
        <h2 id="dialog-title">${x.name}</h2>
        <button type="button" class="si-button" @click=${() => this.closeDetails()}>${common('close')}</button>
      </header>
      <p class="meta">${t(`kind.${x.kind}`)}${x.founded ? ` · ${t('founded')} ${x.founded}` : ''}</p>
      ${x.easyLanguage
        ? html`<section class="easy" aria-labelledby="easy"><h3 id="easy">${t('easyLanguage')}</h3><p lang="de">${x.easyLanguage}</p></section>`
        : nothing}
      ${x.description || x.summary
        ? html`<section aria-labelledby="desc"><h3 id="desc">${t('description')}</h3><p lang="de">${x.description || x.summary}</p></section>`
        : nothing}
      ${address.length
        ? html`<section aria-labelledby="where"><h3 id="where">${t('region')}</h3><p>${address.join(', ')}</p></section>`
        : nothing}
      ${c || website
        ? html`<section aria-labelledby="contact"><h3 id="contact">${t('contact')}</h3><ul>
            ${c?.name ? html`<li>${c.name}</li>` : nothing}
            ${email ? html`<li>${t('email')}: <a href=${email}>${c!.email}</a></li>` : nothing}
            ${phone ? html`<li>${t('phone')}: <a href=${phone}>${c!.phone}</a></li>` : nothing}
            ${website ? html`<li>${t('website')}: <a href=${website}>${x.url}</a></li>` : nothing}
            ${contactUrl && contactUrl !== website ? html`<li><a href=${contactUrl}>${c!.url}</a></li>` : nothing}
          </ul></section>`
        : nothing}
      ${links.length
        ? html`<section aria-labelledby="links"><h3 id="links">${t('links')}</h3><ul>${links.map((l) => html`<li><a href=${l.url}>${l.label}</a></li>`)}</ul></section>`
        : nothing}
      ${x.source
        ? html`<p class="meta">${t('source')}: ${sourceUrl ? html`<a href=${sourceUrl}>${x.source.name || x.source.url}</a>` : x.source.name}${x.source.licence ? ` · ${t('licence')}: ${x.source.licence}` : ''}${x.lastChecked ? ` · ${t('lastChecked')}: ${formatDay(lang, x.lastChecked)}` : ''}</p>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-initiative-card': SiInitiativeCard;
  }
  interface GlobalEventHandlersEventMap {
    'si-initiative-select': CustomEvent<InitiativeSelectDetail>;
  }
}
