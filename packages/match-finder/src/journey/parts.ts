/**
 * What every screen of the journey shares: the view's props and actions, the helpers built from
 * them, and the small templates (heading, buttons, an answer read back) more than one screen uses.
 */
import { html } from 'lit';
import type { Lang, LocalizedText, MatchOffer, Question, Result } from '@sozial-innovativ/core';
import type { LocaleController } from '@sozial-innovativ/core/elements';
import { radiusFor, resolveLocation } from '../engine/answer.js';
import type { LocationAnswer, NearMiss, RangeAnswer, WhatIf } from '../engine/types.js';
import type { MatchMessages } from '../messages.js';
import type * as Results from './results.js';
import type { JourneySnapshot, ResultFilter } from './state.js';

export type Translate = LocaleController<MatchMessages>['t'];

/** What the controls do. */
export interface JourneyActions {
  start(): void;
  back(): void;
  /** The step's form is submitted ("Weiter"). */
  submit(e: Event): void;
  skip(): void;
  /** "Ändern" on the check page. */
  change(index: number): void;
  showResults(): void;
  hint(hint: NearMiss | WhatIf): void;
  filter(change: Partial<ResultFilter>): void;
  startOver(): void;
  share(sharing: 'no' | 'ask'): void;
  confirmShare(): void;
  copyLink(): void;
  /** A link in the error summary: focus its control (`field` is its id). */
  focusField(e: Event, field: string): void;
  /** "Merken": keep an offer on the shortlist, or take it off. */
  keep(offerId: string, on: boolean): void;
  /** Pick a result for the comparison, or drop it. */
  pick(offerId: string, on: boolean): void;
  compare(): void;
  /** Open the prepared e-mail to an offer, or close it (`undefined`). */
  write(offerId: string | undefined): void;
  /** The person edited the e-mail's text. */
  draft(offerId: string, text: string): void;
  /** The person ticked that their answers go into the e-mail. */
  includeAnswers(on: boolean): void;
  /** The browser's print dialog (also "save as PDF"). */
  print(): void;
}

/** The screens of the journey's later chunk (`results.ts`). */
export type ResultsScreens = Pick<typeof Results, 'renderResults' | 'renderCompare'>;

export interface JourneyViewProps {
  state: JourneySnapshot;
  /** The results and comparison screens, once their chunk has loaded (shortly after the start page). */
  results?: ResultsScreens;
  /**
   * "Show results" was pressed before that chunk arrived: `busy` while it loads (the check page
   * is `aria-busy`, the status says so), `failed` when it could not be loaded (pressing again retries).
   */
  waiting?: 'busy' | 'failed';
  /** The offers as loaded, for core's notes on the data (stale, dropped). */
  offers: Result<MatchOffer>;
  t: Translate;
  lang: Lang;
  easyRead: boolean;
  /** Replaces the questionnaire's title on the start page. */
  heading?: string;
  showScore: boolean;
  /** Offer sharing the answers as a link. */
  share: boolean;
  /** The link with the answers, once the person has agreed to make one. */
  shareLink: string;
  on: JourneyActions;
  /** When the page is shown: the date a printout carries. */
  now: Date;
}

/** The props with the helpers every screen needs. */
export interface View extends JourneyViewProps {
  text(value: LocalizedText | undefined): string;
  number(x: number): string;
  label(q: Question): string;
}

export const pct = (x: number) => Math.round(x * 100);
export const OUTCOMES = ['agree', 'near', 'disagree'] as const;

export const heading = (text: string) => html`<h2 id="heading" class="heading" tabindex="-1">${text}</h2>`;

export const button = (part: string, label: string, onClick: (e: Event) => void, primary = false) =>
  html`<button type="button" class="si-button ${primary ? 'primary' : ''}" part="button ${part}" @click=${onClick}>${label}</button>`;

export const backButton = ({ t, on }: View, label = t('back')) =>
  html`<button type="button" class="back" part="button back-button" @click=${on.back}>${label}</button>`;

/** The answer as a person reads it back, e.g. "Leipzig, bis 25 km". */
/** The symbol beside each fit word: the outcome is never told by colour alone. */
export const SYMBOL = { agree: '✓', near: '≈', disagree: '✗', unknown: '–' } as const;

/** Every question with its answer read back, for the printout and an e-mail the person allows. */
export const answerLines = (v: View): [string, string][] => v.state.questions.map((q) => [v.label(q), answerText(v, q)]);

export function answerText(v: View, q: Question): string {
  const t = v.t;
  const answer = v.state.answers[q.id];
  if (!answer) return t('skipped');
  const value = answer.value;
  const label = (x: unknown) => v.text(q.options.find((o) => o.value === String(x))?.label) || String(x);
  let text: string;
  if (q.kind === 'range') {
    const r = value as RangeAnswer;
    const unit = q.unit ? ` ${q.unit}` : '';
    text = (['min', 'max'] as const).filter((k) => r[k] !== undefined).map((k) => `${t(k === 'min' ? 'from' : 'to')} ${v.number(r[k]!)}${unit}`).join(', ');
  } else if (q.kind === 'location') {
    const loc = value as LocationAnswer;
    const where = loc.postcode ? `${loc.postcode} ${resolveLocation(loc)?.name ?? ''}` : loc.place ?? '';
    text = `${where.trim()}, ${t('km', v.number(radiusFor(q, loc)))}`;
  } else if (q.kind === 'boolean') {
    text = value ? t('yes') : t('no');
  } else {
    text = (Array.isArray(value) ? value : [value]).map(label).join(', ');
  }
  return answer.important ? `${text} (${t('isImportant')})` : text;
}

