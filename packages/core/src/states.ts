import { html, nothing, type TemplateResult } from 'lit';
import { AdapterError, type Result } from './adapter.js';
import { createTranslator, commonMessages, dateFormat, type Lang } from './i18n/index.js';

/**
 * The loading, error, empty and notice pieces every widget shows. Status messages use
 * `role="status"` (polite) and errors `role="alert"`, so screen readers announce them.
 */
export function renderLoading(lang: Lang): TemplateResult {
  const t = createTranslator(commonMessages, lang);
  return html`<div class="si-state" part="state loading" role="status">
    <span class="si-spinner" aria-hidden="true"></span>${t('loading')}
  </div>`;
}

export function renderError(lang: Lang, error: unknown, retry?: () => void): TemplateResult {
  const t = createTranslator(commonMessages, lang);
  const kind = error instanceof AdapterError ? error.kind : 'unknown';
  const detail = error instanceof Error ? error.message : '';
  return html`<div class="si-state error" part="state error" role="alert">
    <p><strong>${t('errorTitle')}</strong> ${t(`error.${kind}`)}</p>
    ${detail ? html`<p class="detail">${t('detail')} <span lang="en">${detail}</span></p>` : nothing}
    ${retry ? html`<button type="button" class="si-button" part="retry-button" @click=${(e: Event) => retryKeepingFocus(e, retry)}>${t('retry')}</button>` : nothing}
  </div>`;
}

/**
 * The retry button disappears when loading starts again; focus moves to the widget itself so
 * it does not fall back to the page's `<body>` (keyboard and screen-reader users stay put).
 */
function retryKeepingFocus(e: Event, retry: () => void): void {
  const host = ((e.currentTarget as Element).getRootNode() as ShadowRoot).host as HTMLElement | undefined;
  retry();
  if (!host) return;
  if (!host.hasAttribute('tabindex')) host.tabIndex = -1;
  host.focus({ preventScroll: true });
}

export function renderEmpty(message: string, action?: { label: string; onClick: () => void }): TemplateResult {
  return html`<div class="si-state" part="state empty" role="status">
    <p>${message}</p>
    ${action ? html`<button type="button" class="si-button" part="reset-button" @click=${action.onClick}>${action.label}</button>` : nothing}
  </div>`;
}

/**
 * Notes on the data: items left out as invalid, stale data with its time, the sources of a merged
 * calendar that failed, the hsb preview.
 */
export function renderNotices(
  lang: Lang,
  info: Partial<Pick<Result<unknown>, 'dropped' | 'stale' | 'fetchedAt' | 'sources'>>,
): TemplateResult | typeof nothing {
  const t = createTranslator(commonMessages, lang);
  const notes: string[] = [];
  const time = () => dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(info.fetchedAt);
  if (lang === 'hsb') notes.push(t('preview'));
  if (info.stale && info.fetchedAt) notes.push(t('stale', time()));
  const sources = info.sources;
  if (sources?.failed) notes.push(t('sourcesFailed', sources.failed, sources.total, (sources.failures ?? []).map((f) => f.label).join(', '), time()));
  if (info.dropped) notes.push(t('dropped', info.dropped));
  if (!notes.length) return nothing;
  return html`${notes.map((n) => html`<p class="si-notice" part="notice">${n}</p>`)}`;
}
