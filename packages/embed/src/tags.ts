// DOM-free facts shared by the loader, the self-contained bundle, the configurator and npm users.

/** Every element the embed bundles know, in load order: the data source first, so context exists before widgets. */
export const WIDGET_TAGS = [
  'si-data-source',
  'si-event-calendar',
  'si-initiative-card',
  'si-initiative-cards',
  'si-match-finder',
] as const;

export type WidgetTag = (typeof WIDGET_TAGS)[number];

/**
 * Colour tokens an editor may set as `theme-<name>="#…"` attributes (`data-theme-<name>` on the
 * `data-si-widget` form). The bundle applies them as `--si-color-<name>` through CSSOM, which a
 * strict `style-src` allows, unlike a `style="…"` attribute. Only plain colours are taken
 * ({@link isPlainColour}).
 */
export const THEME_TOKENS = ['text', 'muted', 'surface', 'surface-alt', 'accent', 'accent-contrast', 'border', 'focus'] as const;

const HEX = /^#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;
// Numbers with an optional unit, separated by commas, slashes or spaces: `rgb(11 92 173 / 50%)`,
// `hsl(210deg, 88%, 36%)`. Nothing else may stand between the parentheses.
const FUNCTION = /^(?:rgba?|hsla?)\(\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?:%|deg|grad|rad|turn)?(?:\s*[,/\s]\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?:%|deg|grad|rad|turn)?){2,3}\s*\)$/i;
// Colour names are plain words; these plain words are not colours of their own.
const NAME = /^[a-z]{3,30}$/i;
const NOT_A_COLOUR = new Set(['inherit', 'initial', 'unset', 'revert', 'currentcolor']);

/**
 * Whether a `theme-*` value has the shape of a plain colour: hex, `rgb()`/`hsl()` with numbers
 * only, or a name. Everything else (`var(`, `url(`, `color-mix(`, `calc(`, `;`) is refused: the
 * value becomes a custom property that the host page or data could otherwise turn into a request
 * (`url()`) or into the host's own values (`var()`). Whether a name is a real colour the browser
 * decides (`CSS.supports`).
 */
export function isPlainColour(value: string): boolean {
  const v = value.trim();
  if (v.length > 64) return false;
  return HEX.test(v) || FUNCTION.test(v) || (NAME.test(v) && !NOT_A_COLOUR.has(v.toLowerCase()));
}

/** `event-calendar`, `si-event-calendar`, ` Event-Calendar ` → `si-event-calendar`; anything else → undefined. */
export function widgetTag(name: string | null | undefined): WidgetTag | undefined {
  const n = (name ?? '').trim().toLowerCase();
  const tag = n.startsWith('si-') ? n : `si-${n}`;
  return (WIDGET_TAGS as readonly string[]).includes(tag) ? (tag as WidgetTag) : undefined;
}

/**
 * The adapter type an element's source needs, picked as the element picks it: `<si-data-source
 * type>` (json by default); a widget's `source-type`, else guessed from its `src` the way core's
 * `guessSourceType` does (`.ics`, `webcal:` → ical); undefined for a widget without a source of
 * its own. `attr` reads an attribute (`data-<name>` on a `data-si-widget` host).
 */
export function sourceTypeOf(tag: WidgetTag, attr: (name: string) => string | null): string | undefined {
  if (tag === 'si-data-source') return attr('type') || 'json';
  const src = attr('src');
  return attr('source-type') || (src ? (/\.ics([?#]|$)|^webcal:/i.test(src) ? 'ical' : 'json') : undefined);
}
