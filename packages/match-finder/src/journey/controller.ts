import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle, type IdleDeadlineLike, type Lang, type MatchOffer, type Questionnaire, type Result } from '@sozial-innovativ/core';
import { LocaleController, type SiEventDetail } from '@sozial-innovativ/core/elements';
import type {} from '../events/si-match-complete.js';
import type {} from '../events/si-match-step.js';
import { de, type MatchMessages } from '../messages.js';
import { matchFinderStyles } from '../si-match-finder.styles.js';
import { KEEP_KEY, SHARE_KEY, answersFromFragment, fragmentWithoutAnswers, linkWithAnswers, shortlistFromFragment } from './answers.js';
import type * as Results from './results.js';
import { JourneyState, type FocusTarget } from './state.js';
import type { JourneyActions, JourneyViewProps } from './view.js';

export interface JourneyHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
}

export interface JourneyOptions {
  lang(): Lang;
  /** Start with the answers of a shared link in the page's fragment, if it has them. */
  share: boolean;
  /** Reports a step or the results to the page (the element's `emit`). */
  emit<K extends 'si-match-step' | 'si-match-complete'>(name: K, detail: SiEventDetail<K>): void;
}

const FOCUS: Record<FocusTarget, string> = {
  heading: '#heading',
  'error-summary': '.error-summary',
  'share-button': '[part~=share-button]',
  'share-confirm': '[part~=share-confirm-button]',
  'share-link': '#share-link',
  'compare-button': '[part~=compare-button]',
  'mail-text': '#mail-text',
};


/**
 * The journey's behaviour in the browser, over one loaded data set: the {@link JourneyState},
 * its messages, focus after each change, the page's fragment (a shared link in, "start over"
 * out), the clipboard, and the later chunk (`results.ts`: ranking and results screens), loaded
 * once, in idle time after the first screen or at first need. The element renders
 * `renderJourney(controller.props())`.
 */
export class JourneyController implements ReactiveController {
  readonly state: JourneyState;
  private readonly locale: LocaleController<MatchMessages>;
  /** Preparing the offers for ranking in idle time: 'no' until the first screen has rendered. */
  private preparing: 'no' | 'yes' | 'stop' = 'no';
  /** The later chunk, once it has loaded, and its one import. */
  private results?: typeof Results;
  private loadingResults?: Promise<typeof Results>;
  /** "Show results" was pressed before the later chunk was there (see {@link JourneyViewProps.waiting}). */
  private waiting?: 'busy' | 'failed';

  constructor(
    private readonly host: JourneyHost,
    questionnaire: Questionnaire,
    private readonly offers: Result<MatchOffer>,
    options: JourneyOptions,
  ) {
    this.locale = new LocaleController(host, options.lang, de, {
      en: () => import('../messages.en.js'),
      hsb: () => import('../messages.hsb.js'),
    ls: () => import('../messages.ls.js'),
    });
    // Only with `share`: answers a person chose to put into a link, read back once.
    const hash = options.share && typeof location !== 'undefined' ? location.hash : '';
    const answers = answersFromFragment(questionnaire, hash);
    const shortlist = hash ? shortlistFromFragment(hash, offers.items.map((o) => o.id)) : [];
    this.state = new JourneyState(questionnaire, offers.items, {
      answers,
      shortlist,
      changed: () => host.requestUpdate(),
      step: (step, total) => options.emit('si-match-step', { step, total }),
      complete: (offerIds) => options.emit('si-match-complete', { offerIds }),
    });
    host.addController(this);
    // A shared link may go to its results within a step or two: their code is needed now.
    if (Object.keys(answers).length || shortlist.length) void this.loadResults().catch(() => {});
    // The journey's styles come with it, as a constructed sheet (CSP-safe); the results' follow with theirs.
    this.adopt(matchFinderStyles);
  }

  private adopt({ styleSheet }: CSSResult): void {
    const root = this.host.renderRoot;
    if (styleSheet && root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(styleSheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
    }
  }

  /** Resolves when the catalog for the current language is there. */
  ready(): Promise<void> {
    return this.locale.ready();
  }

  dispose(): void {
    this.preparing = 'stop';
    this.host.removeController(this.locale);
    this.host.removeController(this);
  }

  /**
   * The later chunk: ranking, results, comparison, contact, sharing. Imported once; a failed
   * import is tried again at the next need.
   */
  private loadResults(): Promise<typeof Results> {
    this.loadingResults ??= import('./results.js').then(
      (results) => {
        if (this.preparing === 'stop') return results;
        this.adopt(results.matchFinderResultsStyles);
        this.results = results;
        this.state.useRanking(results);
        return results;
      },
      (error: unknown) => {
        this.loadingResults = undefined;
        throw error;
      },
    );
    return this.loadingResults;
  }

  /**
   * Runs `action` with the later chunk: at once when it is there, else after it has loaded, with
   * the check page busy meanwhile (the only screen that can ask for results before it is there).
   */
  private withResults(action: () => void): void {
    if (this.results) return action();
    if (this.waiting === 'busy') return;
    this.waiting = 'busy';
    this.host.requestUpdate();
    this.loadResults().then(
      () => {
        this.waiting = undefined;
        action();
      },
      () => {
        this.waiting = 'failed';
        this.host.requestUpdate();
      },
    );
  }

  /**
   * The start page needs neither the ranking nor its code. After it has rendered, the later chunk
   * is imported in idle time, then the offers are prepared for ranking, a few milliseconds at a
   * time, usually long before the first answer; an answer given sooner finishes the rest at once
   * (see {@link JourneyState.prepared}).
   */
  private readonly loadWhenIdle = (): void => {
    if (this.preparing === 'stop') return;
    this.loadResults().then(() => whenIdle(this.prepareWhenIdle, 300), () => {});
  };

  private readonly prepareWhenIdle = (deadline: IdleDeadlineLike): void => {
    if (this.preparing === 'stop') return;
    do {
      if (this.state.prepareStep()) return;
    } while (deadline.timeRemaining() > 1);
    whenIdle(this.prepareWhenIdle, 300);
  };

  /** After a render: moves focus where the last change asked for it. */
  hostUpdated(): void {
    if (this.preparing === 'no') {
      this.preparing = 'yes';
      whenIdle(this.loadWhenIdle, 300);
    }
    const want = this.state.focus;
    const target = want && this.host.renderRoot.querySelector<HTMLElement>(FOCUS[want]);
    if (target) {
      this.state.focused();
      target.focus();
    }
  }

  /** What the view needs from the journey (the element adds its own properties). */
  props(): Pick<JourneyViewProps, 'state' | 'offers' | 't' | 'shareLink' | 'on' | 'now' | 'results' | 'waiting'> {
    return {
      state: this.state, offers: this.offers, t: this.locale.t, shareLink: this.state.sharing === 'done' ? this.shareLink() : '', on: this.on, now: new Date(),
      results: this.results, waiting: this.waiting,
    };
  }

  /**
   * This page's address with the answers and the shortlist in the fragment. It is only text to copy: writing it to
   * `location.hash` would hand the answers to every script on the host page (`hashchange`).
   */
  private shareLink(): string {
    return linkWithAnswers(location.href, this.state.answers, this.state.shortlist);
  }

  private readonly on: JourneyActions = {
    start: () => this.state.start(),
    back: () => this.state.back(),
    submit: (e) => {
      e.preventDefault();
      // An answer needs the ranking for its count: if idle time has not brought it yet, now.
      void this.loadResults().catch(() => {});
      this.state.submit(new FormData(e.target as HTMLFormElement));
    },
    skip: () => {
      void this.loadResults().catch(() => {});
      this.state.skip();
    },
    change: (index) => this.state.goTo(index, true),
    showResults: () => this.withResults(() => this.state.showResults()),
    hint: (hint) => this.state.applyHint(hint),
    filter: (change) => this.state.filter(change),
    startOver: () => {
      const fromLink = this.state.fromLink;
      this.state.startOver();
      // Opened from a shared link: starting over drops the old answers from the address too, so a
      // reload on a shared computer does not bring them back. `replaceState` fires no `hashchange`.
      if (fromLink && (location.hash.includes(SHARE_KEY) || location.hash.includes(KEEP_KEY))) {
        const rest = fragmentWithoutAnswers(location.hash);
        history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
      }
    },
    share: (sharing) => this.state.share(sharing),
    confirmShare: () => this.state.confirmShare(),
    copyLink: async () => {
      try {
        if (!navigator.clipboard) throw new Error('no clipboard');
        await navigator.clipboard.writeText(this.shareLink());
        this.state.copiedLink('copied');
      } catch {
        // Denied or unsupported: the link is selected in its field, ready for Ctrl+C.
        this.state.copiedLink('failed');
        const field = this.host.renderRoot.querySelector<HTMLInputElement>('#share-link');
        field?.focus();
        field?.select();
      }
    },
    keep: (offerId, on) => this.state.keep(offerId, on),
    pick: (offerId, on) => this.state.pick(offerId, on),
    compare: () => this.state.compare(),
    write: (offerId) => this.state.write(offerId),
    draft: (offerId, text) => this.state.draft(offerId, text),
    includeAnswers: (on) => this.state.includeAnswers(on),
    // The browser's own dialog: the print styles leave out every control and write contacts out.
    print: () => window.print(),
    focusField: (e, field) => {
      e.preventDefault();
      this.host.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
    },
  };
}
