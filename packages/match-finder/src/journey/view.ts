/**
 * The journey's screens as pure templates of (state, messages): start page, one step, check your
 * answers here; the results and the comparison come from the later chunk (`results.ts`) through
 * `props.results`. Everything a control does is a callback in `on`; nothing here reads or changes
 * the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  INTL_LOCALE, SAXON_DISTRICTS, SAXON_PLACES, commonMessages, createTranslator, localize, type Lang, type LocalizedText, type Question,
} from '@sozial-innovativ/core';
import { renderEmpty, renderNotices } from '@sozial-innovativ/core/elements';
import { radiusFor } from '../engine/answer.js';
import type { AnswerValue, LocationAnswer, RangeAnswer } from '../engine/types.js';
import { allowsImportance } from './answers.js';
import { answerText, backButton, button, heading, type JourneyViewProps, type View } from './parts.js';

export type { JourneyActions, JourneyViewProps, ResultsScreens, Translate } from './parts.js';

export function renderJourney(props: JourneyViewProps): TemplateResult {
  const { state, t, lang, results } = props;
  if (!state.offers.length) return renderEmpty(t('noOffers'));
  const text = (value: LocalizedText | undefined) => localize(value, lang, props.easyRead);
  const v: View = { ...props, text, number: (x) => numberFormat(lang).format(x), label: (q) => text(q.shortLabel ?? q.label) };
  const phase = state.phase;
  // Results and comparison exist only once their code is there: the state ranks with it.
  const later = phase === 'results' || phase === 'compare' ? results : undefined;
  return html`${renderNotices(lang, props.offers)}${phase === 'start'
    ? renderStart(v)
    : phase === 'step'
      ? renderStep(v)
      : phase === 'check' || !later
        ? renderCheck(v)
        : phase === 'compare'
          ? later.renderCompare(v)
          : later.renderResults(v)}
    <p class="status" part="progress" role="status">${status(v)}</p>`;
}

/** The polite status line: matches so far on a step, or the results' code still on its way. */
function status({ state, t, lang, waiting }: View): string | typeof nothing {
  if (state.phase === 'step' && state.soFar !== undefined) return t('soFar', state.soFar);
  if (state.phase !== 'check' || !waiting) return nothing;
  // core's texts, as in its loading and error states
  const common = createTranslator(commonMessages, lang);
  return common(waiting === 'busy' ? 'loading' : 'error.network');
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
  // Asked for the results while their code is still loading: busy until it is there.
  return html`<section part="check" class="check" aria-labelledby="heading" aria-busy=${v.waiting === 'busy' ? 'true' : nothing}>
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

