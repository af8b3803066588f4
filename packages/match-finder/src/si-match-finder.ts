import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { AdapterError, supports } from '@sozial-innovativ/core';
import { SiElement, renderError, renderLoading } from '@sozial-innovativ/core/elements';

export type { MatchCompleteDetail } from './events/si-match-complete.js';
export type { MatchStepDetail } from './events/si-match-step.js';

/**
 * A stepwise questionnaire that ranks offers (co-housing projects, volunteering, support) by how
 * well they fit, and explains why. Everything happens in the browser: the questionnaire and offers
 * are loaded from the adapter before the first question; answers are never sent, stored or put
 * into events.
 *
 * @tagname si-match-finder
 * @summary Privacy-preserving, explainable match finder.
 *
 * @fires {CustomEvent<MatchStepDetail>} si-match-step - A step is shown. `detail: { step, total }` (no answers).
 * @fires {CustomEvent<MatchCompleteDetail>} si-match-complete - Results are shown. `detail: { offerIds }`, the ranked ids only.
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
 * @csspart shortlist - The shortlist ("Merkliste") with its note that nothing is saved.
 * @csspart keep-button - "Merken" on a result (`aria-pressed`).
 * @csspart compare-bar - The "compare selected" button and its note.
 * @csspart compare - The comparison of two to four results.
 * @csspart compare-table - The comparison table.
 * @csspart contact - A result's contact links and the "prepare an e-mail" button.
 * @csspart mail - The prepared e-mail (text to edit, "add my answers", the `mailto:` link).
 * @csspart mail-link - The link that opens the person's own mail program.
 * @csspart how - "So rechnen wir": how weights, "important" and conditions work.
 * @csspart button - Every button.
 * @csspart state - Loading, error and empty states (from core).
 * @csspart notice - Notes on the data (from core).
 *
 * @cssprop --si-match-finder-accent - Main buttons and the mark of the privacy note; falls back to `--si-color-accent`.
 * @cssprop --si-match-finder-error - Colour of errors and the error summary; falls back to `--si-color-danger`.
 * @cssprop --si-match-finder-surface - Background of the privacy note and the result cards; falls back to `--si-color-surface-alt`.
 * @cssprop --si-match-finder-max-width - Maximum width of the start page, steps and check page (default `40em`).
 * @cssprop --si-match-finder-gap - Space between regions; falls back to `--si-space`.
 * @cssprop --si-color-text - Text colour.
 * @cssprop --si-color-muted - Hints, captions, secondary text.
 * @cssprop --si-color-surface - Background.
 * @cssprop --si-color-surface-alt - Background of states and cards.
 * @cssprop --si-color-accent - Links, buttons, the score meter.
 * @cssprop --si-color-accent-contrast - Text on accent-coloured buttons.
 * @cssprop --si-color-border - Borders of fields and cards.
 * @cssprop --si-color-danger - Errors.
 * @cssprop --si-color-warning-bg - Background of notes on the data.
 * @cssprop --si-color-focus - Focus outline.
 * @cssprop --si-radius - Corner radius.
 * @cssprop --si-space - Base spacing.
 * @cssprop --si-font-family - Font (inherits the page's by default).
 * @cssprop --si-font-size - Base font size.
 */
export class SiMatchFinder extends SiElement {
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
   * Loads the questionnaire and offers, and with them what the journey's first screens need: its
   * first module (start page, steps, check page) and the catalog of the page's language. The
   * loading state ends when all of it is there. The ranking and the results screens follow in idle
   * time once the start page shows (see `JourneyController`); answering sends nothing.
   */
  private readonly data = new Task(this, {
    task: async ([adapter], { signal }) => {
      if (!supports(adapter, 'questionnaire') || !supports(adapter, 'offers')) {
        throw new AdapterError('unsupported', 'The source provides no questionnaire and offers');
      }
      const [questionnaire, offers, { JourneyController, renderJourney }] = await Promise.all([
        adapter!.questionnaire!({ signal }),
        adapter!.offers!({ signal }),
        import('./journey/index.js'),
      ]);
      this.data.value?.journey.dispose();
      const journey = new JourneyController(this, questionnaire, offers, {
        lang: () => this.language,
        share: this.share,
        emit: (name, detail) => this.emit(name, detail),
      });
      await journey.ready();
      return { journey, render: renderJourney };
    },
    args: () => [this.source.adapter] as const,
  });

  protected override render() {
    if (!this.source.adapter) return renderLoading(this.language);
    return this.data.render({
      pending: () => renderLoading(this.language),
      error: (e) => renderError(this.language, e, () => void this.data.run()),
      complete: ({ journey, render }) => render({
        ...journey.props(),
        lang: this.language,
        easyRead: this.easyRead,
        heading: this.heading,
        showScore: this.showScore,
        share: this.share,
      }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'si-match-finder': SiMatchFinder;
  }
}
