import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import {
  AdapterError, INTL_LOCALE, SAXON_DISTRICTS, SAXON_PLACES, createTranslator, localize, safeUrl, supports,
  type MatchOffer, type Question, type Questionnaire,
} from '@sozial-innovativ/core';
import { SiElement, renderEmpty, renderError, renderLoading, renderNotices } from '@sozial-innovativ/core/elements';
import {
  applyHint, decodeAnswers, encodeAnswers, explainMatch, isAnswered, prepareOffers, radiusFor, rankOffers, resolveLocation,
  type Answer, type AnswerValue, type CriterionResult, type LocationAnswer, type NearMiss, type PreparedOffers, type RangeAnswer,
  type RankResult, type RankedMatch, type WhatIf,
} from './engine/index.js';
import { messages } from './messages.js';
import { matchFinderStyles } from './si-match-finder.styles.js';

export interface MatchStepDetail {
  /** 1-based step number. */
  step: number;
  total: number;
}
export interface MatchCompleteDetail {
  /** The ranked offer ids, best first. Never the answers. */
  offerIds: string[];
}

type Phase = 'start' | 'step' | 'check' | 'results';
interface Loaded {
  questionnaire: Questionnaire;
  prepared: PreparedOffers;
  dropped: number;
  stale?: boolean;
  fetchedAt: number;
}
interface FieldError {
  /** The id of the control the error summary links to. */
  field: string;
  message: string;
}

const HASH_KEY = 'si-match=';
const pct = (x: number) => String(Math.round(x * 100));

/**
 * A stepwise questionnaire that ranks offers (co-housing projects, volunteering, support) by how
 * well they fit, and explains why. Everything happens in the browser: the questionnaire and offers
 * are loaded from the adapter before the first question; answers are never sent, stored or put
 * into events.
 *
 * @summary Privacy-preserving, explainable match finder.
 *
 * @fires si-match-step - A step is shown. `detail: { step, total }` (no answers).
 * @fires si-match-complete - Results are shown. `detail: { offerIds }`, the ranked ids only.
 *
 * @csspart start - The start screen.
 * @csspart progress - "Step 2 of 6" and the number of matches so far.
 * @csspart step - The form of one question.
 * @csspart error-summary - The error summary above the form.
 * @csspart check - The check-your-answers summary.
 * @csspart results - The results region.
 * @csspart result - One result.
 * @csspart score - The score of a result.
 * @csspart explanation - The explanation lists of a result.
 * @csspart filters - The result filters.
 * @csspart hints - Near misses and what-if suggestions.
 * @csspart button - Every button.
 * @csspart state - Loading, error and empty states (from core).
 * @csspart notice - Notes on the data (from core).
 *
 * @cssprop --si-match-accent - Accent colour (buttons, meter); falls back to `--si-color-accent`.
 * @cssprop --si-match-error - Error colour; falls back to `--si-color-danger`.
 * @cssprop --si-match-surface - Background of cards; falls back to `--si-color-surface-alt`.
 * @cssprop --si-match-max-width - Maximum width of the form (default 40em).
 * @cssprop --si-match-gap - Space between regions; falls back to `--si-space`.
 */
export class SiMatchFinder extends SiElement {
  static override styles = [...SiElement.styles, matchFinderStyles];

  /** A heading that replaces the questionnaire's title. */
  @property() heading?: string;

  /** Show the score as a percentage and a bar (default). `show-score="false"` hides it. */
  @property({ attribute: 'show-score', converter: { fromAttribute: (v: string | null) => v !== 'false' } }) showScore = true;

  /**
   * Offer a "share my answers as a link" button. Answers go into the URL fragment only after the
   * person confirms, and a fragment written this way is read back when the page opens.
   */
  @property({ type: Boolean }) share = false;

  @state() private phase: Phase = 'start';
  @state() private stepIndex = 0;
  @state() private answers: Record<string, Answer> = {};
  @state() private errors: FieldError[] = [];
  @state() private returnToCheck = false;
  @state() private status = '';
  @state() private district = '';
  @state() private goodOnly = false;
  @state() private sharing: 'no' | 'ask' | 'done' = 'no';
  @state() private fromLink = false;

  /** What to focus after the next render: the step heading, the error summary, a result heading. */
  private focusTarget?: string;
  private ranked?: { answers: Record<string, Answer>; result: RankResult };

  private readonly data = new Task(this, {
    task: async ([adapter], { signal }): Promise<Loaded> => {
      if (!supports(adapter, 'questionnaire') || !supports(adapter, 'offers')) {
        throw new AdapterError('unsupported', 'The source provides no questionnaire and offers');
      }
      const [questionnaire, offers] = await Promise.all([adapter!.questionnaire!({ signal }), adapter!.offers!({ signal })]);
      return { questionnaire, prepared: prepareOffers(questionnaire, offers.items), dropped: offers.dropped, stale: offers.stale, fetchedAt: offers.fetchedAt };
    },
    args: () => [this.source.adapter] as const,
    onComplete: (loaded) => this.restoreShared(loaded.questionnaire),
  });

  private get t() {
    return createTranslator(messages, this.language);
  }

  private text(value: Parameters<typeof localize>[0]): string {
    return localize(value, this.language, this.easyRead);
  }

  private number(x: number): string {
    return new Intl.NumberFormat(INTL_LOCALE[this.language], { maximumFractionDigits: 1 }).format(x);
  }

  // --- Rendering -----------------------------------------------------------------------------

  protected override render() {
    if (!this.source.adapter) return renderLoading(this.language);
    return this.data.render({
      pending: () => renderLoading(this.language),
      error: (e) => renderError(this.language, e, () => void this.data.run()),
      complete: (loaded) => {
        if (!loaded.prepared.offers.length) return renderEmpty(this.t('noOffers'));
        return html`${renderNotices(this.language, loaded)}${this.renderPhase(loaded)}
          <p class="status" part="progress" role="status">${this.phase === 'step' ? this.status : nothing}</p>`;
      },
    });
  }

  private renderPhase(loaded: Loaded): TemplateResult {
    switch (this.phase) {
      case 'start':
        return this.renderStart(loaded);
      case 'step':
        return this.renderStep(loaded.questionnaire);
      case 'check':
        return this.renderCheck(loaded.questionnaire);
      case 'results':
        return this.renderResults(loaded);
    }
  }

  private renderStart({ questionnaire, prepared }: Loaded): TemplateResult {
    const t = this.t;
    return html`<section part="start" class="start" aria-labelledby="heading">
      <h2 id="heading" class="heading" tabindex="-1">${this.heading || this.text(questionnaire.title)}</h2>
      ${questionnaire.intro ? html`<p>${this.text(questionnaire.intro)}</p>` : nothing}
      <p class="privacy">${t('privacy')}</p>
      <p>${t('available', prepared.offers.length)}</p>
      ${this.fromLink ? html`<p class="si-notice">${t('fromLink')}</p>` : nothing}
      <button type="button" class="si-button primary" part="button start-button" @click=${this.begin}>${t('start')}</button>
    </section>`;
  }

  /** Keyed by question: every step gets fresh controls, so no checked state leaks between steps. */
  private renderStep(questionnaire: Questionnaire): TemplateResult {
    const t = this.t;
    const questions = questionnaire.questions;
    const question = questions[this.stepIndex]!;
    const answer = this.answers[question.id];
    const error = this.errors.length ? this.errors : undefined;
    const hintId = question.hint ? 'hint' : '';
    const describedBy = [hintId, error ? 'error' : ''].filter(Boolean).join(' ') || nothing;
    return html`
      <button type="button" class="back" part="button back-button" @click=${this.back}>${t('back')}</button>
      ${error ? this.renderErrorSummary(error) : nothing}
      ${keyed(question.id, html`<form part="step" class="step ${error ? 'has-error' : ''}" novalidate @submit=${this.next}>
        <fieldset aria-describedby=${describedBy}>
          <legend>
            <h2 id="heading" class="heading" tabindex="-1">
              <span class="caption">${t('step', this.stepIndex + 1, questions.length)}</span>
              ${this.text(question.label)}${question.required ? nothing : html` <span class="optional">${t('optional')}</span>`}
            </h2>
          </legend>
          ${question.hint ? html`<p id="hint" class="hint">${this.text(question.hint)}</p>` : nothing}
          ${error ? html`<p id="error" class="error-message">${error.map((e) => html`<span class="visually-hidden">${t('errorPrefix')}</span> ${e.message} `)}</p>` : nothing}
          ${this.renderControls(question, answer?.value)}
        </fieldset>
        ${this.allowsImportance(question)
          ? html`<div class="check-row important">
              <input type="checkbox" id="important" name="important" .checked=${!!answer?.important} />
              <label for="important">${t('important')}</label>
            </div>`
          : nothing}
        <div class="actions">
          <button type="submit" class="si-button primary" part="button next-button">${t('next')}</button>
          ${question.required ? nothing : html`<button type="button" class="si-button" part="button skip-button" @click=${this.skip}>${t('skip')}</button>`}
        </div>
      </form>`)}`;
  }

  private renderErrorSummary(errors: FieldError[]): TemplateResult {
    // As GOV.UK Frontend: the summary takes focus, its content is an alert.
    return html`<div class="error-summary" part="error-summary" tabindex="-1">
      <div role="alert">
        <h3>${this.t('errorTitle')}</h3>
        <ul>
          ${errors.map((e) => html`<li><a href="#${e.field}" @click=${(ev: Event) => this.focusField(ev, e.field)}>${e.message}</a></li>`)}
        </ul>
      </div>
    </div>`;
  }

  private renderControls(question: Question, value: AnswerValue | undefined): TemplateResult {
    const t = this.t;
    const choice = (type: 'radio' | 'checkbox', options: { value: string; label: string }[], checked: (v: string) => boolean) =>
      html`<div class="choices">
        ${options.map((o, i) => html`<div class="check-row">
          <input type=${type} id="answer-${i}" name="answer" .value=${o.value} .checked=${checked(o.value)} />
          <label for="answer-${i}">${o.label}</label>
        </div>`)}
      </div>`;
    const options = question.options.map((o) => ({ value: o.value, label: this.text(o.label) }));
    switch (question.kind) {
      case 'single':
        return choice('radio', options, (v) => value === v);
      case 'multiple':
        return choice('checkbox', options, (v) => Array.isArray(value) && value.includes(v));
      case 'boolean':
        return choice('radio', [{ value: 'yes', label: t('yes') }, { value: 'no', label: t('no') }], (v) => (v === 'yes' ? value === true : value === false));
      case 'scale': {
        const min = question.min ?? 1;
        const max = question.max ?? 5;
        const step = question.step || 1;
        const points: { value: string; label: string }[] = [];
        for (let x = min; x <= max && points.length < 20; x += step) {
          const v = String(x);
          points.push({ value: v, label: options.find((o) => o.value === v)?.label ?? this.number(x) });
        }
        return html`<div class="scale">${choice('radio', points, (v) => value === Number(v))}</div>`;
      }
      case 'range': {
        const range = (value ?? {}) as RangeAnswer;
        const field = (name: 'min' | 'max', label: string) => html`<div class="field">
          <label for=${name}>${label}${question.unit ? ` (${question.unit})` : ''}</label>
          <input id=${name} name=${name} type="text" inputmode="decimal" autocomplete="off" size="8"
            .value=${range[name] === undefined ? '' : String(range[name])} />
        </div>`;
        return html`<div class="fields">${field('min', t('from'))}${field('max', t('to'))}</div>`;
      }
      case 'location': {
        const loc = (value ?? {}) as LocationAnswer;
        const radius = radiusFor(question, loc);
        const towns = [...SAXON_PLACES].map((p) => p.name).sort((a, b) => a.localeCompare(b, 'de'));
        return html`<div class="fields">
          <div class="field">
            <label for="place">${t('place')}</label>
            <select id="place" name="place">
              <option value="" ?selected=${!loc.place}>${t('placeNone')}</option>
              <optgroup label=${t('towns')}>${towns.map((n) => html`<option ?selected=${loc.place === n}>${n}</option>`)}</optgroup>
              <optgroup label=${t('districts')}>${SAXON_DISTRICTS.filter((n) => !towns.includes(n)).map((n) => html`<option ?selected=${loc.place === n}>${n}</option>`)}</optgroup>
            </select>
          </div>
          <div class="field">
            <label for="postcode">${t('postcode')}</label>
            <input id="postcode" name="postcode" type="text" inputmode="numeric" autocomplete="postal-code" size="6" maxlength="5" .value=${loc.postcode ?? ''} />
          </div>
          <div class="field">
            <label for="radius">${t('radius')}</label>
            <select id="radius" name="radius">
              ${question.radii.map((r) => html`<option value=${r} ?selected=${r === radius}>${t('km', this.number(r))}</option>`)}
            </select>
          </div>
        </div>`;
      }
    }
  }

  private renderCheck(questionnaire: Questionnaire): TemplateResult {
    const t = this.t;
    return html`<section part="check" class="check" aria-labelledby="heading">
      <button type="button" class="back" part="button back-button" @click=${this.back}>${t('back')}</button>
      <h2 id="heading" class="heading" tabindex="-1">${t('check')}</h2>
      <dl class="summary">
        ${questionnaire.questions.map((q, i) => html`<div class="summary-row">
          <dt>${this.text(q.label)}</dt>
          <dd>${this.answerText(q)}</dd>
          <dd class="change">
            <button type="button" class="link" part="button change-button" @click=${() => this.goTo(i, true)}>
              ${t('change')}<span class="visually-hidden"> ${this.text(q.shortLabel ?? q.label)}</span>
            </button>
          </dd>
        </div>`)}
      </dl>
      <button type="button" class="si-button primary" part="button results-button" @click=${this.showResults}>${t('showResults')}</button>
    </section>`;
  }

  /** The answer as a person reads it back, e.g. "Leipzig, bis 25 km". */
  private answerText(q: Question): string {
    const t = this.t;
    const answer = this.answers[q.id];
    if (!answer) return t('skipped');
    const v = answer.value;
    const label = (value: string) => this.text(q.options.find((o) => o.value === value)?.label) || value;
    let text: string;
    switch (q.kind) {
      case 'single':
        text = label(v as string);
        break;
      case 'multiple':
        text = (v as string[]).map(label).join(', ');
        break;
      case 'boolean':
        text = v ? t('yes') : t('no');
        break;
      case 'scale':
        text = label(String(v));
        break;
      case 'range': {
        const r = v as RangeAnswer;
        const unit = q.unit ? ` ${q.unit}` : '';
        text = [r.min !== undefined ? `${t('from')} ${this.number(r.min)}${unit}` : '', r.max !== undefined ? `${t('to')} ${this.number(r.max)}${unit}` : '']
          .filter(Boolean).join(', ');
        break;
      }
      case 'location': {
        const loc = v as LocationAnswer;
        const where = loc.postcode ? `${loc.postcode} ${resolveLocation(loc)?.name ?? ''}` : loc.place ?? '';
        text = `${where.trim()}, ${t('km', this.number(radiusFor(q, loc)))}`;
        break;
      }
    }
    return answer.important ? `${text} (${t('isImportant')})` : text;
  }

  private renderResults(loaded: Loaded): TemplateResult {
    const t = this.t;
    const { questionnaire, prepared } = loaded;
    const result = this.rank(loaded);
    const districts = [...new Set(result.matches.map((m) => m.offer.location?.district).filter((d): d is string => !!d))].sort((a, b) => a.localeCompare(b, 'de'));
    const shown = result.matches.filter((m) => (!this.district || m.offer.location?.district === this.district) && (!this.goodOnly || Math.round(m.score * 100) >= 75));
    const hints: (NearMiss | WhatIf)[] = [...result.nearMisses, ...result.whatIf];
    return html`<section part="results" class="results" aria-labelledby="heading">
      <h2 id="heading" class="heading" tabindex="-1">${t('results', result.matches.length)}</h2>
      ${result.excluded ? html`<p>${t('excluded', result.excluded)}</p>` : nothing}
      ${result.matches.length ? nothing : html`<p>${t('none')}</p>`}
      ${hints.length
        ? html`<ul part="hints" class="hints">
            ${hints.map((h) => html`<li><button type="button" class="si-button" part="button hint-button" @click=${() => this.applyHint(questionnaire, h)}>${this.hintText(questionnaire, h)}</button></li>`)}
          </ul>`
        : nothing}
      ${result.matches.length > 1
        ? html`<fieldset part="filters" class="filters">
            <legend>${t('filters')}</legend>
            ${districts.length > 1
              ? html`<div class="field">
                  <label for="filter-district">${t('district')}</label>
                  <select id="filter-district" @change=${(e: Event) => (this.district = (e.target as HTMLSelectElement).value)}>
                    <option value="" ?selected=${!this.district}>${t('all')}</option>
                    ${districts.map((d) => html`<option ?selected=${this.district === d}>${d}</option>`)}
                  </select>
                </div>`
              : nothing}
            <div class="check-row">
              <input type="checkbox" id="filter-good" .checked=${this.goodOnly} @change=${(e: Event) => (this.goodOnly = (e.target as HTMLInputElement).checked)} />
              <label for="filter-good">${t('goodOnly')}</label>
            </div>
            <p role="status">${shown.length !== result.matches.length ? t('showing', shown.length, result.matches.length) : nothing}</p>
          </fieldset>`
        : nothing}
      <ol class="list">
        ${shown.map((m, i) => this.renderMatch(prepared, m, i))}
      </ol>
      <div class="actions">
        ${this.share ? this.renderShare() : nothing}
        <button type="button" class="si-button" part="button start-over-button" @click=${this.startOver}>${t('startOver')}</button>
      </div>
    </section>`;
  }

  private renderMatch(prepared: PreparedOffers, match: RankedMatch, i: number): TemplateResult {
    const t = this.t;
    const offer = match.offer;
    const questions = prepared.questionnaire.questions;
    const criteria = explainMatch(prepared, this.answers, match.index);
    const group = (outcome: CriterionResult['outcome']) => criteria.filter((c) => c.outcome === outcome);
    const chip = (c: CriterionResult) => {
      const q = questions.find((x) => x.id === c.questionId)!;
      const label = this.text(q.shortLabel ?? q.label);
      const text = c.side === 'them' ? t('theirWish', label) : label;
      return html`<li>${text}${c.distanceKm !== undefined ? `: ${t('distance', this.number(c.distanceKm))}` : ''}</li>`;
    };
    const id = `result-${i}`;
    const contactLinks = this.contactLinks(offer);
    return html`<li part="result" class="result">
      <article aria-labelledby=${id}>
        <h3 id=${id}>${offer.name}</h3>
        ${this.showScore
          ? html`<p part="score" class="score">
              ${match.compared ? t('score', pct(match.score)) : t('noCriteria')}
              ${match.compared ? html`<meter aria-hidden="true" min="0" max="100" .value=${Math.round(match.score * 100)}></meter>` : nothing}
              ${match.fitMe !== undefined && match.fitThem !== undefined
                ? html`<span class="sides">${t('fitMe', pct(match.fitMe))} · ${t('fitThem', pct(match.fitThem))}</span>`
                : nothing}
            </p>`
          : nothing}
        ${offer.location?.town ? html`<p class="where">${offer.location.town}${match.distanceKm !== undefined ? ` · ${t('distance', this.number(match.distanceKm))}` : ''}</p>` : nothing}
        ${offer.summary ? html`<p>${this.easyRead && offer.easyLanguage ? offer.easyLanguage : offer.summary}</p>` : nothing}
        <div part="explanation" class="explanation" role="group" aria-label=${t('why', offer.name)}>
          ${(['agree', 'near', 'disagree'] as const).map((outcome) => {
            const list = group(outcome);
            return list.length
              ? html`<div class="chips ${outcome}"><p id="${id}-${outcome}">${t(outcome)}:</p><ul aria-labelledby="${id}-${outcome}">${list.map(chip)}</ul></div>`
              : nothing;
          })}
        </div>
        <details>
          <summary>${t('details')}<span class="visually-hidden"> ${offer.name}</span></summary>
          ${offer.description ? html`<p>${this.easyRead && offer.easyLanguage ? offer.easyLanguage : offer.description}</p>` : nothing}
          ${offer.location?.address || offer.location?.postalCode
            ? html`<p>${[offer.location.address, [offer.location.postalCode, offer.location.town].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</p>`
            : nothing}
          ${offer.location?.accessibility ? html`<p>${offer.location.accessibility}</p>` : nothing}
          ${offer.contact?.name ? html`<p>${t('contact')}: ${offer.contact.name}</p>` : nothing}
        </details>
        ${contactLinks.length ? html`<ul class="links">${contactLinks.map(([label, href]) => html`<li><a href=${href}>${label}<span class="visually-hidden"> ${offer.name}</span></a></li>`)}</ul>` : nothing}
      </article>
    </li>`;
  }

  private contactLinks(offer: MatchOffer): [string, string][] {
    const t = this.t;
    const links: [string, string | undefined][] = [
      [t('website'), safeUrl(offer.url ?? offer.contact?.url)],
      [t('email'), offer.contact?.email ? safeUrl(`mailto:${offer.contact.email}`) : undefined],
      [t('phone'), offer.contact?.phone ? safeUrl(`tel:${offer.contact.phone.replace(/[^\d+]/g, '')}`) : undefined],
    ];
    return links.filter((l): l is [string, string] => !!l[1]);
  }

  private renderShare(): TemplateResult {
    const t = this.t;
    if (this.sharing === 'ask') {
      return html`<div class="share" role="group" aria-labelledby="share-explain">
        <p id="share-explain">${t('shareExplain')}</p>
        <button type="button" class="si-button primary" part="button share-confirm-button" @click=${this.confirmShare}>${t('shareConfirm')}</button>
        <button type="button" class="si-button" part="button" @click=${() => (this.sharing = 'no')}>${t('cancel')}</button>
      </div>`;
    }
    return html`${this.sharing === 'done' ? html`<p role="status" class="si-notice">${t('shared')}</p>` : nothing}
      <button type="button" class="si-button" part="button share-button" @click=${() => (this.sharing = 'ask')}>${t('share')}</button>`;
  }

  private hintText(questionnaire: Questionnaire, hint: NearMiss | WhatIf): string {
    const t = this.t;
    const q = questionnaire.questions.find((x) => x.id === hint.questionId)!;
    const label = this.text(q.shortLabel ?? q.label);
    if (hint.kind === 'radius') return t('nearMiss', hint.count, this.number(hint.radius));
    if (hint.kind === 'drop') return t('whatIfDrop', hint.count, label);
    const delta = `${this.number(Math.abs(hint.delta))}${q.unit ? ` ${q.unit}` : ''}`;
    return hint.bound === 'max' ? t('whatIfMore', hint.count, label, delta) : t('whatIfLess', hint.count, label, delta);
  }

  // --- Behaviour ------------------------------------------------------------------------------

  private allowsImportance(q: Question): boolean {
    return q.importance ?? ((q.kind === 'location' || (!!q.attribute && !q.hard)));
  }

  private rank(loaded: Loaded): RankResult {
    if (this.ranked?.answers !== this.answers) {
      this.ranked = { answers: this.answers, result: rankOffers(loaded.questionnaire, loaded.prepared, this.answers) };
    }
    return this.ranked.result;
  }

  private get loaded(): Loaded | undefined {
    return this.data.value;
  }

  private begin = () => this.goTo(0);

  private goTo(index: number, fromCheck = false) {
    const total = this.loaded!.questionnaire.questions.length;
    this.returnToCheck = fromCheck || (this.returnToCheck && this.phase !== 'start');
    this.errors = [];
    this.phase = 'step';
    this.stepIndex = index;
    this.focusTarget = '#heading';
    this.emit<MatchStepDetail>('si-match-step', { step: index + 1, total });
  }

  private back = () => {
    this.errors = [];
    if (this.phase === 'check') {
      this.goTo(this.loaded!.questionnaire.questions.length - 1);
    } else if (this.returnToCheck) {
      this.toCheck();
    } else if (this.stepIndex === 0) {
      this.phase = 'start';
      this.focusTarget = '#heading';
    } else {
      this.goTo(this.stepIndex - 1);
    }
  };

  private next = (e: Event) => {
    e.preventDefault();
    const loaded = this.loaded!;
    const question = loaded.questionnaire.questions[this.stepIndex]!;
    const form = e.target as HTMLFormElement;
    const { value, errors } = this.read(question, new FormData(form));
    if (errors.length) {
      this.errors = errors;
      this.focusTarget = '.error-summary';
      return;
    }
    const answers = { ...this.answers };
    if (value === undefined) delete answers[question.id];
    else answers[question.id] = (form.elements.namedItem('important') as HTMLInputElement | null)?.checked ? { value, important: true } : { value };
    this.answers = answers;
    this.advance();
  };

  private skip = () => {
    const answers = { ...this.answers };
    delete answers[this.loaded!.questionnaire.questions[this.stepIndex]!.id];
    this.answers = answers;
    this.advance();
  };

  private advance() {
    const loaded = this.loaded!;
    this.status = this.t('soFar', this.rank(loaded).matches.length);
    if (this.returnToCheck || this.stepIndex + 1 >= loaded.questionnaire.questions.length) this.toCheck();
    else this.goTo(this.stepIndex + 1);
  }

  private toCheck() {
    this.errors = [];
    this.returnToCheck = false;
    this.phase = 'check';
    this.focusTarget = '#heading';
  }

  /** Reads and checks one step's form. `value` undefined: skipped. */
  private read(question: Question, form: FormData): { value?: AnswerValue; errors: FieldError[] } {
    const t = this.t;
    const fail = (field: string, message: string) => ({ errors: [{ field, message }] });
    const done = (value: AnswerValue | undefined) =>
      value === undefined || !isAnswered(question, value)
        ? question.required
          ? fail(question.kind === 'location' ? 'place' : question.kind === 'range' ? 'min' : 'answer-0', this.requiredMessage(question))
          : { errors: [] }
        : { value, errors: [] };
    const text = (name: string) => String(form.get(name) ?? '').trim();
    switch (question.kind) {
      case 'single':
        return done(text('answer') || undefined);
      case 'multiple':
        return done(form.getAll('answer').map(String));
      case 'boolean':
        return done(text('answer') === 'yes' ? true : text('answer') === 'no' ? false : undefined);
      case 'scale':
        return done(text('answer') === '' ? undefined : Number(text('answer')));
      case 'range': {
        const range: RangeAnswer = {};
        for (const name of ['min', 'max'] as const) {
          const raw = text(name).replace(/\s|€/g, '').replace(',', '.');
          if (!raw) continue;
          const n = Number(raw);
          if (!Number.isFinite(n)) return fail(name, t('errorNumber'));
          range[name] = n;
        }
        if (range.min !== undefined && range.max !== undefined && range.min > range.max) return fail('min', t('errorOrder'));
        return done(range.min === undefined && range.max === undefined ? undefined : range);
      }
      case 'location': {
        const postcode = text('postcode');
        const place = text('place');
        const radius = Number(text('radius')) || undefined;
        if (postcode) {
          if (!resolveLocation({ postcode })) return fail('postcode', t('errorPostcode'));
          return done({ postcode, radius });
        }
        return done(place ? { place, radius } : undefined);
      }
    }
  }

  private requiredMessage(q: Question): string {
    const t = this.t;
    return q.kind === 'location' ? t('errorPlace') : q.kind === 'range' ? t('errorRange') : q.kind === 'multiple' ? t('errorChooseSome') : t('errorChoose');
  }

  private showResults = () => {
    const loaded = this.loaded!;
    this.phase = 'results';
    this.status = '';
    this.focusTarget = '#heading';
    this.emit<MatchCompleteDetail>('si-match-complete', { offerIds: this.rank(loaded).matches.map((m) => m.offer.id) });
  };

  private applyHint(questionnaire: Questionnaire, hint: NearMiss | WhatIf) {
    this.answers = applyHint(questionnaire, this.answers, hint) as Record<string, Answer>;
    this.showResults();
  }

  private startOver = () => {
    this.answers = {};
    this.errors = [];
    this.district = '';
    this.goodOnly = false;
    this.status = '';
    this.fromLink = false;
    if (this.sharing === 'done' && location.hash.includes(HASH_KEY)) history.replaceState(history.state, '', location.pathname + location.search);
    this.sharing = 'no';
    this.returnToCheck = false;
    this.phase = 'start';
    this.focusTarget = '#heading';
  };

  private confirmShare = () => {
    location.hash = HASH_KEY + encodeAnswers(this.answers);
    this.sharing = 'done';
  };

  /** Only with `share`: answers a person chose to put into the link, read back once. */
  private restoreShared(questionnaire: Questionnaire) {
    if (!this.share || typeof location === 'undefined') return;
    const at = location.hash.indexOf(HASH_KEY);
    if (at < 0) return;
    const answers = decodeAnswers(questionnaire, location.hash.slice(at + HASH_KEY.length));
    if (!Object.keys(answers).length) return;
    this.answers = answers;
    this.fromLink = true;
  }

  private focusField(e: Event, field: string) {
    e.preventDefault();
    (this.renderRoot.querySelector(`#${field}`) as HTMLElement | null)?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusTarget) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
      if (target) {
        this.focusTarget = undefined;
        target.focus();
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-match-finder': SiMatchFinder;
  }
  interface GlobalEventHandlersEventMap {
    'si-match-step': CustomEvent<MatchStepDetail>;
    'si-match-complete': CustomEvent<MatchCompleteDetail>;
  }
}
