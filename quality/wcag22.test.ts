// WCAG 2.2 AA beyond axe, measured in both browsers (issue #18): target size (2.5.8), focus not
// obscured by a sticky host header (2.4.11), text spacing (1.4.12), reflow at 320 px (1.4.10) in
// every main state, and status messages (4.1.3): every update a user should hear lands in a live
// region that was in the page before the update.
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { failingAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import {
  $, $$, ALL_DATA, allElements, calendar, calendarReady, card, closeDialog, deepActive, finder, finderReady, mount, nextFrame, openEvent,
  showcase, showcaseReady, sleep, text, toResults,
  type SiEventCalendar, type SiInitiativeCard, type SiInitiativeCards, type SiMatchFinder,
} from './fixtures.js';
import { focusPage } from './a11y-tree.js';

const data = () => createMemoryAdapter(ALL_DATA);
const TARGET = 24;

const visible = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden');
};
const INTERACTIVE = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
/** Every interactive element a pointer can hit, through every shadow root. */
const targets = (root: Element) => allElements(root).filter((n) => n.matches(INTERACTIVE) && visible(n) && !n.closest('dialog:not([open])'));
const label = (n: Element) => `<${n.localName}${n.getAttribute('part') ? ` part="${n.getAttribute('part')}"` : ''}> "${(text(n) || n.getAttribute('aria-label') || (n as HTMLInputElement).labels?.[0]?.textContent || '').trim().slice(0, 40)}"`;

/**
 * Targets under 24 × 24 CSS px that no exception of 2.5.8 covers: not a link inside a sentence
 * (inline), and its 24 px circle meets another target (spacing). A radio or checkbox counts with
 * its whole label, which activates it too.
 */
function smallTargets(root: Element): string[] {
  const all = targets(root);
  const rects = new Map(all.map((n) => [n, n.getBoundingClientRect()]));
  const circleHits = (a: DOMRect, b: DOMRect) => {
    const cx = a.x + a.width / 2;
    const cy = a.y + a.height / 2;
    const dx = Math.max(b.left - cx, 0, cx - b.right);
    const dy = Math.max(b.top - cy, 0, cy - b.bottom);
    return Math.hypot(dx, dy) < TARGET / 2;
  };
  return all.flatMap((n) => {
    let r = rects.get(n)!;
    const input = n as HTMLInputElement;
    if (n.localName === 'input' && ['radio', 'checkbox'].includes(input.type) && input.labels?.[0]) {
      const l = input.labels[0].getBoundingClientRect();
      const left = Math.min(r.left, l.left);
      const top = Math.min(r.top, l.top);
      r = new DOMRect(left, top, Math.max(r.right, l.right) - left, Math.max(r.bottom, l.bottom) - top);
    }
    if (r.width >= TARGET - 0.5 && r.height >= TARGET - 0.5) return [];
    // Inline: a link in running text, whose size the line height sets.
    const parent = n.parentElement;
    if (n.localName === 'a' && parent && getComputedStyle(n).display === 'inline' && text(parent).length > text(n).length + 10) return [];
    // Spacing: the 24 px circle centred on the target meets no other target.
    if (!all.some((o) => o !== n && !o.contains(n) && !n.contains(o) && circleHits(r, rects.get(o)!))) return [];
    return [`${label(n)} ${Math.round(r.width)}×${Math.round(r.height)}`];
  });
}

describe('WCAG 2.2 probes: the measurements find what they look for', () => {
  it('a 16 px button beside another is too small; a spaced one and a link in a sentence are not', async () => {
    const el = await mount<HTMLElement>(html`<div class="probe">
      <button class="tiny">x</button><button class="tiny">y</button>
      <p>Ein Satz mit <a href="#l">einem Link</a> mitten im Text, wie er im Fließtext steht.</p>
      <div class="far"><button class="tiny">z</button></div></div>`, '.probe');
    const style = document.createElement('style');
    style.textContent = '.probe .tiny { width: 16px; height: 16px; padding: 0; margin: 0; border: 0; font-size: 10px; } .probe .far { margin-top: 40px; }';
    el.prepend(style);
    expect(smallTargets(el).map((t) => t.slice(0, 14))).to.deep.equal(['<button> "x" 1', '<button> "y" 1']);
  });

  it('text cut off by a fixed box and text boxes overlapping are found', async () => {
    const el = await mount<HTMLElement>(html`<div class="probe2"><p class="cut">Ein langer Text, der nicht in die Box passt.</p>
      <p class="a">Oben</p><p class="b">Unten</p></div>`, '.probe2');
    const style = document.createElement('style');
    style.textContent = '.probe2 .cut { width: 40px; height: 10px; overflow: hidden; } .probe2 .b { margin-top: -30px; }';
    el.prepend(style);
    expect(clippedText(el).length).to.equal(1);
    expect(overlappingText(el).length).to.be.greaterThan(0);
  });
});

describe('WCAG 4.1.3 probe: a status region inserted together with its text does not count', () => {
  it('fails for a fresh region, passes for one that was there', async () => {
    const el = await mount<HTMLElement>(html`<div class="probe3"><p role="status" class="kept"></p></div>`, '.probe3');
    let failed = false;
    await expectAnnounced(el, /Neu eingefügt/, () => {
      const p = document.createElement('p');
      p.setAttribute('role', 'status');
      p.textContent = 'Neu eingefügt';
      el.append(p);
    }, 'probe').catch(() => (failed = true));
    expect(failed, 'a region inserted with its message passed').to.equal(true);
    await expectAnnounced(el, /Schon da/, () => (el.querySelector('.kept')!.textContent = 'Schon da'), 'probe');
  });
});

describe('WCAG 2.5.8 target size (minimum): every target at least 24 × 24 px or spaced', () => {
  it('calendar: list, month, event dialog', async () => {
    const list = await calendar(data());
    expect(smallTargets(list), 'calendar list').to.deep.equal([]);
    const dialog = await openEvent(list, $$(list, '.agenda .event')[0]!);
    expect(smallTargets(dialog), 'event dialog').to.deep.equal([]);
    await closeDialog(dialog);
    const month = await calendar(data(), { view: 'month' });
    await waitUntil(() => $(month, '[role=grid]'));
    expect(smallTargets(month), 'calendar month').to.deep.equal([]);
  });

  it('showcase with facets open, card details dialog', async () => {
    const el = await showcase(data());
    $<HTMLDetailsElement>(el, 'details.facets')!.open = true;
    await nextFrame();
    expect(smallTargets(el), 'showcase').to.deep.equal([]);
    const c = await card(data(), 'bring-together');
    await c.showDetails();
    await waitUntil(() => $<HTMLDialogElement>(c, 'dialog')?.open);
    expect(smallTargets($(c, 'dialog')!), 'details dialog').to.deep.equal([]);
    c.closeDetails();
  });

  it('match finder: start, a step with options, results', async () => {
    const el = await finder(data());
    expect(smallTargets(el), 'start').to.deep.equal([]);
    $(el, '[part~=start-button]')!.click();
    await waitUntil(() => $(el, 'form.step'));
    expect(smallTargets(el), 'step 1').to.deep.equal([]);
    await toResults(el);
    expect(smallTargets(el), 'results').to.deep.equal([]);
  });
});

describe('WCAG 2.4.11 focus not obscured (minimum): a sticky host header hides no focused control', () => {
  const HEADER = 80;
  afterEach(() => setViewport({ width: 800, height: 600 }));

  /** Tabs from the button before the widget to the one after it; lists every control the header covers whole. */
  async function obscuredWhileTabbing(page: HTMLElement, shift = false): Promise<string[]> {
    const header = page.querySelector('header')!;
    const hidden: string[] = [];
    const start = page.querySelector<HTMLElement>(shift ? '#after' : '#before')!;
    await focusPage();
    start.focus();
    for (let i = 0; i < 150; i++) {
      if (shift) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (shift) await sendKeys({ up: 'Shift' });
      await nextFrame();
      const a = deepActive();
      if (!a || a === document.body || a.id === (shift ? 'before' : 'after')) break;
      const r = a.getBoundingClientRect();
      const h = header.getBoundingClientRect();
      if (r.top >= h.top && r.bottom <= h.bottom && r.height > 0) hidden.push(label(a));
    }
    return hidden;
  }

  for (const widget of ['si-event-calendar', 'si-initiative-cards', 'si-match-finder'] as const) {
    it(`${widget}: Tab and Shift+Tab through the widget below a sticky 80 px header`, async () => {
      await setViewport({ width: 800, height: 400 });
      const page = await mount<HTMLElement>(html`<div class="host-page">
        <header class="sticky">Landesportal</header><button id="before">Davor</button>
        ${widget === 'si-event-calendar' ? html`<si-event-calendar .adapter=${data()} date="2026-10-01" months="2"></si-event-calendar>`
          : widget === 'si-initiative-cards' ? html`<si-initiative-cards .adapter=${data()}></si-initiative-cards>`
          : html`<si-match-finder .adapter=${data()}></si-match-finder>`}
        <button id="after">Danach</button><div class="spacer"></div></div>`, '.host-page');
      const style = document.createElement('style');
      style.textContent = `.host-page .sticky { position: sticky; top: 0; z-index: 10; height: ${HEADER}px; background: #036; color: #fff; }
        .host-page .spacer { height: 600px; }`;
      page.prepend(style);
      const el = page.querySelector(widget)!;
      if (el instanceof HTMLElement && el.localName === 'si-event-calendar') await calendarReady(el as SiEventCalendar);
      if (el.localName === 'si-initiative-cards') await showcaseReady(el as SiInitiativeCards);
      if (el.localName === 'si-match-finder') {
        await finderReady(el as SiMatchFinder);
        $(el, '[part~=start-button]')!.click();
        await waitUntil(() => $(el, 'form.step'));
      }
      expect(await obscuredWhileTabbing(page), 'controls hidden under the header (Tab)').to.deep.equal([]);
      // Backwards, browsers scroll a control to the top edge, under the header, unless the host
      // page reserves the header's height (WCAG technique C43); the statement asks hosts to.
      document.documentElement.style.setProperty('scroll-padding-top', `${HEADER}px`);
      try {
        expect(await obscuredWhileTabbing(page, true), 'controls hidden under the header (Shift+Tab)').to.deep.equal([]);
      } finally {
        document.documentElement.style.removeProperty('scroll-padding-top');
      }
    });
  }
});

/** The text-spacing bookmarklet's values (WCAG 1.4.12), adopted into every shadow root too. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }`;
function applyTextSpacing(root: Element): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  const roots = [document, ...allElements(root).flatMap((n) => (n.shadowRoot ? [n.shadowRoot] : []))] as (Document | ShadowRoot)[];
  for (const r of roots) r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
  return () => {
    for (const r of roots) r.adoptedStyleSheets = r.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Text cut off: overflow hidden or clip and content larger than the box (screen-reader-only text aside). */
function clippedText(root: Element): string[] {
  return allElements(root).flatMap((n) => {
    if (!(n instanceof HTMLElement) || n.closest('.visually-hidden') || !visible(n) || !text(n)) return [];
    const s = getComputedStyle(n);
    if (s.clipPath !== 'none' || s.clip !== 'auto' || n.clientWidth <= 1) return [];
    const x = ['hidden', 'clip'].includes(s.overflowX) && n.scrollWidth > n.clientWidth + 1;
    const y = ['hidden', 'clip'].includes(s.overflowY) && n.scrollHeight > n.clientHeight + 1;
    return x || y ? [`${label(n)} ${n.scrollWidth}×${n.scrollHeight} in ${n.clientWidth}×${n.clientHeight}`] : [];
  });
}
/** Sibling boxes with text that overlap each other (text spilling over text). */
function overlappingText(root: Element): string[] {
  const out: string[] = [];
  for (const parent of [root, ...allElements(root)]) {
    const kids = [...(parent.shadowRoot ?? parent).children].filter((k) => visible(k) && text(k) && !['absolute', 'fixed'].includes(getComputedStyle(k).position) && !k.closest('.visually-hidden'));
    for (let i = 0; i < kids.length; i++) {
      for (let j = i + 1; j < kids.length; j++) {
        const a = kids[i]!.getBoundingClientRect();
        const b = kids[j]!.getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) out.push(`${label(kids[i]!)} overlaps ${label(kids[j]!)} by ${Math.round(w)}×${Math.round(h)}`);
      }
    }
  }
  return out;
}

describe('WCAG 1.4.12 text spacing: the bookmarklet values cut off and overlap nothing', () => {
  it('calendar, showcase, card dialog and match finder step and results', async () => {
    const cal = await calendar(data());
    const cards = await showcase(data());
    const c = await card(data(), 'bring-together');
    const match = await finder(data());
    $(match, '[part~=start-button]')!.click();
    await waitUntil(() => $(match, 'form.step'));
    for (const el of [cal, cards, c, match]) {
      const undo = applyTextSpacing(el);
      await nextFrame();
      try {
        expect(clippedText(el), `${el.localName}: text cut off`).to.deep.equal([]);
        expect(overlappingText(el), `${el.localName}: text overlapping`).to.deep.equal([]);
      } finally {
        undo();
      }
    }
    await c.showDetails();
    await waitUntil(() => $<HTMLDialogElement>(c, 'dialog')?.open);
    const undo = applyTextSpacing(c);
    await nextFrame();
    expect(clippedText($(c, 'dialog')!), 'details dialog: text cut off').to.deep.equal([]);
    undo();
    c.closeDetails();
    await toResults(match);
    const undoResults = applyTextSpacing(match);
    await nextFrame();
    expect(clippedText(match), 'match results: text cut off').to.deep.equal([]);
    expect(overlappingText(match), 'match results: text overlapping').to.deep.equal([]);
    undoResults();
  });
});

describe('WCAG 1.4.10 reflow: 320 CSS px (1280 px at 400 %) in every main state', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));
  const sideways = (el: Element) => [el, ...allElements(el)].filter((n) => n instanceof HTMLElement && visible(n) && n.getBoundingClientRect().right > 320 + 1 && !n.closest('.visually-hidden') && getComputedStyle(n).position !== 'fixed')
    .map((n) => `${label(n)} right edge ${Math.round(n.getBoundingClientRect().right)}`).slice(0, 5);
  const pageScrolls = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

  it('calendar month view, error state; showcase facets; card dialog; match finder step, error summary, results', async () => {
    await setViewport({ width: 320, height: 640 });
    const month = await calendar(data(), { view: 'month' });
    expect(sideways(month), 'calendar month view').to.deep.equal([]);
    const failed = await mount<SiEventCalendar>(html`<si-event-calendar .adapter=${failingAdapter()} date="2026-10-01"></si-event-calendar>`, 'si-event-calendar');
    await waitUntil(() => $(failed, '[part~=error]'));
    expect(sideways(failed), 'calendar error').to.deep.equal([]);
    const cards = await showcase(data());
    $<HTMLDetailsElement>(cards, 'details.facets')!.open = true;
    await nextFrame();
    expect(sideways(cards), 'showcase with facets').to.deep.equal([]);
    const first = $(cards, 'si-initiative-card') as SiInitiativeCard;
    await first.showDetails();
    await waitUntil(() => $<HTMLDialogElement>(first, 'dialog')?.open);
    expect(sideways($(first, 'dialog')!), 'details dialog').to.deep.equal([]);
    first.closeDetails();
    const match = await finder(data());
    $(match, '[part~=start-button]')!.click();
    await waitUntil(() => $(match, 'form.step'));
    $(match, '[part~=next-button]')!.click();
    await waitUntil(() => $(match, '.error-summary'));
    expect(sideways(match), 'match error summary').to.deep.equal([]);
    await toResults(match);
    expect(sideways(match), 'match results').to.deep.equal([]);
    expect(pageScrolls(), 'the page scrolls sideways').to.equal(false);
  });
});

// ── 4.1.3 status messages ────────────────────────────────────────────────────────────────

const LIVE = '[role=status], [role=alert], [role=log], [aria-live]:not([aria-live=off])';
const liveRegions = (root: Element) => new Set(allElements(root).filter((n) => n.matches(LIVE)));
/** The live region around `node`, through shadow roots. */
function liveAncestor(node: Element): Element | null {
  let n: Element | null = node;
  while (n) {
    if (n.matches(LIVE)) return n;
    n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null);
  }
  return null;
}
/** Elements whose own text matches `what`, through every shadow root. */
const withText = (root: Element, what: RegExp) => allElements(root).filter((n) => visibleText(n) && what.test(text(n)) && ![...n.children].some((k) => what.test(text(k))));
const visibleText = (n: Element) => !!text(n);

/**
 * Runs `act`, waits for a message matching `what`, and checks that it is announced: it sits in a
 * live region that was already in the page before `act` (a region inserted together with its text
 * is not reliably read), or in an alert (announced when inserted).
 */
async function expectAnnounced(root: Element, what: RegExp, act: () => unknown | Promise<unknown>, name: string) {
  const before = liveRegions(root);
  await act();
  await waitUntil(() => withText(root, what).length, `${name}: no message ${what}`);
  await sleep(20);
  const found = withText(root, what);
  const announced = found.some((n) => {
    const region = liveAncestor(n);
    return !!region && (before.has(region) || region.getAttribute('role') === 'alert');
  });
  expect(announced, `${name}: "${text(found[0])}" is not in a live region that was there before the update`).to.equal(true);
}

describe('WCAG 4.1.3 status messages: every live update is announced', () => {
  it('calendar: result count after filtering, new period after navigation', async () => {
    const el = await calendar(data());
    const q = $<HTMLInputElement>(el, 'input[name=q]')!;
    await expectAnnounced(el, /^1 Veranstaltung/, () => {
      q.value = 'Werkstatt 1';
      q.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'calendar filter');
    await expectAnnounced(el, /Dez\./, () => $$(el, '[part=nav-button]').at(-1)!.click(), 'calendar next period');
  });

  it('showcase: result count after a search', async () => {
    const el = await showcase(data());
    const q = $<HTMLInputElement>(el, '#q')!;
    await expectAnnounced(el, /^1 /, () => {
      q.value = 'TELUX';
      q.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'showcase search');
  });

  it('showcase: an unknown postcode is named as the error it is', async () => {
    const el = await showcase(data());
    const plz = $<HTMLInputElement>(el, '#plz')!;
    await expectAnnounced(el, /Postleitzahl ist nicht hinterlegt/, () => {
      plz.value = '99999';
      plz.dispatchEvent(new Event('input', { bubbles: true }));
      plz.dispatchEvent(new Event('change', { bubbles: true }));
    }, 'showcase postcode');
  });

  it('match finder: the error after an empty answer, the matches so far after an answer', async () => {
    const el = document.createElement('si-match-finder') as SiMatchFinder;
    el.adapter = data();
    el.setAttribute('share', '');
    (await mount<HTMLElement>(html`<div class="m"></div>`, '.m')).append(el);
    await finderReady(el);
    $(el, '[part~=start-button]')!.click();
    await waitUntil(() => $(el, 'form.step'));
    await expectAnnounced(el, /Wählen Sie eine Antwort/, () => $(el, '[part~=next-button]')!.click(), 'match error');
    await expectAnnounced(el, /passen|passt/, async () => {
      $<HTMLInputElement>(el, '#answer-0')!.click();
      await el.updateComplete;
      $(el, '[part~=next-button]')!.click();
    }, 'match so far');
  });

  it('loading to error: the failure is an alert', async () => {
    for (const tag of ['si-event-calendar', 'si-initiative-cards', 'si-match-finder']) {
      const el = document.createElement(tag) as HTMLElement & { adapter: unknown };
      el.adapter = failingAdapter();
      await expectAnnounced(document.body, /nicht geladen werden/, async () => (await mount<HTMLElement>(html`<div class="m"></div>`, '.m')).append(el), `${tag} error`);
    }
  });
});
