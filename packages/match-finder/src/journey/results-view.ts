/**
 * The results screen as a pure template of (state, messages): the ranked list with scores and
 * explanations, filters, near-miss and what-if suggestions, the shortlist, "So rechnen wir",
 * sharing and the printout's header. It comes with the ranking in the journey's later chunk
 * (`results.ts`): the start page and the steps never need it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { dateFormat } from '@sozial-innovativ/core';
import { explainMatch } from '../engine/engine.js';
import type { CriterionResult, NearMiss, RankedMatch, WhatIf } from '../engine/types.js';
import { renderContact, writtenContacts } from './contact-view.js';
import { OUTCOMES, answerLines, button, heading, pct, type View } from './parts.js';

export function renderResults(v: View): TemplateResult {
  const { t, state, on } = v;
  const result = state.result;
  const matches = result.matches;
  const districts = [...new Set(matches.map((m) => m.offer.location?.district).filter((d): d is string => !!d))].sort((a, b) => a.localeCompare(b, 'de'));
  const shown = matches.filter((m) => (!state.district || m.offer.location?.district === state.district) && (!state.goodOnly || pct(m.score) >= 75));
  const hints: (NearMiss | WhatIf)[] = [...result.nearMisses, ...result.whatIf];
  return html`<section part="results" class="results" aria-labelledby="heading">
    ${heading(t('results', matches.length))}
    ${renderPrintHeader(v)}
    ${result.excluded ? html`<p>${t('excluded', result.excluded)}</p>` : nothing}
    ${matches.length ? nothing : html`<p>${t('none')}</p>`}
    ${hints.length
      ? html`<ul part="hints" class="hints">
          ${hints.map((h) => html`<li>${button('hint-button', hintText(v, h), () => on.hint(h))}</li>`)}
        </ul>`
      : nothing}
    ${matches.length > 1
      ? html`<fieldset part="filters" class="filters">
          <legend>${t('filters')}</legend>
          ${districts.length > 1
            ? html`<div class="field">
                <label for="filter-district">${t('district')}</label>
                <select id="filter-district" @change=${(e: Event) => on.filter({ district: (e.target as HTMLSelectElement).value })}>
                  <option value="" ?selected=${!state.district}>${t('all')}</option>
                  ${districts.map((d) => html`<option ?selected=${state.district === d}>${d}</option>`)}
                </select>
              </div>`
            : nothing}
          <div class="check-row">
            <input type="checkbox" id="filter-good" .checked=${state.goodOnly} @change=${(e: Event) => on.filter({ goodOnly: (e.target as HTMLInputElement).checked })} />
            <label for="filter-good">${t('goodOnly')}</label>
          </div>
          <p role="status">${shown.length !== matches.length ? t('showing', shown.length, matches.length) : nothing}</p>
        </fieldset>`
      : nothing}
    ${renderShortlist(v)}
    <ol class="list">
      ${shown.map((m, i) => renderMatch(v, m, i))}
    </ol>
    ${matches.length > 1
      ? html`<div part="compare-bar" class="compare-bar">
          ${button('compare-button', t('compare', state.compared.length), on.compare, true)}
          <p role="status">${state.compareNote ? t(state.compareNote) : nothing}</p>
        </div>`
      : nothing}
    ${renderHow(v)}
    <div class="actions">
      ${v.share ? renderShare(v) : nothing}
      ${button('print-button', t('print'), on.print)}
      ${button('start-over-button', t('startOver'), on.startOver)}
    </div>
  </section>`;
}

/** Only on paper: the answers the ranking rests on and the date. */
export function renderPrintHeader(v: View): TemplateResult {
  const date = dateFormat(v.lang, { dateStyle: 'long' }).format(v.now);
  return html`<div class="print-only print-header">
    <p>${v.t('printDate', date)}</p>
    <h3>${v.t('printAnswers')}</h3>
    <dl class="print-answers">${answerLines(v).map(([label, answer]) => html`<div><dt>${label}</dt><dd>${answer}</dd></div>`)}</dl>
  </div>`;
}

/** The shortlist: names only, with the note that it lives for this visit and nowhere else. */
function renderShortlist(v: View): TemplateResult {
  const { t, state } = v;
  const kept = state.shortlist.map((id) => state.offers.find((o) => o.id === id)).filter((o) => !!o);
  return html`<section part="shortlist" class="shortlist" aria-labelledby="shortlist-heading">
    <h3 id="shortlist-heading">${t('shortlist', kept.length)}</h3>
    ${kept.length ? html`<ul>${kept.map((o) => html`<li>${o.name}</li>`)}</ul>` : html`<p>${t('shortlistEmpty')}</p>`}
    <p class="hint">${t('shortlistNote')}${v.share ? ` ${t('shortlistShare')}` : ''}</p>
  </section>`;
}

/** "So rechnen wir": weights, "important" and conditions, in easy-to-read German when asked for. */
function renderHow(v: View): TemplateResult {
  const t = v.t;
  const easy = v.easyRead && v.lang === 'de';
  const keys = easy ? (['howWeightsEasy', 'howImportantEasy', 'howHardEasy'] as const) : (['howWeights', 'howImportant', 'howHard'] as const);
  return html`<details part="how" class="how">
    <summary>${t('how')}</summary>
    ${keys.map((k) => html`<p>${t(k)}</p>`)}
  </details>`;
}

function renderMatch(v: View, match: RankedMatch, i: number): TemplateResult {
  const { t, state } = v;
  const { offer, fitMe, fitThem } = match;
  const loc = offer.location;
  const criteria = explainMatch(state.prepared, state.answers, match.index);
  const distance = (km: number | undefined, before: string) => (km === undefined ? '' : before + t('distance', v.number(km)));
  const chip = (c: CriterionResult) => {
    const label = v.label(state.questions.find((q) => q.id === c.questionId)!);
    return html`<li>${c.side === 'them' ? t('theirWish', label) : label}${distance(c.distanceKm, ': ')}</li>`;
  };
  const id = `result-${i}`;
  const hidden = html`<span class="visually-hidden"> ${offer.name}</span>`;
  const longText = (text: string | undefined) => (text ? html`<p>${v.easyRead && offer.easyLanguage ? offer.easyLanguage : text}</p>` : nothing);
  const para = (text: string | undefined) => (text ? html`<p>${text}</p>` : nothing);
  const kept = state.shortlist.includes(offer.id);
  const picked = state.picked.includes(offer.id);
  return html`<li part="result" class="result">
    <article aria-labelledby=${id}>
      <h3 id=${id}>${offer.name}</h3>
      ${v.showScore
        ? html`<p part="score" class="score">
            ${match.compared ? t('score', String(pct(match.score))) : t('noCriteria')}
            ${match.compared ? html`<meter aria-hidden="true" min="0" max="100" .value=${pct(match.score)}></meter>` : nothing}
            ${fitMe !== undefined && fitThem !== undefined
              ? html`<span class="sides">${t('fitMe', String(pct(fitMe)))} · ${t('fitThem', String(pct(fitThem)))}</span>`
              : nothing}
          </p>`
        : nothing}
      ${loc?.town ? html`<p class="where">${loc.town}${distance(match.distanceKm, ' · ')}</p>` : nothing}
      ${longText(offer.summary)}
      <div part="explanation" class="explanation" role="group" aria-label=${t('why', offer.name)}>
        ${OUTCOMES.map((outcome) => {
          const list = criteria.filter((c) => c.outcome === outcome);
          return list.length
            ? html`<div class="chips ${outcome}"><p id="${id}-${outcome}">${t(outcome)}:</p><ul aria-labelledby="${id}-${outcome}">${list.map(chip)}</ul></div>`
            : nothing;
        })}
      </div>
      <details>
        <summary>${t('details')}${hidden}</summary>
        ${longText(offer.description)}
        ${para(loc?.address || loc?.postalCode ? [loc.address, [loc.postalCode, loc.town].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '')}
        ${para(loc?.accessibility)}
        ${para(offer.contact?.name && `${t('contact')}: ${offer.contact.name}`)}
      </details>
      ${renderContact(v, offer, i)}
      ${writtenContacts(v, offer)}
      <div class="result-actions">
        <button type="button" class="si-button" part="button keep-button" aria-pressed=${kept ? 'true' : 'false'}
          @click=${() => v.on.keep(offer.id, !kept)}>${v.t('keep')}${hidden}</button>
        <div class="check-row pick">
          <input type="checkbox" id="pick-${i}" .checked=${live(picked)} @change=${(e: Event) => v.on.pick(offer.id, (e.target as HTMLInputElement).checked)} />
          <label for="pick-${i}">${v.t('pick')}${hidden}</label>
        </div>
      </div>
    </article>
  </li>`;
}

function renderShare(v: View): TemplateResult {
  const { t, state, on } = v;
  if (state.sharing === 'ask') {
    return html`<div class="share" role="group" aria-labelledby="share-explain">
      <p id="share-explain">${t('shareExplain')}</p>
      ${button('share-confirm-button', t('shareConfirm'), on.confirmShare, true)}
      ${button('', t('cancel'), () => on.share('no'))}
    </div>`;
  }
  if (state.sharing === 'done') {
    return html`<div class="share" part="share" role="group" aria-labelledby="share-link-label">
      <div class="field">
        <label id="share-link-label" for="share-link">${t('shareLink')}</label>
        <p id="share-link-hint" class="hint">${t('shareLinkHint')}</p>
        <input id="share-link" part="share-link" type="text" readonly aria-describedby="share-link-hint" .value=${v.shareLink} @focus=${selectAll} />
      </div>
      ${button('copy-button', t('copyLink'), on.copyLink, true)}
      <p role="status">${state.copied ? t(state.copied === 'copied' ? 'copied' : 'copyFailed') : nothing}</p>
    </div>`;
  }
  return button('share-button', t('share'), () => on.share('ask'));
}

function hintText(v: View, hint: NearMiss | WhatIf): string {
  const t = v.t;
  const q = v.state.questions.find((x) => x.id === hint.questionId)!;
  if (hint.kind === 'radius') return t('nearMiss', hint.count, v.number(hint.radius));
  const label = v.label(q);
  if (hint.kind === 'drop') return t('whatIfDrop', hint.count, label);
  const delta = `${v.number(Math.abs(hint.delta))}${q.unit ? ` ${q.unit}` : ''}`;
  return t(hint.bound === 'max' ? 'whatIfMore' : 'whatIfLess', hint.count, label, delta);
}

function selectAll(e: Event) {
  (e.target as HTMLInputElement).select();
}
