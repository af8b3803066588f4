// Accessibility gates of issue #9: axe (WCAG 2.2 AA + best practice) in every state of every
// widget, keyboard-only journeys, status messages, focus after actions.
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DataAdapter } from '@sozial-innovativ/core';
import { failingAdapter, stalledAdapter, staleAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import {
  $, $$, EVENTS, INITIATIVES, OFFERS, QUESTIONNAIRE, TIMEOUT, calendar, calendarReady, card, closeDialog, deepActive,
  expectNoAxeViolations, mount, openEvent, showcase, text,
  type SiEventCalendar, type SiInitiativeCard, type SiInitiativeCards, type SiMatchFinder,
} from './fixtures.js';
import { focusPage } from './a11y-tree.js';

const data = () => createMemoryAdapter({ events: EVENTS, initiatives: INITIATIVES, questionnaire: QUESTIONNAIRE, offers: OFFERS });
const stale = () => staleAdapter(data(), { fetchedAt: Date.parse('2026-10-20T08:30:00Z'), dropped: 2 });

/** Loading, error, empty: the shared states, with their roles. */
async function expectSharedStates(name: string, render: (a: DataAdapter) => Promise<HTMLElement>, empty: () => DataAdapter) {
  const loading = await render(stalledAdapter());
  await waitUntil(() => $(loading, '[part~=loading]'), `${name}: no loading state`);
  expect($(loading, '[part~=loading]')!.getAttribute('role'), `${name} loading role`).to.equal('status');
  await expectNoAxeViolations(loading, `${name} loading`);

  const error = await render(failingAdapter());
  await waitUntil(() => $(error, '[part~=error]'), `${name}: no error state`);
  expect($(error, '[part~=error]')!.getAttribute('role'), `${name} error role`).to.equal('alert');
  expect($(error, '[part~=error] [part=retry-button]'), `${name} retry button`).to.not.equal(null);
  await expectNoAxeViolations(error, `${name} error`);

  const none = await render(empty());
  await waitUntil(() => $(none, '[part~=empty]'), `${name}: no empty state`);
  expect($(none, '[part~=empty]')!.getAttribute('role'), `${name} empty role`).to.equal('status');
  await expectNoAxeViolations(none, `${name} empty`);
}

/** Presses Tab until `accept(focused)` holds; fails after `max` presses. */
async function tabUntil(accept: (el: Element | null) => boolean, what: string, max = 60, shift = false): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    if (shift) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (shift) await sendKeys({ up: 'Shift' });
    // (Firefox passes focus through <body> on its way to the browser's toolbar and back, and
    // activates nothing with the keyboard until the page has the browser's focus again.)
    const a = deepActive();
    if (accept(a) && document.hasFocus()) return a as HTMLElement;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 80)}`);
}
/**
 * Every keyboard journey starts from a focusable element before the widget, with the page holding
 * the browser's focus: Tab from a modal dialog's last control may go to the browser's toolbar,
 * and Firefox then still delivers keys to the page but no longer activates buttons with them.
 */
async function startFrom(before: HTMLElement) {
  await focusPage();
  before.focus();
  expect(document.hasFocus(), 'the page has the browser focus').to.equal(true);
}
const focusIsNotBody = (after: string) => expect(deepActive(), `focus on <body> after ${after}`).to.not.equal(document.body);

describe('a11y: <si-event-calendar> in every state', () => {
  it('loading, error, empty', async () => {
    await expectSharedStates('calendar', (a) => mount<SiEventCalendar>(html`<si-event-calendar .adapter=${a} date="2026-10-01"></si-event-calendar>`, 'si-event-calendar'),
      () => createMemoryAdapter({ events: [] }));
  });

  it('list, month, filtered-empty, stale, event dialog, day dialog', async () => {
    const list = await calendar(data());
    expect($$(list, '.agenda .event').length).to.equal(EVENTS.length);
    await expectNoAxeViolations(list, 'calendar list');
    const dialog = await openEvent(list, $$(list, '.agenda .event').find((b) => text(b).includes('unternehmerisch'))!);
    await expectNoAxeViolations(list, 'calendar event dialog');
    await closeDialog(dialog);

    const q = $<HTMLInputElement>(list, 'input[name=q]')!;
    q.value = 'nichts passt hierzu';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => $(list, '[part~=empty]'));
    await expectNoAxeViolations(list, 'calendar filtered to nothing');

    const month = await calendar(data(), { view: 'month' });
    await waitUntil(() => $(month, '[role=grid]'), 'no month grid (is the test viewport too narrow?)');
    await expectNoAxeViolations(month, 'calendar month');
    $(month, '[data-day="2026-10-14"] .more-link')!.click();
    const day = $<HTMLDialogElement>(month, 'dialog.day-dialog')!;
    await waitUntil(() => day.open);
    await expectNoAxeViolations(month, 'calendar day dialog');
    await closeDialog(day);

    const old = await calendar(stale());
    expect($$(old, '[part=notice]').map(text).join(' ')).to.contain('Angezeigt wird der Stand von');
    await expectNoAxeViolations(old, 'calendar stale');
  });

  it('keyboard only: Tab to an event, Enter opens the dialog, focus stays inside, Escape returns it', async () => {
    const page = await mount<HTMLElement>(html`<div><button id="before">Davor</button><si-event-calendar .adapter=${data()} date="2026-10-01" months="2"></si-event-calendar><button id="after">Danach</button></div>`, 'div');
    const el = page.querySelector('si-event-calendar')!;
    await calendarReady(el);
    await startFrom(page.querySelector<HTMLElement>('#before')!);
    const trigger = await tabUntil((a) => !!a?.matches('.event'), 'the first event');
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
    await waitUntil(() => dialog.open && dialog.contains(deepActive()), 'focus did not move into the dialog', { timeout: TIMEOUT });
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      // Modal: focus may go to the browser UI after the last control, never to the page behind.
      const a = deepActive();
      expect(a === document.body || !a || dialog.contains(a) || a === document.documentElement, `Tab left the modal dialog for ${a?.outerHTML.slice(0, 60)}`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(deepActive()).to.equal(trigger);
    // The retry, navigation and view buttons are all reachable, and Tab leaves the widget.
    await tabUntil((a) => a?.id === 'after', 'the button after the calendar', 80);
  });
});

describe('a11y: <si-initiative-cards> and <si-initiative-card> in every state', () => {
  it('showcase: loading, error, empty', async () => {
    await expectSharedStates('showcase', async (a) => {
      const el = await mount<SiInitiativeCards>(html`<si-initiative-cards .adapter=${a}></si-initiative-cards>`, 'si-initiative-cards');
      return el;
    }, () => createMemoryAdapter({ initiatives: [] }));
  });

  it('showcase: data, filtered-empty, stale, facets open, details dialog', async () => {
    const el = await showcase(data());
    await expectNoAxeViolations(el, 'showcase data');
    $<HTMLDetailsElement>(el, 'details.facets')!.open = true;
    await expectNoAxeViolations(el, 'showcase facets open');
    const first = $(el, 'si-initiative-card') as SiInitiativeCard;
    await first.showDetails();
    await waitUntil(() => $<HTMLDialogElement>(first, 'dialog')?.open);
    await expectNoAxeViolations(el, 'showcase details dialog');
    first.closeDetails();
    const q = $<HTMLInputElement>(el, '#q')!;
    q.value = 'xyzxyzxyz';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => $(el, '[part~=empty]'));
    await expectNoAxeViolations(el, 'showcase filtered to nothing');
    const old = await showcase(stale());
    expect($$(old, '[part=notice]').map(text).join(' ')).to.contain('Angezeigt wird der Stand von');
    await expectNoAxeViolations(old, 'showcase stale');
  });

  it('card: loading, error, not found, data, details dialog', async () => {
    await expectSharedStates('card', async (a) => mount<SiInitiativeCard>(html`<si-initiative-card .adapter=${a} initiative-id="x"></si-initiative-card>`, 'si-initiative-card'),
      () => createMemoryAdapter({ initiatives: INITIATIVES }));
    const el = await card(data(), 'bring-together');
    await expectNoAxeViolations(el, 'card with link');
    const button = await card(data(), 'telux');
    await expectNoAxeViolations(button, 'card with details button');
    await button.showDetails();
    await expectNoAxeViolations(button, 'card details dialog');
    button.closeDetails();
  });

  it('keyboard only: Tab to a card, Enter opens details, Tab cycles inside, Escape returns focus', async () => {
    const page = await mount<HTMLElement>(html`<div><button id="before">Davor</button><si-initiative-cards .adapter=${data()} hide-filters></si-initiative-cards></div>`, 'div');
    const el = page.querySelector('si-initiative-cards')!;
    await waitUntil(() => $(el, 'si-initiative-card'));
    await startFrom(page.querySelector<HTMLElement>('#before')!);
    const trigger = await tabUntil((a) => !!a?.matches('button.primary'), 'the first card');
    await sendKeys({ press: 'Enter' });
    const cardEl = (trigger.getRootNode() as ShadowRoot).host as SiInitiativeCard;
    await waitUntil(() => $<HTMLDialogElement>(cardEl, 'dialog')?.open, 'no dialog', { timeout: TIMEOUT });
    const dialog = $<HTMLDialogElement>(cardEl, 'dialog')!;
    for (let i = 0; i < 10; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(deepActive()), `Tab left the dialog for ${deepActive()?.outerHTML.slice(0, 60)}`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(cardEl, 'dialog'));
    expect(deepActive()).to.equal($(cardEl, '.primary'));
  });
});

describe('a11y: <si-match-finder> in every state and every step, by keyboard', () => {
  it('loading, error, empty', async () => {
    await expectSharedStates('match finder', async (a) => mount<SiMatchFinder>(html`<si-match-finder .adapter=${a}></si-match-finder>`, 'si-match-finder'),
      () => createMemoryAdapter({ questionnaire: QUESTIONNAIRE, offers: [] }));
  });

  it('start, every step, error summary, check, results, share: keyboard only, focus on each new heading', async () => {
    const page = await mount<HTMLElement>(html`<div><button id="before">Davor</button><si-match-finder .adapter=${data()} share></si-match-finder></div>`, 'div');
    const el = page.querySelector<SiMatchFinder>('si-match-finder')!;
    await waitUntil(() => $(el, '.start'));
    await expectNoAxeViolations(el, 'match start');
    const control = (name: string) => (a: Element | null) => !!a && (text((a as HTMLInputElement).labels?.[0] ?? a) === name);
    const press = async (key: string) => {
      const on = text(deepActive());
      await sendKeys({ press: key });
      await el.updateComplete;
      focusIsNotBody(`${key} on "${on}"`);
    };
    await startFrom(page.querySelector<HTMLElement>('#before')!);
    await tabUntil((a) => a === $(el, '[part~=start-button]'), 'the start button');
    await press('Enter');
    // Required first step without an answer: the error summary takes focus and is an alert.
    await tabUntil(control('Weiter'), 'Weiter');
    await press('Enter');
    expect(deepActive()).to.equal($(el, '.error-summary'));
    expect($(el, '.error-summary [role=alert]')).to.not.equal(null);
    await expectNoAxeViolations(el, 'match error summary');
    for (let step = 1; step <= QUESTIONNAIRE.questions.length; step++) {
      await waitUntil(() => deepActive()?.id === 'heading' || deepActive()?.matches('.error-summary'));
      await expectNoAxeViolations(el, `match step ${step}`);
      if (step === 1) {
        await tabUntil(control('Familie mit Kindern'), 'the first option');
        await press(' ');
        await tabUntil(control('Weiter'), 'Weiter');
        await press('Enter');
      } else {
        await tabUntil(control('Frage überspringen'), 'Frage überspringen');
        await press('Enter');
      }
      if (step < QUESTIONNAIRE.questions.length) expect(text($(el, '[part=progress]')), `status after step ${step}`).to.match(/passen|passt/);
    }
    await waitUntil(() => text($(el, '#heading')) === 'Ihre Antworten prüfen');
    expect(deepActive()?.id).to.equal('heading');
    await expectNoAxeViolations(el, 'match check answers');
    await tabUntil(control('Ergebnisse anzeigen'), 'Ergebnisse anzeigen');
    await press('Enter');
    await waitUntil(() => $(el, '[part~=results]'));
    expect(deepActive()?.id).to.equal('heading');
    await expectNoAxeViolations(el, 'match results');
    await tabUntil(control('Antworten als Link teilen'), 'share');
    await press('Enter');
    await expectNoAxeViolations(el, 'match share question');
    await tabUntil(control('Abbrechen'), 'cancel');
    await press('Enter');
    expect(text(deepActive())).to.equal('Antworten als Link teilen');
    await press('Enter');
    // The question moves focus to its confirmation (no Tab round the page and the browser's toolbar).
    await waitUntil(() => control('Ja, Link mit meinen Antworten erstellen')(deepActive()), 'focus did not move to the confirmation');
    await press('Enter');
    // The link to copy takes focus, named by its label.
    await waitUntil(() => deepActive()?.id === 'share-link', 'focus did not move to the link');
    expect(text((deepActive() as HTMLInputElement).labels?.[0])).to.equal('Link zu Ihren Antworten');
    await expectNoAxeViolations(el, 'match share link');
    await tabUntil(control('Neu beginnen'), 'Neu beginnen');
    await press('Enter');
    await waitUntil(() => $(el, '.start'));
    expect(deepActive()?.id).to.equal('heading');
  });
});
