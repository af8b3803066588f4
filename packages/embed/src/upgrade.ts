// The DOM work both bundles share: find what to load, upgrade the `data-si-widget` form, apply
// theme attributes. Values are only ever set as attributes or CSS custom properties, never parsed
// as HTML.
import { THEME_TOKENS, WIDGET_TAGS, isPlainColour, widgetTag, type WidgetTag } from './tags.js';

const PREFIX = '[sozial-innovativ]';
const SELECTOR = `${WIDGET_TAGS.join(',')},[data-si-widget]`;

/** The tags used under `root` (itself included) and the `data-si-widget` hosts, in document order. */
export function scan(root: ParentNode & Node): { tags: Set<WidgetTag>; hosts: HTMLElement[]; elements: HTMLElement[] } {
  const found: Element[] = root instanceof Element && root.matches(SELECTOR) ? [root] : [];
  found.push(...root.querySelectorAll(SELECTOR));
  const tags = new Set<WidgetTag>();
  const hosts: HTMLElement[] = [];
  const elements: HTMLElement[] = [];
  for (const el of found) {
    if (!(el instanceof HTMLElement)) continue;
    const own = widgetTag(el.localName);
    if (own && el.localName === own) {
      tags.add(own);
      elements.push(el);
    }
    if (el.hasAttribute('data-si-widget')) {
      const tag = widgetTag(el.dataset.siWidget);
      if (tag) {
        tags.add(tag);
        hosts.push(el);
      } else {
        console.warn(`${PREFIX} data-si-widget="${el.dataset.siWidget}" is not a known widget. Known: ${WIDGET_TAGS.map((t) => t.slice(3)).join(', ')}.`);
      }
    }
  }
  return { tags, hosts, elements };
}

const themed = new WeakSet<HTMLElement>();

/**
 * `theme-accent="#0b5cad"` → `--si-color-accent` on the element. Only plain colours (see
 * `isPlainColour`); anything else is ignored with a warning, so the widget keeps its default.
 */
export function applyTheme(el: HTMLElement): void {
  // Found again when an upgraded element is appended (the observer sees it): warn only once.
  if (themed.has(el)) return;
  themed.add(el);
  for (const token of THEME_TOKENS) {
    const value = el.getAttribute(`theme-${token}`);
    if (value === null) continue;
    if (isPlainColour(value) && CSS.supports('color', value)) {
      el.style.setProperty(`--si-color-${token}`, value.trim());
    } else {
      console.warn(`${PREFIX} <${el.localName}> theme-${token}="${value.slice(0, 80)}" is not a plain colour (#hex, rgb(), hsl() or a colour name); it is ignored.`);
    }
  }
}

/**
 * What a `data-*` option never becomes: an event handler, or a global attribute that changes what
 * the element does or how it looks. A CMS that strips `onclick` but keeps `data-onclick` must not
 * get a handler back through the loader.
 */
const NEVER = /^on|^(style|class|id|slot|part|exportparts|is|tabindex|accesskey|autofocus|contenteditable|draggable|popover|nonce|inert|hidden|role|itemprop|itemscope|itemtype|itemid|itemref)$|^(aria|data)-|[^a-z0-9-]/;

/**
 * Upgrades `<div data-si-widget="event-calendar" data-src="…">`: creates the `si-*` element inside
 * the div (the div stays for the CMS's styling) with each `data-<option>` as the `<option>`
 * attribute: the element's own attributes, `data-theme-*`, and the source's adapter options
 * (`data-preset="tribe"`, `data-max-bytes`, `data-bbox` …: a widget reads the attributes it does
 * not declare as options of its `src`), but never one of {@link NEVER}. Idempotent, also across
 * two copies of the bundle: a host that already holds its element is left alone.
 */
export function upgradeHost(host: HTMLElement): HTMLElement | undefined {
  const tag = widgetTag(host.dataset.siWidget);
  if (!tag || [...host.children].some((c) => c.localName === tag)) return undefined;
  const el = document.createElement(tag);
  for (const { name, value } of [...host.attributes]) {
    if (!name.startsWith('data-') || name === 'data-si-widget') continue;
    const attr = name.slice(5);
    if (!NEVER.test(attr)) el.setAttribute(attr, value);
    else console.warn(`${PREFIX} <${tag}> takes no "${attr}" option; ${name} is ignored.`);
  }
  // A data source provides its adapter to the widgets inside it, so it takes the host's content
  // (further data-si-widget hosts, inline JSON) along.
  if (tag === 'si-data-source') el.append(...host.childNodes);
  applyTheme(el);
  host.append(el);
  return el;
}
