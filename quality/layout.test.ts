// Layout and media gates of issue #9: 320 px without horizontal scrolling, 200 % text zoom with
// nothing clipped, forced colours with visible borders and focus, reduced motion with no running
// animation, and a hostile host page's CSS.
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { stalledAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import {
  $, $$, ALL_DATA, allElements, calendarReady, deepActive, emulateMediaFeatures, expectNoAxeViolations, mount, openEvent, showcaseReady, finderReady, text,
  type SiEventCalendar, type SiInitiativeCard, type SiInitiativeCards, type SiMatchFinder,
} from './fixtures.js';

const adapter = () => createMemoryAdapter(ALL_DATA);

/** All three widgets in their data state inside `container`. */
async function widgets(container = html``) {
  const page = await mount<HTMLElement>(html`<div class="page">${container}
    <si-event-calendar .adapter=${adapter()} date="2026-10-01" months="2"></si-event-calendar>
    <si-initiative-cards .adapter=${adapter()}></si-initiative-cards>
    <si-match-finder .adapter=${adapter()}></si-match-finder>
  </div>`, '.page');
  const cal = page.querySelector<SiEventCalendar>('si-event-calendar')!;
  const cards = page.querySelector<SiInitiativeCards>('si-initiative-cards')!;
  const finder = page.querySelector<SiMatchFinder>('si-match-finder')!;
  await Promise.all([calendarReady(cal), showcaseReady(cards), finderReady(finder)]);
  await waitUntil(() => $(cal, '.agenda'), 'the calendar should show the agenda');
  return { page, all: [cal, cards, finder] as HTMLElement[], cal, cards, finder };
}

/** Elements that clip their text: overflow hidden/clip and content wider than the box. */
function clipped(el: Element): string[] {
  return allElements(el).flatMap((node) => {
    if (!(node instanceof HTMLElement) || node.closest('.visually-hidden') || node.classList.contains('visually-hidden')) return [];
    const style = getComputedStyle(node);
    if (style.display === 'none' || !['hidden', 'clip'].includes(style.overflowX)) return [];
    // Hidden on purpose but kept for screen readers (1 px boxes, clip paths).
    if (node.clientWidth <= 1 || style.clipPath !== 'none' || style.clip !== 'auto') return [];
    return node.scrollWidth > node.clientWidth + 1 && node.textContent?.trim()
      ? [`<${node.localName} class="${node.className}"> ${node.scrollWidth} > ${node.clientWidth}`]
      : [];
  });
}
const horizontalScroll = (els: HTMLElement[]) => [
  ...els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => `${el.localName} ${el.scrollWidth} > ${el.clientWidth}`),
  ...(document.documentElement.scrollWidth > document.documentElement.clientWidth ? [`page ${document.documentElement.scrollWidth}`] : []),
];

describe('Layout: 320 px and 200 % text', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('at 320 px CSS width no widget scrolls horizontally, nor does a dialog', async () => {
    await setViewport({ width: 320, height: 640 });
    const { all, cal, cards } = await widgets();
    expect(horizontalScroll(all)).to.deep.equal([]);
    const dialog = await openEvent(cal, $$(cal, '.agenda .event')[0]!);
    expect(dialog.scrollWidth, 'event dialog').to.be.at.most(dialog.clientWidth);
    expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
    dialog.close();
    const card = $(cards, 'si-initiative-card') as SiInitiativeCard;
    await card.showDetails();
    const details = $<HTMLDialogElement>(card, 'dialog')!;
    expect(details.scrollWidth, 'details dialog').to.be.at.most(details.clientWidth);
    card.closeDetails();
  });

  it('at 320 px with 200 % text (text-only zoom) nothing is clipped and nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const { page, all, finder } = await widgets();
    page.style.setProperty('font-size', '200%');
    await new Promise((r) => setTimeout(r, 100));
    for (const el of all) expect(parseFloat(getComputedStyle(el).fontSize), `${el.localName} follows the text size`).to.be.at.least(28);
    expect(horizontalScroll(all)).to.deep.equal([]);
    expect(all.flatMap(clipped)).to.deep.equal([]);
    $(finder, '[part~=start-button]')!.click();
    await finder.updateComplete;
    expect(horizontalScroll([finder])).to.deep.equal([]);
    expect(clipped(finder)).to.deep.equal([]);
  });
});

/** The nearest ancestor (through shadow roots) that clips its content, or null. */
function clipBox(node: Element): Element | null {
  for (let el: Element | null = node; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    if (el !== node && getComputedStyle(el).overflowX !== 'visible') return el;
  }
  return null;
}

/**
 * Titles (`selector`, through the widget's shadow roots) that show fewer than 12 of their
 * characters (or fewer than all when shorter): characters laid out wholly inside the nearest
 * clipping box count, less one for an ellipsis.
 */
function unreadableTitles(widget: Element, selector: string): string[] {
  const titles = allElements(widget).filter((n): n is HTMLElement => n instanceof HTMLElement && n.matches(selector) && n.checkVisibility());
  expect(titles.length, `${widget.localName}: ${selector} on screen`).to.be.greaterThan(0);
  return titles.flatMap((title) => {
    const clip = clipBox(title)?.getBoundingClientRect();
    const range = document.createRange();
    let seen = 0;
    let cut = false;
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (!r.width) continue;
        if (!clip || (r.left >= clip.left - 0.5 && r.right <= clip.right + 0.5 && r.bottom <= clip.bottom + 0.5)) seen++;
        else cut = true;
      }
    }
    const shown = cut ? seen - 1 : seen;
    const want = Math.min(12, text(title).replace(/\s/g, '').length);
    return shown < want ? [`${widget.localName} "${text(title)}": ${shown} characters`] : [];
  });
}

describe('Layout: a CMS content column (600–750 px)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [600, 650, 750]) {
    it(`at ${width} px the showcase and the match finder show whole titles, clip nothing, scroll not sideways and are axe clean`, async () => {
      await setViewport({ width: width + 40, height: 800 });
      const page = await mount<HTMLElement>(html`<div class="column">
        <si-initiative-cards .adapter=${adapter()}></si-initiative-cards>
        <si-match-finder .adapter=${adapter()}></si-match-finder>
      </div>`, '.column');
      page.style.setProperty('width', `${width}px`);
      const cards = page.querySelector<SiInitiativeCards>('si-initiative-cards')!;
      const finder = page.querySelector<SiMatchFinder>('si-match-finder')!;
      await Promise.all([showcaseReady(cards), finderReady(finder)]);
      await new Promise((r) => requestAnimationFrame(r));
      expect(horizontalScroll([cards, finder])).to.deep.equal([]);
      expect([...clipped(cards), ...clipped(finder)]).to.deep.equal([]);
      expect(unreadableTitles(cards, '[part~=title]')).to.deep.equal([]);
      await expectNoAxeViolations(cards, `showcase at ${width} px`);

      // The finder: a step, then the results with each offer's name.
      $(finder, '[part~=start-button]')!.click();
      await waitUntil(() => $(finder, 'form.step'));
      expect(unreadableTitles(finder, '#heading, label')).to.deep.equal([]);
      expect(clipped(finder)).to.deep.equal([]);
      await expectNoAxeViolations(finder, `match step at ${width} px`);
      $<HTMLInputElement>(finder, 'input[name=answer]')!.click();
      for (let step = 0; step < 10 && !$(finder, '[part~=check]'); step++) {
        await finder.updateComplete;
        $(finder, '[part~=next-button]')!.click();
        await finder.updateComplete;
      }
      await waitUntil(() => $(finder, '[part~=check]'), 'the check step');
      $(finder, '[part~=results-button]')!.click();
      await waitUntil(() => $(finder, '[part~=results]'));
      expect(unreadableTitles(finder, '[part~=result] h3')).to.deep.equal([]);
      expect(horizontalScroll([finder])).to.deep.equal([]);
      expect(clipped(finder)).to.deep.equal([]);
      await expectNoAxeViolations(finder, `match results at ${width} px`);
    });
  }
});

/** The widgets' own stylesheets (adopted), as text. */
const sheetText = (el: Element) => (el.shadowRoot!.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');

describe('Media: forced colours and reduced motion', () => {
  afterEach(() => emulateMediaFeatures({ forcedColors: 'none', reducedMotion: 'no-preference' }));

  it('forced-colors: active keeps borders on buttons and a visible focus outline', async () => {
    const { all, cal } = await widgets();
    // Every widget carries forced-colours rules (checked in every browser).
    for (const el of all) expect(sheetText(el), el.localName).to.match(/@media \(forced-colors: active\)/);
    const emulated = await emulateMediaFeatures({ forcedColors: 'active' });
    if (!emulated) {
      // Firefox under WebDriver BiDi cannot emulate forced colours; the rules above are checked.
      console.log('[quality] forced-colors: not emulated in this browser; stylesheet rules checked only');
      return;
    }
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const invisible = all.flatMap((el) => allElements(el).filter((n) => n.matches('.si-button') && getComputedStyle(n).display !== 'none')
      .filter((n) => {
        const s = getComputedStyle(n);
        return s.borderTopStyle === 'none' || parseFloat(s.borderTopWidth) < 1;
      }).map((n) => `${el.localName} ${n.textContent?.trim()}`));
    expect(invisible, 'buttons without a border in forced colours').to.deep.equal([]);
    $(cal, '[part=nav-button]')!.focus();
    await sendKeys({ press: 'Tab' });
    const focused = deepActive()!;
    const s = getComputedStyle(focused);
    expect(s.outlineStyle, `focus outline on ${focused.localName}`).to.not.equal('none');
    expect(parseFloat(s.outlineWidth)).to.be.at.least(2);
  });

  it('prefers-reduced-motion: reduce leaves no running animation (the spinner does spin otherwise)', async () => {
    const spinners = async () => {
      const page = await mount<HTMLElement>(html`<div>
        <si-event-calendar .adapter=${stalledAdapter()}></si-event-calendar>
        <si-initiative-cards .adapter=${stalledAdapter()}></si-initiative-cards>
        <si-match-finder .adapter=${stalledAdapter()}></si-match-finder></div>`, 'div');
      const els = [...page.children] as HTMLElement[];
      await waitUntil(() => els.every((el) => $(el, '.si-spinner')));
      return els;
    };
    const running = (els: HTMLElement[]) => els.flatMap((el) => el.shadowRoot!.getAnimations().filter((a) => a.playState === 'running').map(() => el.localName));
    for (const el of await spinners()) expect(sheetText(el), el.localName).to.match(/@media \(prefers-reduced-motion: reduce\)/);
    const emulated = await emulateMediaFeatures({ reducedMotion: 'reduce' });
    if (!emulated) {
      console.log('[quality] prefers-reduced-motion: not emulated in this browser; stylesheet rules checked only');
      return;
    }
    expect(running(await spinners())).to.deep.equal([]);
    await emulateMediaFeatures({ reducedMotion: 'no-preference' });
    expect(running(await spinners()).length).to.be.greaterThan(0);
  });
});

describe('Hostile host CSS', () => {
  const HOSTILE = `
    html { font-size: 10px !important; }
    .hostile, .hostile * { all: unset; }
    .hostile button, .hostile a, body button { display: none !important; }
    .hostile a { color: inherit; text-decoration: none; }
    .hostile div, .hostile section { line-height: 1 !important; letter-spacing: -0.05em; box-sizing: content-box; }
    .hostile * { font-family: "Comic Sans MS", cursive; transition: all 2s; }
    /* a typical CMS theme */
    .hostile { display: block; max-width: 100%; overflow: hidden; font: 300 13px/1.2 Georgia, serif; color: #777; }
    .hostile ul, .hostile ol { list-style: square; padding-left: 40px; }
    .hostile dialog { display: none; }
    .hostile :focus { outline: none !important; }
  `;

  it('leaves the widgets usable and readable: buttons shown, text >= 12 px, focus visible, a journey works', async () => {
    const style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    try {
      const page = await mount<HTMLElement>(html`<div class="hostile"><section><div>
        <si-event-calendar .adapter=${adapter()} date="2026-10-01" months="2"></si-event-calendar>
        <si-initiative-cards .adapter=${adapter()}></si-initiative-cards>
        <si-match-finder .adapter=${adapter()}></si-match-finder></div></section></div>`, '.hostile');
      const cal = page.querySelector<SiEventCalendar>('si-event-calendar')!;
      const cards = page.querySelector<SiInitiativeCards>('si-initiative-cards')!;
      const finder = page.querySelector<SiMatchFinder>('si-match-finder')!;
      await Promise.all([calendarReady(cal), showcaseReady(cards), finderReady(finder)]);
      const all = [cal, cards, finder];
      const hidden = all.flatMap((el) => allElements(el).filter((n) => n.localName === 'button' && !n.closest('dialog') && getComputedStyle(n).display === 'none')
        .map((n) => `${el.localName}: ${n.textContent?.trim().slice(0, 30)}`));
      expect(hidden, 'buttons hidden by the host').to.deep.equal([]);
      // Body text and controls stay at 12 px or more. (Small print at 0.85em falls to 11 px when
      // `all: unset` reaches the host: reported, not asserted here.)
      const tiny = all.flatMap((el) => allElements(el).filter((n) => n.matches('p, li, button, a, h2, h3, label, input, select') && n.textContent?.trim() && !n.closest('.visually-hidden') && getComputedStyle(n).display !== 'none' && parseFloat(getComputedStyle(n).fontSize) < 12)
        .map((n) => `${el.localName} <${n.localName}> ${getComputedStyle(n).fontSize}`));
      expect(tiny, 'text below 12 px').to.deep.equal([]);
      const small = all.flatMap((el) => allElements(el).filter((n) => n instanceof HTMLElement && n.textContent?.trim() && getComputedStyle(n).display !== 'none' && parseFloat(getComputedStyle(n).fontSize) < 12)).length;
      if (small) console.log(`[quality] hostile CSS: ${small} small-print elements below 12 px`);
      for (const el of all) expect(getComputedStyle(el).display, `${el.localName} host display`).to.not.equal('contents');
      // A keyboard journey: open an event's details, focus is visibly outlined, close.
      const event = $$(cal, '.agenda .event')[0]!;
      event.focus();
      if (navigator.userAgent.includes('Firefox')) {
        // Shift+Tab can leave for the toolbar under BiDi and not come back (see a11y.test.ts).
        console.log('[quality] hostile CSS: focus outline checked in Chromium only');
      } else {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        await sendKeys({ press: 'Tab' });
        expect(deepActive()).to.equal(event);
        await waitUntil(() => event.matches(':focus-visible'), 'keyboard focus is not :focus-visible');
        expect(getComputedStyle(event).outlineStyle, 'focus outline').to.not.equal('none');
      }
      event.click();
      const dialog = $<HTMLDialogElement>(cal, 'dialog.event-dialog')!;
      await waitUntil(() => dialog.open);
      expect(getComputedStyle(dialog).display).to.not.equal('none');
      dialog.querySelector<HTMLElement>('[part=close-button]')!.click();
      await waitUntil(() => !dialog.open);
      $(finder, '[part~=start-button]')!.click();
      await waitUntil(() => $(finder, 'form.step'));
      expect(getComputedStyle($(finder, '[part~=next-button]')!).display).to.not.equal('none');
    } finally {
      style.remove();
    }
  });
});
