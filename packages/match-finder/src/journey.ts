/**
 * Everything after the loading state: start page, steps, check your answers, results, and the
 * engine behind them. `<si-match-finder>` imports this module (and, for English or Upper Sorbian,
 * the message catalog) together with the questionnaire and offers, and leaves the loading state
 * only when all of it is there: once the start page shows, nothing is requested any more.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  INTL_LOCALE, SAXON_DISTRICTS, SAXON_PLACES, localize, mailtoUrl, safeUrl,
  type Lang, type LocalizedText, type MatchOffer, type Question, type Questionnaire, type Result,
} from '@sozial-innovativ/core';
import { LocaleController, renderEmpty, renderNotices, type SiEventDetail } from '@sozial-innovativ/core/elements';
import {
  applyHint, decodeAnswers, encodeAnswers, explainMatch, isAnswered, prepareOffers, radiusFor, rankOffers, resolveLocation,
  type Answer, type AnswerValue, type CriterionResult, type LocationAnswer, type NearMiss, type PreparedOffers, type RangeAnswer,
  type RankResult, type RankedMatch, type WhatIf,
} from './engine/index.js';
import { de } from './messages.js';
import type { SiMatchFinder } from './si-match-finder.js';

type Phase = 'start' | 'step' | 'check' | 'results';
interface FieldError {
  /** The id of the control the error summary links to. */
  field: string;
  message: string;
}
/** What the element lends the journey (its protected members). */
export interface JourneyContext {
  lang(): Lang;
  emit<K extends 'si-match-step' | 'si-match-complete'>(name: K, detail: SiEventDetail<K>): void;
}

const HASH_KEY = 'si-match=';
const pct = (x: number) => Math.round(x * 100);
const OUTCOMES = ['agree', 'near', 'disagree'] as const;

/** One questionnaire journey over one loaded data set; the element renders it and re-renders on change. */
export class Journey {
  private readonly prepared: PreparedOffers;
  private readonly questions: readonly Question[];
  private readonly locale: LocaleController<typeof de>;
  private phase: Phase = 'start';
  private stepIndex = 0;
  private answers: Record<string, Answer> = {};
  private errors: FieldError[] = [];
  private returnToCheck = false;
  private status = '';
  private district = '';
  private goodOnly = false;
  private sharing: 'no' | 'ask' | 'done' = 'no';
  /** What the last press of "copy link" achieved, announced in a status line. */
  private copied: '' | 'copied' | 'failed' = '';
  private fromLink = false;
  /** What to focus after the next render: the step heading, the error summary. */
  private focusTarget?: string;
  private ranked?: { answers: Record<string, Answer>; result: RankResult };

  constructor(
    private readonly host: SiMatchFinder,
    private readonly questionnaire: Questionnaire,
    private readonly offers: Result<MatchOffer>,
    private readonly ctx: JourneyContext,
  ) {
    this.prepared = prepareOffers(questionnaire, offers.items);
    this.questions = questionnaire.questions;
    this.locale = new LocaleController(host, ctx.lang, de, {
      en: () => import('./messages.en.js'),
      hsb: () => import('./messages.hsb.js'),
    });
    this.restoreShared();
  }

  /** Resolves when the catalog for the current language is there. */
  ready(): Promise<void> {
    return this.locale.ready();
  }

  dispose(): void {
    this.host.removeController(this.locale);
  }

  private get t() {
    return this.locale.t;
  }

  private text(value: LocalizedText | undefined): string {
    return localize(value, this.ctx.lang(), this.host.easyRead);
  }

  private number(x: number): string {
    return new Intl.NumberFormat(INTL_LOCALE[this.ctx.lang()], { maximumFractionDigits: 1 }).format(x);
  }

  private label(q: Question): string {
    return this.text(q.shortLabel ?? q.label);
  }

  private update(): void {
    this.host.requestUpdate();
  }

  // --- Rendering -----------------------------------------------------------------------------

  render(): TemplateResult {
    if (!this.prepared.offers.length) return renderEmpty(this.t('noOffers'));
    const phase = this.phase;
    return html`${renderNotices(this.ctx.lang(), this.offers)}${phase === 'start'
      ? this.renderStart()
      : phase === 'step'
        ? this.renderStep()
        : phase === 'check'
          ? this.renderCheck()
          : this.renderResults()}
      <p class="status" part="progress" role="status">${phase === 'step' ? this.status : nothing}</p>`;
  }

  private heading(text: string) {
    return html`<h2 id="heading" class="heading" tabindex="-1">${text}</h2>`;
  }

  private button(part: string, label: string, onClick: (e: Event) => void, primary = false) {
    return html`<button type="button" class="si-button ${primary ? 'primary' : ''}" part="button ${part}" @click=${onClick}>${label}</button>`;
  }

  private backButton() {
    return html`<button type="button" class="back" part="button back-button" @click=${this.back}>${this.t('back')}</button>`;
  }

  private renderStart(): TemplateResult {
    const { t, questionnaire } = this;
    return html`<section part="start" class="start" aria-labelledby="heading">
      ${this.heading(this.host.heading || this.text(questionnaire.title))}
      ${questionnaire.intro ? html`<p>${this.text(questionnaire.intro)}</p>` : nothing}
      <p class="privacy">${t('privacy')}</p>
      <p>${t('available', this.prepared.offers.length)}</p>
      ${this.fromLink ? html`<p class="si-notice">${t('fromLink')}</p>` : nothing}
      ${this.button('start-button', t('start'), () => this.goTo(0), true)}
    </section>`;
  }

  /** Keyed by question: every step gets fresh controls, so no checked state leaks between steps. */
  private renderStep(): TemplateResult {
    const t = this.t;
    const question = this.questions[this.stepIndex]!;
    const answer = this.answers[question.id];
    const errors = this.errors.length ? this.errors : undefined;
    const describedBy = [question.hint ? 'hint' : '', errors ? 'error' : ''].filter(Boolean).join(' ') || nothing;
    return html`${this.backButton()}
      ${errors
        ? // As GOV.UK Frontend: the summary takes focus, its content is an alert.
          html`<div class="error-summary" part="error-summary" tabindex="-1">
            <div role="alert">
              <h3>${t('errorTitle')}</h3>
              <ul>
                ${errors.map((e) => html`<li><a href="#${e.field}" @click=${(ev: Event) => this.focusField(ev, e.field)}>${e.message}</a></li>`)}
              </ul>
            </div>
          </div>`
        : nothing}
      ${keyed(question.id, html`<form part="step" class="step ${errors ? 'has-error' : ''}" novalidate @submit=${this.next}>
        <fieldset aria-describedby=${describedBy}>
          <legend>
            <h2 id="heading" class="heading" tabindex="-1">
              <span class="caption">${t('step', this.stepIndex + 1, this.questions.length)}</span>
              ${this.text(question.label)}${question.required ? nothing : html` <span class="optional">${t('optional')}</span>`}
            </h2>
          </legend>
          ${question.hint ? html`<p id="hint" class="hint">${this.text(question.hint)}</p>` : nothing}
          ${errors ? html`<p id="error" class="error-message">${errors.map((e) => html`<span class="visually-hidden">${t('errorPrefix')}</span> ${e.message} `)}</p>` : nothing}
          ${this.renderControls(question, answer?.value)}
        </fieldset>
        ${allowsImportance(question)
          ? html`<div class="check-row important">
              <input type="checkbox" id="important" name="important" .checked=${!!answer?.important} />
              <label for="important">${t('important')}</label>
            </div>`
          : nothing}
        <div class="actions">
          <button type="submit" class="si-button primary" part="button next-button">${t('next')}</button>
          ${question.required ? nothing : this.button('skip-button', t('skip'), this.skip)}
        </div>
      </form>`)}`;
  }

  private renderControls(question: Question, value: AnswerValue | undefined): TemplateResult {
    const t = this.t;
    const choice = (type: 'radio' | 'checkbox', options: [value: string, label: string][], checked: (v: string) => boolean) =>
      html`<div class="choices">
        ${options.map(([v, label], i) => html`<div class="check-row">
          <input type=${type} id="answer-${i}" name="answer" .value=${v} .checked=${checked(v)} />
          <label for="answer-${i}">${label}</label>
        </div>`)}
      </div>`;
    const field = (id: string, label: string, control: TemplateResult) =>
      html`<div class="field"><label for=${id}>${label}</label>${control}</div>`;
    const options = question.options.map((o): [string, string] => [o.value, this.text(o.label)]);
    switch (question.kind) {
      case 'single':
        return choice('radio', options, (v) => value === v);
      case 'multiple':
        return choice('checkbox', options, (v) => Array.isArray(value) && value.includes(v));
      case 'boolean':
        return choice('radio', [['yes', t('yes')], ['no', t('no')]], (v) => value === (v === 'yes'));
      case 'scale': {
        const max = question.max ?? 5;
        const step = question.step || 1;
        const points: [string, string][] = [];
        for (let x = question.min ?? 1; x <= max && points.length < 20; x += step) {
          points.push([String(x), options.find((o) => o[0] === String(x))?.[1] ?? this.number(x)]);
        }
        return html`<div class="scale">${choice('radio', points, (v) => value === Number(v))}</div>`;
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
            ${question.radii.map((r) => html`<option value=${r} ?selected=${r === radius}>${t('km', this.number(r))}</option>`)}
          </select>`)}
        </div>`;
      }
    }
  }

  private renderCheck(): TemplateResult {
    const t = this.t;
    return html`<section part="check" class="check" aria-labelledby="heading">
      ${this.backButton()}
      ${this.heading(t('check'))}
      <dl class="summary">
        ${this.questions.map((q, i) => html`<div class="summary-row">
          <dt>${this.text(q.label)}</dt>
          <dd>${this.answerText(q)}</dd>
          <dd>
            <button type="button" class="link" part="button change-button" @click=${() => this.goTo(i, true)}>
              ${t('change')}<span class="visually-hidden"> ${this.label(q)}</span>
            </button>
          </dd>
        </div>`)}
      </dl>
      ${this.button('results-button', t('showResults'), this.showResults, true)}
    </section>`;
  }

  /** The answer as a person reads it back, e.g. "Leipzig, bis 25 km". */
  private answerText(q: Question): string {
    const t = this.t;
    const answer = this.answers[q.id];
    if (!answer) return t('skipped');
    const v = answer.value;
    const label = (value: unknown) => this.text(q.options.find((o) => o.value === String(value))?.label) || String(value);
    let text: string;
    if (q.kind === 'range') {
      const r = v as RangeAnswer;
      const unit = q.unit ? ` ${q.unit}` : '';
      text = (['min', 'max'] as const).filter((k) => r[k] !== undefined).map((k) => `${t(k === 'min' ? 'from' : 'to')} ${this.number(r[k]!)}${unit}`).join(', ');
    } else if (q.kind === 'location') {
      const loc = v as LocationAnswer;
      const where = loc.postcode ? `${loc.postcode} ${resolveLocation(loc)?.name ?? ''}` : loc.place ?? '';
      text = `${where.trim()}, ${t('km', this.number(radiusFor(q, loc)))}`;
    } else if (q.kind === 'boolean') {
      text = v ? t('yes') : t('no');
    } else {
      text = (Array.isArray(v) ? v : [v]).map(label).join(', ');
    }
    return answer.important ? `${text} (${t('isImportant')})` : text;
  }

  private renderResults(): TemplateResult {
    const t = this.t;
    const result = this.rank();
    const matches = result.matches;
    const districts = [...new Set(matches.map((m) => m.offer.location?.district).filter((d): d is string => !!d))].sort((a, b) => a.localeCompare(b, 'de'));
    const shown = matches.filter((m) => (!this.district || m.offer.location?.district === this.district) && (!this.goodOnly || pct(m.score) >= 75));
    const hints: (NearMiss | WhatIf)[] = [...result.nearMisses, ...result.whatIf];
    return html`<section part="results" class="results" aria-labelledby="heading">
      ${this.heading(t('results', matches.length))}
      ${result.excluded ? html`<p>${t('excluded', result.excluded)}</p>` : nothing}
      ${matches.length ? nothing : html`<p>${t('none')}</p>`}
      ${hints.length
        ? html`<ul part="hints" class="hints">
            ${hints.map((h) => html`<li>${this.button('hint-button', this.hintText(h), () => this.applyHint(h))}</li>`)}
          </ul>`
        : nothing}
      ${matches.length > 1
        ? html`<fieldset part="filters" class="filters">
            <legend>${t('filters')}</legend>
            ${districts.length > 1
              ? html`<div class="field">
                  <label for="filter-district">${t('district')}</label>
                  <select id="filter-district" @change=${(e: Event) => this.filter({ district: (e.target as HTMLSelectElement).value })}>
                    <option value="" ?selected=${!this.district}>${t('all')}</option>
                    ${districts.map((d) => html`<option ?selected=${this.district === d}>${d}</option>`)}
                  </select>
                </div>`
              : nothing}
            <div class="check-row">
              <input type="checkbox" id="filter-good" .checked=${this.goodOnly} @change=${(e: Event) => this.filter({ goodOnly: (e.target as HTMLInputElement).checked })} />
              <label for="filter-good">${t('goodOnly')}</label>
            </div>
            <p role="status">${shown.length !== matches.length ? t('showing', shown.length, matches.length) : nothing}</p>
          </fieldset>`
        : nothing}
      <ol class="list">
        ${shown.map((m, i) => this.renderMatch(m, i))}
      </ol>
      <div class="actions">
        ${this.host.share ? this.renderShare() : nothing}
        ${this.button('start-over-button', t('startOver'), this.startOver)}
      </div>
    </section>`;
  }

  private renderMatch(match: RankedMatch, i: number): TemplateResult {
    const t = this.t;
    const { offer, fitMe, fitThem } = match;
    const loc = offer.location;
    const criteria = explainMatch(this.prepared, this.answers, match.index);
    const distance = (km: number | undefined, before: string) => (km === undefined ? '' : before + t('distance', this.number(km)));
    const chip = (c: CriterionResult) => {
      const label = this.label(this.questions.find((q) => q.id === c.questionId)!);
      return html`<li>${c.side === 'them' ? t('theirWish', label) : label}${distance(c.distanceKm, ': ')}</li>`;
    };
    const id = `result-${i}`;
    const hidden = html`<span class="visually-hidden"> ${offer.name}</span>`;
    const longText = (text: string | undefined) => (text ? html`<p>${this.host.easyRead && offer.easyLanguage ? offer.easyLanguage : text}</p>` : nothing);
    const para = (text: string | undefined) => (text ? html`<p>${text}</p>` : nothing);
    const links = this.contactLinks(offer);
    return html`<li part="result" class="result">
      <article aria-labelledby=${id}>
        <h3 id=${id}>${offer.name}</h3>
        ${this.host.showScore
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
        ${links.length ? html`<ul class="links">${links.map(([label, href]) => html`<li><a href=${href}>${label}${hidden}</a></li>`)}</ul>` : nothing}
      </article>
    </li>`;
  }

  private contactLinks(offer: MatchOffer): [string, string][] {
    const t = this.t;
    const c = offer.contact;
    const links: [string, string | undefined][] = [
      [t('website'), safeUrl(offer.url ?? c?.url)],
      // One plain address only: `a@b.de?bcc=…` from data must not add recipients or text.
      [t('email'), mailtoUrl(c?.email)],
      [t('phone'), c?.phone ? safeUrl(`tel:${c.phone.replace(/[^\d+]/g, '')}`) : undefined],
    ];
    return links.filter((l): l is [string, string] => !!l[1]);
  }

  private renderShare(): TemplateResult {
    const t = this.t;
    // The share controls replace one another: focus moves to the one in the pressed one's place, never to <body>.
    const ask = (sharing: 'no' | 'ask') => () => {
      this.sharing = sharing;
      this.focusTarget = sharing === 'ask' ? '[part~=share-confirm-button]' : '[part~=share-button]';
      this.update();
    };
    if (this.sharing === 'ask') {
      return html`<div class="share" role="group" aria-labelledby="share-explain">
        <p id="share-explain">${t('shareExplain')}</p>
        ${this.button('share-confirm-button', t('shareConfirm'), this.confirmShare, true)}
        ${this.button('', t('cancel'), ask('no'))}
      </div>`;
    }
    if (this.sharing === 'done') {
      return html`<div class="share" part="share" role="group" aria-labelledby="share-link-label">
        <div class="field">
          <label id="share-link-label" for="share-link">${t('shareLink')}</label>
          <p id="share-link-hint" class="hint">${t('shareLinkHint')}</p>
          <input id="share-link" part="share-link" type="text" readonly aria-describedby="share-link-hint" .value=${this.shareLink()} @focus=${selectAll} />
        </div>
        ${this.button('copy-button', t('copyLink'), this.copyLink, true)}
        <p role="status">${this.copied ? t(this.copied === 'copied' ? 'copied' : 'copyFailed') : nothing}</p>
      </div>`;
    }
    return this.button('share-button', t('share'), ask('ask'));
  }

  /**
   * This page's address with the answers in the fragment. It is only text to copy: writing it to
   * `location.hash` would hand the answers to every script on the host page (`hashchange`).
   */
  private shareLink(): string {
    return `${location.href.replace(/#.*$/s, '')}#${HASH_KEY}${encodeAnswers(this.answers)}`;
  }

  private hintText(hint: NearMiss | WhatIf): string {
    const t = this.t;
    const q = this.questions.find((x) => x.id === hint.questionId)!;
    if (hint.kind === 'radius') return t('nearMiss', hint.count, this.number(hint.radius));
    const label = this.label(q);
    if (hint.kind === 'drop') return t('whatIfDrop', hint.count, label);
    const delta = `${this.number(Math.abs(hint.delta))}${q.unit ? ` ${q.unit}` : ''}`;
    return t(hint.bound === 'max' ? 'whatIfMore' : 'whatIfLess', hint.count, label, delta);
  }

  // --- Behaviour ------------------------------------------------------------------------------

  private rank(): RankResult {
    if (this.ranked?.answers !== this.answers) {
      this.ranked = { answers: this.answers, result: rankOffers(this.questionnaire, this.prepared, this.answers) };
    }
    return this.ranked.result;
  }

  private goTo(index: number, fromCheck = false) {
    this.returnToCheck = fromCheck || (this.returnToCheck && this.phase !== 'start');
    this.show('step');
    this.stepIndex = index;
    this.ctx.emit('si-match-step', { step: index + 1, total: this.questions.length });
  }

  /** Shows a phase with its heading focused. */
  private show(phase: Phase) {
    this.errors = [];
    // A link made earlier holds the answers of then: after any change it has to be made again.
    this.sharing = 'no';
    this.copied = '';
    this.phase = phase;
    this.focusTarget = '#heading';
    this.update();
  }

  private back = () => {
    if (this.phase === 'check') this.goTo(this.questions.length - 1);
    else if (this.returnToCheck) this.toCheck();
    else if (this.stepIndex === 0) this.show('start');
    else this.goTo(this.stepIndex - 1);
  };

  private next = (e: Event) => {
    e.preventDefault();
    const question = this.questions[this.stepIndex]!;
    const form = e.target as HTMLFormElement;
    const { value, errors } = this.read(question, new FormData(form));
    if (errors.length) {
      this.errors = errors;
      this.focusTarget = '.error-summary';
      this.update();
      return;
    }
    const important = (form.elements.namedItem('important') as HTMLInputElement | null)?.checked;
    this.advance(question, value === undefined ? undefined : important ? { value, important } : { value });
  };

  private skip = () => this.advance(this.questions[this.stepIndex]!);

  private advance(question: Question, answer?: Answer) {
    const answers = { ...this.answers };
    if (answer) answers[question.id] = answer;
    else delete answers[question.id];
    this.answers = answers;
    this.status = this.t('soFar', this.rank().matches.length);
    if (this.returnToCheck || this.stepIndex + 1 >= this.questions.length) this.toCheck();
    else this.goTo(this.stepIndex + 1);
  }

  private toCheck() {
    this.returnToCheck = false;
    this.show('check');
  }

  /** Reads and checks one step's form. `value` undefined: skipped. */
  private read(question: Question, form: FormData): { value?: AnswerValue; errors: FieldError[] } {
    const t = this.t;
    const kind = question.kind;
    const fail = (field: string, message: string) => ({ errors: [{ field, message }] });
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const answer = text('answer');
    let value: AnswerValue | undefined;
    if (kind === 'single') value = answer || undefined;
    else if (kind === 'multiple') value = form.getAll('answer').map(String);
    else if (kind === 'boolean') value = answer === 'yes' ? true : answer === 'no' ? false : undefined;
    else if (kind === 'scale') value = answer === '' ? undefined : Number(answer);
    else if (kind === 'range') {
      const range: RangeAnswer = {};
      for (const name of ['min', 'max'] as const) {
        const raw = text(name).replace(/\s|€/g, '').replace(',', '.');
        if (!raw) continue;
        const n = Number(raw);
        if (!Number.isFinite(n)) return fail(name, t('errorNumber'));
        range[name] = n;
      }
      if (range.min! > range.max!) return fail('min', t('errorOrder'));
      value = range.min === undefined && range.max === undefined ? undefined : range;
    } else {
      const postcode = text('postcode');
      const place = text('place');
      const radius = Number(text('radius')) || undefined;
      if (postcode && !resolveLocation({ postcode })) return fail('postcode', t('errorPostcode'));
      value = postcode ? { postcode, radius } : place ? { place, radius } : undefined;
    }
    if (value !== undefined && isAnswered(question, value)) return { value, errors: [] };
    if (!question.required) return { errors: [] };
    return kind === 'location'
      ? fail('place', t('errorPlace'))
      : kind === 'range'
        ? fail('min', t('errorRange'))
        : fail('answer-0', t(kind === 'multiple' ? 'errorChooseSome' : 'errorChoose'));
  }

  private showResults = () => {
    this.status = '';
    this.show('results');
    this.ctx.emit('si-match-complete', { offerIds: this.rank().matches.map((m) => m.offer.id) });
  };

  private filter(change: { district?: string; goodOnly?: boolean }) {
    Object.assign(this, change);
    this.update();
  }

  private applyHint(hint: NearMiss | WhatIf) {
    this.answers = applyHint(this.questionnaire, this.answers, hint) as Record<string, Answer>;
    this.showResults();
  }

  private startOver = () => {
    this.answers = {};
    this.district = '';
    this.goodOnly = false;
    this.status = '';
    // Opened from a shared link: starting over drops the old answers from the address too, so a
    // reload on a shared computer does not bring them back. `replaceState` fires no `hashchange`.
    if (this.fromLink && location.hash.includes(HASH_KEY)) {
      // Only our part: anchors and other widgets' keys in the fragment stay.
      const rest = location.hash.slice(1).split('&').filter((part) => part && !part.startsWith(HASH_KEY)).join('&');
      history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    }
    this.fromLink = false;
    this.returnToCheck = false;
    this.show('start');
  };

  private confirmShare = () => {
    this.sharing = 'done';
    this.copied = '';
    this.focusTarget = '#share-link';
    this.update();
  };

  private copyLink = async () => {
    const field = this.host.renderRoot.querySelector<HTMLInputElement>('#share-link');
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(this.shareLink());
      this.copied = 'copied';
    } catch {
      // Denied or unsupported: the link is selected in its field, ready for Ctrl+C.
      this.copied = 'failed';
      field?.focus();
      field?.select();
    }
    this.update();
  };

  /** Only with `share`: answers a person chose to put into the link, read back once. */
  private restoreShared() {
    if (!this.host.share || typeof location === 'undefined') return;
    const at = location.hash.indexOf(HASH_KEY);
    if (at < 0) return;
    // Up to the next `&`: the fragment may carry anchors and other widgets' keys as well.
    const answers = decodeAnswers(this.questionnaire, location.hash.slice(at + HASH_KEY.length).split('&')[0]!);
    if (!Object.keys(answers).length) return;
    this.answers = answers;
    this.fromLink = true;
  }

  private focusField(e: Event, field: string) {
    e.preventDefault();
    this.host.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  /** After a render: moves focus where the last change asked for it. */
  focus(): void {
    const target = this.focusTarget && this.host.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (target) {
      this.focusTarget = undefined;
      target.focus();
    }
  }
}

function selectAll(e: Event) {
  (e.target as HTMLInputElement).select();
}

function allowsImportance(q: Question): boolean {
  return q.importance ?? (q.kind === 'location' || (!!q.attribute && !q.hard));
}
