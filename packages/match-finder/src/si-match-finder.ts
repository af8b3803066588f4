import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { AdapterError, supports } from '@sozial-innovativ/core';
import { SiElement, renderError, renderLoading } from '@sozial-innovativ/core/elements';
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

/**
 * A stepwise questionnaire that ranks offers (co-housing projects, volunteering, support) by how
 * well they fit, and explains why. Everything happens in the browser: the questionnaire and offers
 * are loaded from the adapter before the first question; answers are never sent, stored or put
 * into events.
 *
 * @tagname si-match-finder
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
 * @csspart share - The shared link and its copy button (with `share`, after confirmation).
 * @csspart share-link - The read-only field holding the link.
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
   * Offer a "share my answers as a link" button. Only after the person confirms does a read-only
   * field show a link with the answers in its fragment, with a "copy link" button. The page's own
   * address is never changed; a page opened with such a link starts with its answers.
   */
  @property({ type: Boolean }) share = false;

  /**
   * Loads the questionnaire and offers, and with them everything the journey needs: its module
   * (steps, results, engine) and the catalog of the page's language. The loading state ends when
   * all of it is there, so answering never triggers a request.
   */
  private readonly data = new Task(this, {
    task: async ([adapter], { signal }) => {
      if (!supports(adapter, 'questionnaire') || !supports(adapter, 'offers')) {
        throw new AdapterError('unsupported', 'The source provides no questionnaire and offers');
      }
      const [questionnaire, offers, { Journey }] = await Promise.all([
        adapter!.questionnaire!({ signal }),
        adapter!.offers!({ signal }),
        import('./journey.js'),
      ]);
      this.data.value?.dispose();
      const journey = new Journey(this, questionnaire, offers, { lang: () => this.language, emit: (name, detail) => this.emit(name, detail) });
      await journey.ready();
      return journey;
    },
    args: () => [this.source.adapter] as const,
  });

  protected override render() {
    if (!this.source.adapter) return renderLoading(this.language);
    return this.data.render({
      pending: () => renderLoading(this.language),
      error: (e) => renderError(this.language, e, () => void this.data.run()),
      complete: (journey) => journey.render(),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.data.value?.focus();
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
