// Focus appearance, measured in both browsers (issue #18; WCAG 2.2 1.4.11 non-text contrast and
// the 2.4.13-style minimum): under every theme the configurator lets a partner set, every
// interactive element of every widget, focused from the keyboard, shows a ring at least 2 px wide
// whose colour has at least 3 : 1 contrast with the background next to it.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import {
  $, $$, ALL_DATA, allElements, calendar, card, closeDialog, deepActive, finder, nextFrame, openEvent, showcase, text, toResults,
} from './fixtures.js';
import { focusPage } from './a11y-tree.js';

const data = () => createMemoryAdapter(ALL_DATA);

// ── Colour arithmetic (WCAG 2.2 relative luminance, as demo/configurator.ts computes it) ─────

type RGBA = [r: number, g: number, b: number, a: number];
const hex = (h: string): RGBA => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1) as RGBA;
function parse(css: string): RGBA {
  const m = css.match(/rgba?\(([^)]+)\)/);
  if (!m) throw new Error(`cannot read the colour ${css}`);
  const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}
/** `top` painted over the opaque `bottom`. */
const over = (top: RGBA, bottom: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as RGBA;
const luminance = ([r, g, b]: RGBA) =>
  [r, g, b].map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i]!, 0);
function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
const show = ([r, g, b]: RGBA) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

// ── Themes: what the configurator offers, at the edges its AA check accepts ─────────────────

/**
 * The configurator (demo/configurator.ts) offers four colours: text, surface ("Hintergrund"),
 * accent, and text on accent, and checks text on surface, accent on surface and text on accent
 * against 4.5 : 1. A partner can set them as `theme-*` attributes or `--si-color-*` properties;
 * these are set as properties, as its CSS-block preview does. Each theme here passes that check,
 * most right at its edge; the focus colour itself is not offered, so the ring has to work with
 * whatever the partner picked.
 */
type Theme = Record<'text' | 'surface' | 'accent' | 'accent-contrast', string>;
const THEMES: Record<string, Theme> = {
  default: { text: '#1b1b1b', surface: '#ffffff', accent: '#0b5cad', 'accent-contrast': '#ffffff' },
  'grey accent at 4.5 : 1 on white': { text: '#000000', surface: '#ffffff', accent: '#767676', 'accent-contrast': '#ffffff' },
  'red accent, cream surface': { text: '#3e2723', surface: '#fff8e1', accent: '#b3261e', 'accent-contrast': '#ffffff' },
  'mid-grey surface at 4.5 : 1 with black': { text: '#000000', surface: '#767676', accent: '#000000', 'accent-contrast': '#ffffff' },
  'blue surface, white accent': { text: '#ffffff', surface: '#0b5cad', accent: '#ffffff', 'accent-contrast': '#0b5cad' },
  'dark surface': { text: '#ffffff', surface: '#1b1b1b', accent: '#8ab4f8', 'accent-contrast': '#1b1b1b' },
  'black surface, yellow accent': { text: '#ffffff', surface: '#000000', accent: '#ffff00', 'accent-contrast': '#000000' },
};
const CONFIGURATOR_CHECKS = [['text', 'surface'], ['accent', 'surface'], ['accent-contrast', 'accent']] as const;

function applyTheme(el: HTMLElement, theme: Theme, extra: Record<string, string> = {}) {
  for (const [token, value] of Object.entries(theme)) el.style.setProperty(`--si-color-${token}`, value);
  for (const [name, value] of Object.entries(extra)) el.style.setProperty(name, value);
}

// ── Measuring a ring ─────────────────────────────────────────────────────────────────────

const INTERACTIVE = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const visible = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden');
};
const parentOf = (n: Element): Element | null => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null);
const label = (n: Element) => `<${n.localName}${n.getAttribute('part') ? ` part="${n.getAttribute('part')}"` : ''}> "${(text(n) || n.getAttribute('aria-label') || '').slice(0, 30)}"`;

/** The colour painted behind `from` (its own background included): every layer down to the page. */
function backgroundAt(from: Element | null): RGBA {
  const layers: RGBA[] = [];
  for (let n = from; n; n = parentOf(n)) {
    const bg = parse(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

interface Ring { colour: RGBA; width: number; offset: number; pseudo: boolean }
/** The outline the focused element shows: its own, or its `::after`'s (the card's block link). */
function ringOf(el: Element): Ring | undefined {
  for (const pseudo of [false, true]) {
    const s = getComputedStyle(el, pseudo ? '::after' : null);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
      return { colour: parse(s.outlineColor), width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset) || 0, pseudo };
    }
  }
  return undefined;
}

/**
 * The colours next to the ring. Drawn outside the element (offset ≥ 0), the ring lies on what
 * is behind the element, on both of its sides; drawn inside (negative offset), on the element's
 * own background. A `::after` ring surrounds the pseudo-element's box, the positioned ancestor.
 */
function adjacent(el: Element, ring: Ring): RGBA[] {
  if (ring.offset < 0) return [backgroundAt(el)];
  let box: Element = el;
  if (ring.pseudo) {
    for (let n = parentOf(el); n; n = parentOf(n)) {
      if (getComputedStyle(n).position !== 'static') {
        box = n;
        break;
      }
    }
  }
  return [backgroundAt(parentOf(box))];
}

/** Focuses every visible interactive element under `root`; lists each whose ring falls short. */
async function weakRings(root: Element, where: string): Promise<string[]> {
  // A key press first, so programmatic focus shows the keyboard ring (:focus-visible).
  await focusPage();
  await sendKeys({ press: 'Shift' });
  const found: string[] = [];
  const controls = allElements(root).filter((n) => n.matches(INTERACTIVE) && visible(n) && !n.closest('dialog:not([open])'));
  if (!controls.length) throw new Error(`${where}: nothing to focus`);
  for (const el of controls) {
    (el as HTMLElement).focus();
    if (deepActive() !== el) continue; // e.g. a control behind an open modal dialog
    const ring = ringOf(el);
    if (!ring) {
      found.push(`${where} ${label(el)}: no focus ring (focus-visible: ${el.matches(':focus-visible')})`);
      continue;
    }
    if (ring.width < 2) found.push(`${where} ${label(el)}: ring ${ring.width}px wide`);
    for (const bg of adjacent(el, ring)) {
      const ratio = contrast(over(ring.colour, bg), bg);
      if (ratio < 3) found.push(`${where} ${label(el)}: ring ${show(ring.colour)} on ${show(bg)} is ${ratio.toFixed(2)} : 1`);
    }
  }
  (deepActive() as HTMLElement | null)?.blur();
  return found;
}

// ── The widgets in their main states ────────────────────────────────────────────────────

type Extra = Record<string, string>;
const WIDGETS: Record<string, (theme: Theme, extra?: Extra) => Promise<string[]>> = {
  async 'si-event-calendar'(theme, extra) {
    const list = await calendar(data());
    applyTheme(list, theme, extra);
    await nextFrame();
    const weak = await weakRings(list, 'list:');
    const dialog = await openEvent(list, $$(list, '.agenda .event')[0]!);
    weak.push(...(await weakRings(dialog, 'event dialog:')));
    await closeDialog(dialog);
    const month = await calendar(data(), { view: 'month' });
    applyTheme(month, theme, extra);
    await waitUntil(() => $(month, '[role=grid]'));
    weak.push(...(await weakRings(month, 'month:')));
    // Only the roving cell is in the tab order; every other day is reached by arrow keys.
    for (const cell of $$(month, '[role=gridcell]').filter((c) => c.classList.contains('outside') || c.classList.contains('today')).slice(0, 3)) {
      cell.tabIndex = 0;
      weak.push(...(await weakRings(cell, `month ${cell.className.trim()}:`)));
    }
    return weak;
  },
  async 'si-initiative-cards'(theme, extra) {
    const el = await showcase(data());
    applyTheme(el, theme, extra);
    $<HTMLDetailsElement>(el, 'details.facets')!.open = true;
    await nextFrame();
    const weak = await weakRings(el, 'showcase:');
    const c = await card(data(), 'bring-together');
    c.setAttribute('details', '');
    applyTheme(c, theme, extra);
    await c.showDetails();
    await waitUntil(() => $<HTMLDialogElement>(c, 'dialog')?.open);
    weak.push(...(await weakRings($(c, 'dialog')!, 'details dialog:')));
    c.closeDetails();
    return weak;
  },
  async 'si-match-finder'(theme, extra) {
    const el = await finder(data());
    applyTheme(el, theme, extra);
    await nextFrame();
    const weak = await weakRings(el, 'start:');
    $(el, '[part~=start-button]')!.click();
    await waitUntil(() => $(el, 'form.step'));
    $(el, '[part~=next-button]')!.click();
    await waitUntil(() => $(el, '.error-summary'));
    weak.push(...(await weakRings(el, 'step 1 with error:')));
    await toResults(el);
    weak.push(...(await weakRings(el, 'results:')));
    return weak;
  },
};

describe('Focus appearance probes: the measurement finds a ring that is missing, thin or faint', () => {
  it('every theme passes the configurator\'s AA check', () => {
    for (const [name, theme] of Object.entries(THEMES)) {
      for (const [fg, bg] of CONFIGURATOR_CHECKS) {
        expect(contrast(hex(theme[fg]), hex(theme[bg])), `${name}: ${fg} on ${bg}`).to.be.at.least(4.5);
      }
    }
  });

  it('a ring in the surface colour, a 1 px ring and no ring are found', async () => {
    const weak = await WIDGETS['si-match-finder']!(THEMES.default!, { '--si-color-focus': '#ffffff' });
    expect(weak.length, 'a white ring on white passed').to.be.greaterThan(0);
    expect(weak[0]).to.match(/1\.00 : 1/);
    const el = await finder(data());
    const style = document.createElement('style');
    style.textContent = ':focus-visible { outline: 1px solid #000 !important; }';
    el.shadowRoot!.append(style);
    expect((await weakRings(el, 'thin:'))[0]).to.match(/ring 1px wide/);
    style.textContent = ':focus-visible { outline: none !important; }';
    expect((await weakRings(el, 'none:'))[0]).to.match(/no focus ring/);
  });
});

describe('WCAG 1.4.11 / 2.4.13 focus appearance: a ring of 2 px or more at 3 : 1 under every configurator theme', () => {
  for (const [widget, run] of Object.entries(WIDGETS)) {
    for (const [name, theme] of Object.entries(THEMES)) {
      it(`${widget}, ${name}`, async function () {
        this.timeout(30_000);
        expect(await run(theme)).to.deep.equal([]);
      });
    }
  }
});

describe('WCAG 1.4.3 / 1.4.11: muted text and control borders keep their contrast under every configurator theme', () => {
  // The configurator offers text, surface and accent; muted text and borders are not offered, so
  // they must follow the partner's colours. Read from the cascade as the widgets resolve them.
  for (const [name, theme] of Object.entries(THEMES)) {
    it(name, async () => {
      const el = await calendar(data());
      applyTheme(el, theme);
      await nextFrame();
      // A probe in the shadow root resolves each token to the colour the browser paints.
      const probe = document.createElement('span');
      el.shadowRoot!.append(probe);
      const token = (t: string) => {
        probe.style.color = `var(${t})`;
        return parse(getComputedStyle(probe).color);
      };
      const surface = token('--_surface');
      const alt = over(token('--_surface-alt'), surface);
      for (const [fg, min] of [['--_muted', 4.5], ['--_border', 3]] as const) {
        for (const [bgName, bg] of [['surface', surface], ['surface-alt', alt]] as const) {
          const c = contrast(over(token(fg), bg), bg);
          expect(c, `${fg} ${show(token(fg))} on ${bgName} ${show(bg)}: ${c.toFixed(2)} : 1`).to.be.at.least(min);
        }
      }
    });
  }
});
