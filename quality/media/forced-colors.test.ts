// Forced colours and reduced motion in both browsers (issue #18). Chromium emulates the media
// features per test; Firefox cannot over WebDriver BiDi and runs this file in a browser whose
// preferences turn both on (the `media-prefs` group in web-test-runner.config.mjs). Either way
// the media query must really match before anything is checked: nothing passes by default.
// Screenshots land in quality/artefacts/ (gitignored) for a person to look at.
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { stalledAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import {
  $, ALL_DATA, allElements, calendarReady, deepActive, emulateMediaFeatures, finderReady, mount, nextFrame, showcaseReady,
  type SiEventCalendar, type SiInitiativeCards, type SiMatchFinder,
} from '../fixtures.js';
import { focusPage, screenshot } from '../a11y-tree.js';

const adapter = () => createMemoryAdapter(ALL_DATA);

/** Turns forced colours and reduced motion on (Chromium) or finds them on (Firefox with its preferences). */
async function mediaOn(): Promise<void> {
  await emulateMediaFeatures({ forcedColors: 'active', reducedMotion: 'reduce' });
  expect(matchMedia('(forced-colors: active)').matches, 'forced-colors: active matches').to.equal(true);
  expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'prefers-reduced-motion: reduce matches').to.equal(true);
}

async function widgets() {
  const page = await mount<HTMLElement>(html`<div class="page"><button id="before">Davor</button>
    <si-event-calendar .adapter=${adapter()} date="2026-10-01" months="2"></si-event-calendar>
    <si-initiative-cards .adapter=${adapter()}></si-initiative-cards>
    <si-match-finder .adapter=${adapter()}></si-match-finder>
  </div>`, '.page');
  const cal = page.querySelector<SiEventCalendar>('si-event-calendar')!;
  const cards = page.querySelector<SiInitiativeCards>('si-initiative-cards')!;
  const finder = page.querySelector<SiMatchFinder>('si-match-finder')!;
  await Promise.all([calendarReady(cal), showcaseReady(cards), finderReady(finder)]);
  return { page, all: [cal, cards, finder] as HTMLElement[], cal, cards, finder };
}

describe('Media in every browser: forced colours and reduced motion', () => {
  afterEach(() => emulateMediaFeatures({ forcedColors: 'none', reducedMotion: 'no-preference' }));

  it('forced colours: every button keeps a border, keyboard focus keeps a 2 px outline (screenshot kept)', async () => {
    await mediaOn();
    const { page, all, cal } = await widgets();
    await nextFrame();
    const visible = (n: Element) => getComputedStyle(n).display !== 'none' && (n as HTMLElement).offsetParent !== null;
    const borderless = all.flatMap((el) => allElements(el).filter((n) => n.matches('.si-button') && visible(n))
      .filter((n) => {
        const s = getComputedStyle(n);
        return s.borderTopStyle === 'none' || parseFloat(s.borderTopWidth) < 1;
      }).map((n) => `${el.localName} ${n.textContent?.trim()}`));
    expect(borderless, 'buttons without a border in forced colours').to.deep.equal([]);
    // Focus by keyboard from the element before the widgets.
    const before = page.querySelector<HTMLElement>('#before')!;
    await focusPage();
    before.focus();
    await sendKeys({ press: 'Tab' });
    const focused = deepActive()!;
    expect(cal.shadowRoot!.contains(focused), `Tab went into the calendar, not to ${focused.outerHTML.slice(0, 60)}`).to.equal(true);
    await waitUntil(() => focused.matches(':focus-visible'), 'keyboard focus is not :focus-visible');
    const s = getComputedStyle(focused);
    expect(s.outlineStyle, `focus outline on ${focused.localName}`).to.not.equal('none');
    expect(parseFloat(s.outlineWidth)).to.be.at.least(2);
    await screenshot('forced-colors-widgets');
    // The match finder's first step, with its radio buttons and error summary.
    const finder = all[2] as SiMatchFinder;
    $(finder, '[part~=start-button]')!.click();
    await waitUntil(() => $(finder, 'form.step'));
    $(finder, '[part~=next-button]')!.click();
    await waitUntil(() => $(finder, '.error-summary'));
    finder.scrollIntoView();
    await nextFrame();
    await screenshot('forced-colors-match-finder-error');
  });

  it('reduced motion: no animation runs, and the spinners are still shown', async () => {
    await mediaOn();
    const page = await mount<HTMLElement>(html`<div>
      <si-event-calendar .adapter=${stalledAdapter()}></si-event-calendar>
      <si-initiative-cards .adapter=${stalledAdapter()}></si-initiative-cards>
      <si-match-finder .adapter=${stalledAdapter()}></si-match-finder></div>`, 'div');
    const els = [...page.children] as HTMLElement[];
    await waitUntil(() => els.every((el) => $(el, '.si-spinner')), 'a spinner is missing', { timeout: 3000 }).catch((e) => { console.log(els.map((el) => el.shadowRoot!.innerHTML.slice(0, 300))); throw e; });
    await nextFrame();
    const running = els.flatMap((el) => el.shadowRoot!.getAnimations().filter((a) => a.playState === 'running').map((a) => `${el.localName} ${(a as CSSAnimation).animationName ?? ''}`));
    expect(running, 'animations running under prefers-reduced-motion: reduce').to.deep.equal([]);
    for (const el of els) expect(getComputedStyle($(el, '.si-spinner')!).display, `${el.localName} spinner shown`).to.not.equal('none');
  });
});
