import { css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import { commonMessages, createTranslator, mailtoUrl, safeUrl, type Initiative, type Lang } from '@sozial-innovativ/core';
import { formatDay } from './format.js';
import type { Translate } from './messages.js';

// The details dialog's content and styles, loaded on the first open so a page of cards does not carry them.

const dialogStyles = css`
  dialog {
    width: min(40em, calc(100vw - 2em));
  }
  dialog header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1em;
    margin-block-end: 1em;
  }
  dialog h2 {
    font-size: 1.4em;
  }
  dialog section {
    margin-block: 1em;
  }
  dialog h3 {
    font-size: 1.05em;
    margin-block-end: 0.25em;
  }
  dialog ul {
    padding-inline-start: 1.25em;
  }
  .easy {
    padding: 0.5em 0.75em;
    border-inline-start: 0.3em solid var(--_accent);
    background: var(--_tag-bg);
  }
`;

export interface DetailsHandlers {
  close: () => void;
  closed: () => void;
  keydown: (e: KeyboardEvent) => void;
}

/** Adds the dialog's styles to the card's shadow root (once) and hands out the template. */
export function withDialogStyles(card: LitElement): typeof renderDetails {
  const root = card.renderRoot as ShadowRoot;
  const sheet = dialogStyles.styleSheet!;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return renderDetails;
}

/** The modal details: easy-language text, description, where, contact, links, source and licence. */
export function renderDetails(x: Initiative, lang: Lang, t: Translate, on: DetailsHandlers): TemplateResult {
  const common = createTranslator(commonMessages, lang);
  const website = safeUrl(x.url);
  const r = x.region;
  const address = [r?.name, r?.address, [r?.postalCode, r?.town].filter(Boolean).join(' '), r?.district !== r?.town ? r?.district : '']
    .filter(Boolean);
  const c = x.contact;
  // One plain address only: `?bcc=`/`&body=` from data must not reach the mail program.
  const email = mailtoUrl(c?.email);
  const phone = c?.phone ? safeUrl(`tel:${c.phone.replace(/[^\d+]/g, '')}`) : undefined;
  const contactUrl = safeUrl(c?.url);
  const links = x.links.flatMap((l) => {
    const url = safeUrl(l.url);
    return url ? [{ label: l.label, url }] : [];
  });
  const sourceUrl = safeUrl(x.source?.url);
  return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${on.closed} @keydown=${on.keydown}>
    <header>
      <h2 id="dialog-title">${x.name}</h2>
      <button type="button" class="si-button" @click=${on.close}>${common('close')}</button>
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
