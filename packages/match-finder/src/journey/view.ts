/**
 * The journey's screens as pure templates of (state, messages): start page, one step, check your
 * answers, results. Everything a control does is a callback in `on`; nothing here reads or
 * changes the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import {
  INTL_LOCALE, SAXON_DISTRICTS, SAXON_PLACES, dateFormat, localize, type Lang, type LocalizedText, type Question,
} from '@sozial-innovativ/core';
import { renderEmpty, renderNotices } from '@sozial-innovativ/core/elements';
import {
  explainMatch, radiusFor,
  type AnswerValue, type CriterionResult, type LocationAnswer, type NearMiss, type RangeAnswer, type RankedMatch, type WhatIf,
} from '../engine/index.js';
import { allowsImportance } from './answers.js';
import { renderCompare } from './compare-view.js';
import { renderContact, writtenContacts } from './contact-view.js';
import { OUTCOMES, answerLines, answerText, backButton, button, heading, pct, type JourneyViewProps, type View } from './parts.js';

export type { JourneyActions, JourneyViewProps, Translate } from './parts.js';

export function renderJourney(props: JourneyViewProps): TemplateResult {
  const { state, t, lang } = props;
  if (!state.offers.length) return renderEmpty(t('noOffers'));
  const text = (value: LocalizedText | undefined) => localize(value, lang, props.easyRead);
  const v: View = { ...props, text, number: (x) => numberFormat(lang).format(x), label: (q) => text(q.shortLabel ?? q.label) };
  const phase = state.phase;
  return html`${renderNotices(lang, props.offers)}${phase === 'start'
    ? renderStart(v)
    : phase === 'step'
      ? renderStep(v)
      : phase === 'check'
        ? renderCheck(v)
        : phase === 'compare'
          ? renderCompare(v)
          : renderResults(v)}
    <p class="status" part="progress" role="status">${phase === 'step' && state.soFar !== undefined ? t('soFar', state.soFar) : nothing}</p>`;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
/** Made when a screen first formats a number with it (the start page does not), then kept for every render. */
function numberFormat(lang: Lang): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: 1 })));
  return format;
}

function renderStart(v: View): TemplateResult {
  const { t, state } = v;
  const questionnaire = state.questionnaire;
  return html`<section part="start" class="start" aria-labelledby="heading">
    ${heading(v.heading || v.text(questionnaire.title))}
    ${questionnaire.intro ? html`<p>${v.text(questionnaire.intro)}</p>` : nothing}
    <p class="privacy">${t('privacy')}</p>
    <p>${t('available', state.offers.length)}</p>
    ${state.fromLink ? html`<p class="si-notice">${t('fromLink')}</p>` : nothing}
    ${button('start-button', t('start'), v.on.start, true)}
  </section>`;
}

/** Keyed by question: every step gets fresh controls, so no checked state leaks between steps. */
function renderStep(v: View): TemplateResult {
  const { t, state, on } = v;
  const question = state.questions[state.stepIndex]!;
  const answer = state.answers[question.id];
  const errors = state.errors.length ? state.errors : undefined;
  const describedBy = [question.hint ? 'hint' : '', errors ? 'error' : ''].filter(Boolean).join(' ') || nothing;
  return html`${backButton(v)}
    ${errors
      ? // As GOV.UK Frontend: the summary takes focus, its content is an alert.
        html`<div class="error-summary" part="error-summary" tabindex="-1">
          <div role="alert">
            <h3>${t('errorTitle')}</h3>
            <ul>
              ${errors.map((e) => html`<li><a href="#${e.field}" @click=${(ev: Event) => on.focusField(ev, e.field)}>${t(e.message)}</a></li>`)}
            </ul>
          </div>
        </div>`
      : nothing}
    ${keyed(question.id, html`<form part="step" class="step ${errors ? 'has-error' : ''}" novalidate @submit=${on.submit}>
      <fieldset aria-describedby=${describedBy}>
        <legend>
          <h2 id="heading" class="heading" tabindex="-1">
            <span class="caption">${t('step', state.stepIndex + 1, state.questions.length)}</span>
            ${v.text(question.label)}${question.required ? nothing : html` <span class="optional">${t('optional')}</span>`}
          </h2>
        </legend>
        ${question.hint ? html`<p id="hint" class="hint">${v.text(question.hint)}</p>` : nothing}
        ${errors ? html`<p id="error" class="error-message">${errors.map((e) => html`<span class="visually-hidden">${t('errorPrefix')}</span> ${t(e.message)} `)}</p>` : nothing}
        ${renderControls(v, question, answer?.value)}
      </fieldset>
      ${allowsImportance(question)
        ? html`<div class="check-row important">
            <input type="checkbox" id="important" name="important" .checked=${!!answer?.important} />
            <label for="important">${t('important')}</label>
          </div>`
        : nothing}
      <div class="actions">
        <button type="submit" class="si-button primary" part="button next-button">${t('next')}</button>
        ${question.required ? nothing : button('skip-button', t('skip'), on.skip)}
      </div>
    </form>`)}`;
}

function renderControls(v: View, question: Question, value: AnswerValue | undefined): TemplateResult {
  const t = v.t;
  const choice = (type: 'radio' | 'checkbox', options: [value: string, label: string][], checked: (v: string) => boolean) =>
    html`<div class="choices">
      ${options.map(([v, label], i) => html`<div class="check-row">
        <input type=${type} id="answer-${i}" name="answer" .value=${v} .checked=${checked(v)} />
        <label for="answer-${i}">${label}</label>
      </div>`)}
    </div>`;
  const field = (id: string, label: string, control: TemplateResult) =>
    html`<div class="field"><label for=${id}>${label}</label>${control}</div>`;
  const options = question.options.map((o): [string, string] => [o.value, v.text(o.label)]);
  switch (question.kind) {
    case 'single':
      return choice('radio', options, (x) => value === x);
    case 'multiple':
      return choice('checkbox', options, (x) => Array.isArray(value) && value.includes(x));
    case 'boolean':
      return choice('radio', [['yes', t('yes')], ['no', t('no')]], (x) => value === (x === 'yes'));
    case 'scale': {
      const max = question.max ?? 5;
      const step = question.step || 1;
      const points: [string, string][] = [];
      for (let x = question.min ?? 1; x <= max && points.length < 20; x += step) {
        points.push([String(x), options.find((o) => o[0] === String(x))?.[1] ?? v.number(x)]);
      }
      return html`<div class="scale">${choice('radio', points, (x) => value === Number(x))}</div>`;
    }
    case 'range': {
      const range = (value ?? {}) as RangeAnswer;
      const unit = question.unit ? ` (${question.unit})` : '';
      const input = (name: 'min' | 'max') => field(name, t(name === 'min' ? 'from' : 'to') + unit,
        html`<input id=${name} name=${name} type="text" inputmode="decimal" autocomplete="off" size="8" .value=${String(range[name] ?? '')} />`);
      return html`<div class="fields">${input('min')}${input('max')}</div>`;
    }
    case 'location': {
      const loc = (value ?? {}) as LocationAnswer;
      const radius = radiusFor(question, loc);
      const towns = SAXON_PLACES.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'de'));
      const places = (label: string, names: string[]) =>
        html`<optgroup label=${label}>${names.map((n) => html`<option ?selected=${loc.place === n}>${n}</option>`)}</optgroup>`;
      return html`<div class="fields">
        ${field('place', t('place'), html`<select id="place" name="place">
          <option value="" ?selected=${!loc.place}>${t('placeNone')}</option>
          ${places(t('towns'), towns)}${places(t('districts'), SAXON_DISTRICTS.filter((n) => !towns.includes(n)))}
        </select>`)}
        ${field('postcode', t('postcode'), html`<input id="postcode" name="postcode" type="text" inputmode="numeric" autocomplete="postal-code" size="6" maxlength="5" .value=${loc.postcode ?? ''} />`)}
        ${field('radius', t('radius'), html`<select id="radius" name="radius">
          ${question.radii.map((r) => html`<option value=${r} ?selected=${r === radius}>${t('km', v.number(r))}</option>`)}
        </select>`)}
      </div>`;
    }
  }
}

function renderCheck(v: View): TemplateResult {
  const { t, state, on } = v;
  return html`<section part="check" class="check" aria-labelledby="heading">
    ${backButton(v)}
    ${heading(t('check'))}
    <dl class="summary">
      ${state.questions.map((q, i) => html`<div class="summary-row">
        <dt>${v.text(q.label)}</dt>
        <dd>${answerText(v, q)}</dd>
        <dd>
          <button type="button" class="link" part="button change-button" @click=${() => on.change(i)}>
            ${t('change')}<span class="visually-hidden"> ${v.label(q)}</span>
          </button>
        </dd>
      </div>`)}
    </dl>
    ${button('results-button', t('showResults'), on.showResults, true)}
  </section>`;
}

function renderResults(v: View): TemplateResult {
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
