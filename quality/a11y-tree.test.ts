// Accessibility-tree snapshots of every widget's main states (issue #18): role, name, level and
// state of every node a screen reader meets, computed the same way in both browsers (see
// a11y-tree.ts) and compared with the reviewed JSON in quality/snapshots/. A lost name, a changed
// role or a missing state fails here. After a deliberate change: UPDATE_SNAPSHOTS=1, review the
// diff of quality/snapshots/, commit.
import { expect, html, waitUntil } from '@open-wc/testing';
import { failingAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import {
  $, $$, EVENTS, INITIATIVES, OFFERS, QUESTIONNAIRE, calendar, card, closeDialog, finder, mount, openEvent, showcase, text,
  type SiEventCalendar, type SiInitiativeCards, type SiMatchFinder,
} from './fixtures.js';
import { accessibleTree, expectTreeSnapshot, treeLines } from './a11y-tree.js';

const data = () => createMemoryAdapter({ events: EVENTS, initiatives: INITIATIVES, questionnaire: QUESTIONNAIRE, offers: OFFERS });

describe('accessibility tree: the walker', () => {
  it('names, roles, levels and states as a screen reader reads them', async () => {
    const el = await mount<HTMLElement>(html`<div class="probe"><h3>Titel</h3><button aria-pressed="true">Merken</button>
      <a href="#x">Mehr <span>lesen</span></a><div aria-hidden="true"><button>versteckt</button></div>
      <label>Name <input required></label><p role="status" aria-live="polite">3 Treffer</p></div>`, '.probe');
    expect(treeLines(accessibleTree(el))).to.deep.equal([
      'heading (level 3) "Titel"',
      'button "Merken" [pressed=true]',
      'link "Mehr lesen"',
      'textbox "Name" [required]',
      'status [live=polite]',
      '  text "3 Treffer"',
    ]);
  });
});

describe('accessibility tree: <si-event-calendar>', () => {
  it('loading, error, empty', async () => {
    const states = { loading: stalledAdapter(), error: failingAdapter(), empty: createMemoryAdapter({ events: [] }) };
    for (const [state, adapter] of Object.entries(states)) {
      const el = await mount<SiEventCalendar>(html`<si-event-calendar .adapter=${adapter} date="2026-10-01"></si-event-calendar>`, 'si-event-calendar');
      await waitUntil(() => $(el, `[part~=${state}]`), `calendar: no ${state} state`);
      await expectTreeSnapshot(el, `calendar-${state}`);
    }
  });

  it('list, event dialog, month, day dialog', async () => {
    const list = await calendar(data());
    await expectTreeSnapshot(list, 'calendar-list');
    const dialog = await openEvent(list, $$(list, '.agenda .event').find((b) => text(b).includes('unternehmerisch'))!);
    await expectTreeSnapshot(dialog, 'calendar-event-dialog');
    await closeDialog(dialog);
    const month = await calendar(data(), { view: 'month' });
    await waitUntil(() => $(month, '[role=grid]'));
    await expectTreeSnapshot(month, 'calendar-month');
    $(month, '[data-day="2026-10-14"] .more-link')!.click();
    const day = $<HTMLDialogElement>(month, 'dialog.day-dialog')!;
    await waitUntil(() => day.open);
    await expectTreeSnapshot(day, 'calendar-day-dialog');
    await closeDialog(day);
  });
});

describe('accessibility tree: <si-initiative-cards> and <si-initiative-card>', () => {
  it('showcase with data, facets open, filtered to nothing', async () => {
    const el: SiInitiativeCards = await showcase(data());
    await expectTreeSnapshot(el, 'showcase-data');
    $<HTMLDetailsElement>(el, 'details.facets')!.open = true;
    await el.updateComplete;
    await expectTreeSnapshot($(el, 'details.facets')!, 'showcase-facets-open');
    const q = $<HTMLInputElement>(el, '#q')!;
    q.value = 'xyzxyzxyz';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => $(el, '[part~=empty]'));
    await expectTreeSnapshot(el, 'showcase-filtered-empty');
  });

  it('card with a link, card with details and its dialog', async () => {
    await expectTreeSnapshot(await card(data(), 'bring-together'), 'card-link');
    const withDetails = await card(data(), 'telux');
    await expectTreeSnapshot(withDetails, 'card-details-button');
    await withDetails.showDetails();
    await waitUntil(() => $<HTMLDialogElement>(withDetails, 'dialog')?.open);
    await expectTreeSnapshot($(withDetails, 'dialog')!, 'card-details-dialog');
    withDetails.closeDetails();
  });
});

describe('accessibility tree: <si-match-finder>', () => {
  it('start, first step, error summary, check answers, results', async () => {
    const el: SiMatchFinder = await finder(data());
    await expectTreeSnapshot(el, 'match-start');
    $(el, '[part~=start-button]')!.click();
    await waitUntil(() => $(el, 'form.step'));
    await expectTreeSnapshot(el, 'match-step-1');
    $(el, '[part~=next-button]')!.click();
    await waitUntil(() => $(el, '.error-summary'));
    await expectTreeSnapshot(el, 'match-error-summary');
    $<HTMLInputElement>(el, '#answer-0')!.click();
    await el.updateComplete;
    $(el, '[part~=next-button]')!.click();
    for (let step = 2; step <= QUESTIONNAIRE.questions.length; step++) {
      await waitUntil(() => text($(el, '#heading')).startsWith(`Schritt ${step} `), `never reached step ${step}`);
      $$(el, 'button').find((b) => text(b) === 'Frage überspringen')!.click();
      await el.updateComplete;
    }
    await waitUntil(() => text($(el, '#heading')) === 'Ihre Antworten prüfen');
    await expectTreeSnapshot(el, 'match-check');
    $$(el, 'button').find((b) => text(b) === 'Ergebnisse anzeigen')!.click();
    await waitUntil(() => $(el, '[part~=results]'));
    await expectTreeSnapshot(el, 'match-results');
  });
});
