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
 * strict `style-src` allows, unlike a `style="…"` attribute.
 */
export const THEME_TOKENS = ['text', 'muted', 'surface', 'surface-alt', 'accent', 'accent-contrast', 'border', 'focus'] as const;

/** `event-calendar`, `si-event-calendar`, ` Event-Calendar ` → `si-event-calendar`; anything else → undefined. */
export function widgetTag(name: string | null | undefined): WidgetTag | undefined {
  const n = (name ?? '').trim().toLowerCase();
  const tag = n.startsWith('si-') ? n : `si-${n}`;
  return (WIDGET_TAGS as readonly string[]).includes(tag) ? (tag as WidgetTag) : undefined;
}
