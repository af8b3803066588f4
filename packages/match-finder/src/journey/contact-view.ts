/**
 * Getting in touch with one result, as a pure template: the offer's links, the written-out
 * details for a printout, and the prepared e-mail the person may edit before their own mail
 * program opens it. Nothing here sends anything.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MatchOffer } from '@sozial-innovativ/core';
import { contactWays, mailBody, mailHref } from './contact.js';
import { answerLines, type View } from './parts.js';

/** The offer's links and, where it has an address, the prepared e-mail (open for one offer at a time). */
export function renderContact(v: View, offer: MatchOffer, i: number): TemplateResult | typeof nothing {
  const { t, state, on } = v;
  const ways = contactWays(offer);
  if (!ways.length) return nothing;
  const hidden = html`<span class="visually-hidden"> ${offer.name}</span>`;
  const email = ways.find((w) => w.kind === 'email');
  const open = !!email && state.writing === offer.id;
  return html`<div part="contact" class="contact">
    <ul class="links">${ways.map((w) => html`<li><a href=${w.href}>${t(w.kind)}${hidden}</a></li>`)}</ul>
    ${email
      ? html`<button type="button" class="link" part="button write-button" aria-expanded=${open ? 'true' : 'false'} aria-controls="mail-${i}"
          @click=${() => on.write(open ? undefined : offer.id)}>${t('writeMail')}${hidden}</button>`
      : nothing}
    ${open ? renderMail(v, offer, email.text, i) : nothing}
  </div>`;
}

function renderMail(v: View, offer: MatchOffer, address: string, i: number): TemplateResult {
  const { t, state, on } = v;
  const message = state.drafts[offer.id] ?? t('mailGreeting', offer.name);
  const lines = answerLines(v);
  const body = mailBody(message, state.mailAnswers ? { heading: t('mailAnswers'), lines } : undefined);
  const href = mailHref(address, t('mailSubject', offer.name), body);
  return html`<div id="mail-${i}" part="mail" class="mail">
    <div class="field">
      <label for="mail-text">${t('mailText')}</label>
      <textarea id="mail-text" rows="9" .value=${message} @input=${(e: Event) => on.draft(offer.id, (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    <div class="check-row">
      <input type="checkbox" id="mail-answers" .checked=${state.mailAnswers} @change=${(e: Event) => on.includeAnswers((e.target as HTMLInputElement).checked)} />
      <label for="mail-answers">${t('mailWithAnswers')}</label>
    </div>
    ${state.mailAnswers
      ? html`<div class="mail-answers">
          <p>${t('mailAnswers')}</p>
          <ul>${lines.map(([label, answer]) => html`<li>${label}: ${answer}</li>`)}</ul>
        </div>`
      : nothing}
    ${href ? html`<a class="si-button primary" part="mail-link" href=${href}>${t('mailOpen')}</a>` : nothing}
    <p class="hint">${t('mailNote')}</p>
  </div>`;
}

/** Only on paper: how to reach the offer, written out (a printed link has no address to follow). */
export function writtenContacts(v: View, offer: MatchOffer): TemplateResult | typeof nothing {
  const ways = contactWays(offer);
  const name = offer.contact?.name;
  if (!ways.length && !name) return nothing;
  return html`<dl class="print-only written-contact">
    ${name ? html`<div><dt>${v.t('contact')}</dt><dd>${name}</dd></div>` : nothing}
    ${ways.map((w) => html`<div><dt>${v.t(w.kind)}</dt><dd>${w.text}</dd></div>`)}
  </dl>`;
}
