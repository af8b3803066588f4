/**
 * The journey as a state machine, without the DOM: start → one step per question → check your
 * answers → results, with Back, skipping, changing an answer from the check page, suggestions and
 * starting over. Each change calls `changed` (the element re-renders); steps and results are
 * reported through `step` and `complete`, which carry no answers.
 */
import type { MatchOffer, Question, Questionnaire } from '@sozial-innovativ/core';
import type * as Engine from '../engine/engine.js';
import type { Answer, NearMiss, RankResult, RankedMatch, WhatIf } from '../engine/types.js';
import { readStep, type FieldError, type StepFields } from './answers.js';

/**
 * The ranking half of the engine. The journey's first screens do without it; the controller
 * hands it over ({@link JourneyState.useRanking}) from the later chunk.
 */
export type Ranking = Pick<typeof Engine, 'preparingOffers' | 'rankOffers' | 'applyHint'>;
type PreparedOffers = Engine.PreparedOffers;

export type Phase = 'start' | 'step' | 'check' | 'results' | 'compare';
/** The share controls: the button, the question "really share?", the link. */
export type Sharing = 'no' | 'ask' | 'done';
/** What the last press of "copy link" achieved. */
export type Copied = '' | 'copied' | 'failed';
/** What should have focus after the next render. */
export type FocusTarget = 'heading' | 'error-summary' | 'share-button' | 'share-confirm' | 'share-link' | 'compare-button' | 'mail-text';
/** Why "compare" did not open: too few picked, or a fifth one refused. */
export type CompareNote = '' | 'compareFew' | 'compareMax';
/** How many results the comparison shows side by side at most (and at least). */
export const COMPARE_MAX = 4;
export const COMPARE_MIN = 2;
/** The result filters. */
export interface ResultFilter {
  /** A district name, `''` for all. */
  district: string;
  /** Only matches of 75 % and more. */
  goodOnly: boolean;
}

/** What a view reads from the journey. */
export interface JourneySnapshot extends ResultFilter {
  readonly questionnaire: Questionnaire;
  readonly questions: readonly Question[];
  /** The offers as loaded (the start page counts them; nothing is prepared for that). */
  readonly offers: readonly MatchOffer[];
  /** The offers prepared for ranking: prepared on first use, if {@link JourneyState.prepareStep} has not finished it. */
  readonly prepared: PreparedOffers;
  readonly phase: Phase;
  /** The question shown in the `step` phase (0-based). */
  readonly stepIndex: number;
  readonly answers: Readonly<Record<string, Answer>>;
  /** The errors of the last attempt to continue from this step. */
  readonly errors: readonly FieldError[];
  /** How many offers fit the answers so far, announced after each step; undefined before and on results. */
  readonly soFar?: number;
  /** The answers came from a shared link. */
  readonly fromLink: boolean;
  readonly sharing: Sharing;
  readonly copied: Copied;
  /** Pending until the view has moved focus there (see {@link JourneyState.focused}). */
  readonly focus?: FocusTarget;
  /** The ranking of the current answers (computed once per set of answers). */
  readonly result: RankResult;
  /** Offer ids the person keeps ("merken"), for this visit only; carried in a shared link. */
  readonly shortlist: readonly string[];
  /** Offer ids picked for the comparison, in the order picked. */
  readonly picked: readonly string[];
  readonly compareNote: CompareNote;
  /** The offer whose prepared e-mail is open, if any. */
  readonly writing?: string;
  /** The person's own text of the prepared e-mail, by offer id, once they edited it. */
  readonly drafts: Readonly<Record<string, string>>;
  /** The person ticked that their answers go into the e-mail (never by default). */
  readonly mailAnswers: boolean;
  /** The picked results that are among the current matches, best first. */
  readonly compared: readonly RankedMatch[];
}

export interface JourneyCallbacks {
  /** Answers read from a shared link, to start with. */
  answers?: Record<string, Answer>;
  /** The shortlist read from a shared link (offer ids that exist). */
  shortlist?: readonly string[];
  /** Something changed: render again. */
  changed(): void;
  /** A step is shown (1-based). */
  step(step: number, total: number): void;
  /** Results are shown: the ranked offer ids. */
  complete(offerIds: string[]): void;
  /** The ranking, if it is there already; else it comes later through {@link JourneyState.useRanking}. */
  ranking?: Ranking;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type Change = Partial<Writable<Omit<JourneySnapshot, 'result' | 'compared'>>>;

export class JourneyState implements JourneySnapshot {
  readonly questions: readonly Question[];
  readonly phase: Phase = 'start';
  readonly stepIndex: number = 0;
  readonly answers: Readonly<Record<string, Answer>> = {};
  readonly errors: readonly FieldError[] = [];
  readonly soFar?: number;
  readonly fromLink: boolean = false;
  readonly district: string = '';
  readonly goodOnly: boolean = false;
  readonly sharing: Sharing = 'no';
  readonly copied: Copied = '';
  readonly focus?: FocusTarget;
  readonly shortlist: readonly string[] = [];
  readonly picked: readonly string[] = [];
  readonly compareNote: CompareNote = '';
  readonly writing?: string;
  readonly drafts: Readonly<Record<string, string>> = {};
  readonly mailAnswers: boolean = false;
  /** Back or continue from a step changed from the check page returns there. */
  private returnToCheck = false;
  private ranked?: { answers: JourneySnapshot['answers']; result: RankResult };
  /** The preparation of the offers, step by step, until it is done. */
  private preparing?: Generator<void, PreparedOffers, void>;
  private preparedOffers?: PreparedOffers;
  private ranking?: Ranking;
  /** An answer was given before the ranking was there: the count of matches so far follows it. */
  private countLater = false;

  constructor(
    readonly questionnaire: Questionnaire,
    readonly offers: readonly MatchOffer[],
    private readonly on: JourneyCallbacks,
  ) {
    this.questions = questionnaire.questions;
    this.ranking = on.ranking;
    if (on.answers && Object.keys(on.answers).length) Object.assign(this, { answers: on.answers, fromLink: true });
    if (on.shortlist?.length) Object.assign(this, { shortlist: [...on.shortlist], fromLink: true });
  }

  /** The ranking has arrived: a count of matches an earlier answer is waiting for is announced now. */
  useRanking(ranking: Ranking): void {
    this.ranking ??= ranking;
    if (!this.countLater) return;
    this.countLater = false;
    this.set({ soFar: this.result.matches.length });
  }

  private get engine(): Ranking {
    if (!this.ranking) throw new Error('The ranking is not loaded yet');
    return this.ranking;
  }

  /**
   * One step (a few milliseconds) of preparing the offers for ranking; true once they are prepared.
   * The start page needs none of it: the page calls this in idle time after showing it.
   */
  prepareStep(): boolean {
    if (this.preparedOffers) return true;
    const step = (this.preparing ??= this.engine.preparingOffers(this.questionnaire, this.offers)).next();
    if (step.done) this.preparedOffers = step.value;
    return !!step.done;
  }

  get prepared(): PreparedOffers {
    // Asked for before idle time finished it: finish it now.
    while (!this.prepareStep());
    return this.preparedOffers!;
  }

  get result(): RankResult {
    if (this.ranked?.answers !== this.answers) {
      this.ranked = { answers: this.answers, result: this.engine.rankOffers(this.questionnaire, this.prepared, this.answers) };
    }
    return this.ranked.result;
  }

  /** Every change goes through here: the fields are read-only to everyone else. */
  private set(change: Change): void {
    Object.assign(this, change);
    this.on.changed();
  }

  /** Shows a phase with its heading focused. */
  private show(phase: Phase, change: Change = {}): void {
    // A link made earlier holds the answers of then: after any change it has to be made again.
    this.set({ errors: [], sharing: 'no', copied: '', focus: 'heading', ...change, phase });
  }

  start(): void {
    this.goTo(0);
  }

  /** Shows question `index`; from the check page (`fromCheck`), continuing returns there. */
  goTo(index: number, fromCheck = false): void {
    this.returnToCheck = fromCheck || (this.returnToCheck && this.phase !== 'start');
    this.show('step', { stepIndex: index });
    this.on.step(index + 1, this.questions.length);
  }

  /** Back one screen: the step before, the check page for a changed answer, the start page. */
  back(): void {
    if (this.phase === 'start') return;
    if (this.phase === 'compare') this.show('results', { focus: 'compare-button' });
    else if (this.phase === 'results') this.toCheck();
    else if (this.phase === 'check') this.goTo(this.questions.length - 1);
    else if (this.returnToCheck) this.toCheck();
    else if (this.stepIndex === 0) this.show('start');
    else this.goTo(this.stepIndex - 1);
  }

  /** Continues from the current step with its form's fields, or shows why it cannot. */
  submit(fields: StepFields): void {
    const question = this.questions[this.stepIndex];
    if (this.phase !== 'step' || !question) return;
    const { answer, error } = readStep(question, fields);
    if (error) this.set({ errors: [error], focus: 'error-summary' });
    else this.advance(question, answer);
  }

  /** Skips the current (optional) step, dropping an answer given before. */
  skip(): void {
    const question = this.questions[this.stepIndex];
    if (this.phase === 'step' && question && !question.required) this.advance(question);
  }

  private advance(question: Question, answer?: Answer): void {
    const answers = { ...this.answers };
    if (answer) answers[question.id] = answer;
    else delete answers[question.id];
    Object.assign(this, { answers });
    // Without the ranking yet (an answer within moments of the first screen), the step does not
    // wait for it: the count is announced when it arrives.
    this.countLater = !this.ranking;
    if (this.ranking) Object.assign(this, { soFar: this.result.matches.length });
    if (this.returnToCheck || this.stepIndex + 1 >= this.questions.length) this.toCheck();
    else this.goTo(this.stepIndex + 1);
  }

  private toCheck(): void {
    this.returnToCheck = false;
    this.show('check');
  }

  showResults(): void {
    this.show('results', { soFar: undefined });
    this.on.complete(this.result.matches.map((m) => m.offer.id));
  }

  /** Applies a near-miss or what-if suggestion to the answers and shows the new results. */
  applyHint(hint: NearMiss | WhatIf): void {
    Object.assign(this, { answers: this.engine.applyHint(this.questionnaire, this.answers, hint) as Record<string, Answer> });
    this.showResults();
  }

  filter(change: Partial<ResultFilter>): void {
    this.set(change);
  }

  /** Forgets every answer (also those from a link) and shows the start page. */
  startOver(): void {
    this.returnToCheck = false;
    this.countLater = false;
    this.show('start', {
      answers: {}, district: '', goodOnly: false, soFar: undefined, fromLink: false,
      shortlist: [], picked: [], compareNote: '', writing: undefined, drafts: {}, mailAnswers: false,
    });
  }

  /** Shows the question "really share?" (`ask`) or goes back to the share button (`no`). */
  share(sharing: 'no' | 'ask'): void {
    // The share controls replace one another: focus moves to the one in the pressed one's place.
    this.set({ sharing, focus: sharing === 'ask' ? 'share-confirm' : 'share-button' });
  }

  /** The person agreed: show the link. */
  confirmShare(): void {
    this.set({ sharing: 'done', copied: '', focus: 'share-link' });
  }

  copiedLink(copied: Copied): void {
    this.set({ copied });
  }

  /** Keeps an offer on the shortlist, or takes it off. The shortlist lives only in this object. */
  keep(offerId: string, on: boolean): void {
    const rest = this.shortlist.filter((id) => id !== offerId);
    this.set({ shortlist: on ? [...rest, offerId] : rest });
  }

  /** Picks a result for the comparison or drops it; a fifth pick is refused with a note. */
  pick(offerId: string, on: boolean): void {
    const rest = this.picked.filter((id) => id !== offerId);
    if (on && rest.length >= COMPARE_MAX) this.set({ compareNote: 'compareMax' });
    else this.set({ picked: on ? [...rest, offerId] : rest, compareNote: '' });
  }

  /** The picked offers that are among the current matches, best first. */
  get compared(): RankedMatch[] {
    return this.result.matches.filter((m) => this.picked.includes(m.offer.id));
  }

  /** Shows the picked results side by side, or says why it cannot (fewer than two). */
  compare(): void {
    if (this.phase !== 'results') return;
    if (this.compared.length < COMPARE_MIN) this.set({ compareNote: 'compareFew' });
    else this.show('compare', { compareNote: '' });
  }

  /** Opens the prepared e-mail to an offer (one at a time), or closes it (`undefined`). */
  write(offerId: string | undefined): void {
    this.set({ writing: offerId, mailAnswers: false, focus: offerId ? 'mail-text' : undefined });
  }

  /** The person edited the e-mail's text. */
  draft(offerId: string, text: string): void {
    Object.assign(this, { drafts: { ...this.drafts, [offerId]: text } });
    this.on.changed();
  }

  /** The person ticked (or unticked) that their answers go into the e-mail. */
  includeAnswers(on: boolean): void {
    this.set({ mailAnswers: on });
  }

  /** The view has moved focus where {@link focus} asked; nothing to render. */
  focused(): void {
    Object.assign(this, { focus: undefined });
  }
}
