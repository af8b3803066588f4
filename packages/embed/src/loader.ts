// embed.js: the one script tag for partner sites. Defines the si-* elements on demand: only the
// code of the widgets present on the page is fetched (each widget is its own chunk; Lit and core
// one shared chunk). Safe to load twice, even in two versions: per tag, the first copy that
// starts loading it wins, and upgrades are idempotent.
import { scan, upgradeHost, applyTheme } from './upgrade.js';
import { sourceTypeOf, widgetTag, type WidgetTag } from './tags.js';

// Filled in by build.mjs (`chunkManifest`): per key (a tag, `<tag> <view>`, a source type) the
// chunks to request at once, relative to this file. Other builds of this module (the configurator)
// leave the marker and preload nothing: the imports below still load everything, one step later.
const CHUNKS: Record<string, string[]> = { __siChunks: [] };
const preloaded = new Set<string>();

/**
 * Requests the chunks of a widget, its view and its adapter now, all in one round: without this
 * the browser finds the shared chunk only after parsing the widget's, and the adapter only after
 * the widget asked for it. The imports then take them from the module map.
 */
function preload(tag: WidgetTag, attr: (name: string) => string | null): void {
  for (const key of [tag, `${tag} ${attr('view')}`, sourceTypeOf(tag, attr)]) {
    for (const file of CHUNKS[key!] ?? []) {
      if (preloaded.has(file)) continue;
      preloaded.add(file);
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = new URL(file, import.meta.url).href;
      document.head.append(link);
    }
  }
}

const modules: Record<WidgetTag, () => Promise<unknown>> = {
  // The data source needs the adapter types (`type="json"` …) registered before it loads data.
  'si-data-source': () =>
    import('@sozial-innovativ/adapters/register').then(() => import('@sozial-innovativ/core/define/data-source')),
  'si-event-calendar': () => import('@sozial-innovativ/event-calendar/define'),
  'si-initiative-card': () => import('@sozial-innovativ/initiative-cards/define'),
  'si-initiative-cards': () => import('@sozial-innovativ/initiative-cards/define'),
  'si-match-finder': () => import('@sozial-innovativ/match-finder/define'),
};

// Shared by every copy of the loader on the page (a global symbol, a shape that never changes).
const loading = ((globalThis as Record<symbol, unknown>)[Symbol.for('@sozial-innovativ/embed/loading')] ??=
  new Map<string, Promise<unknown>>()) as Map<string, Promise<unknown>>;

function load(tag: WidgetTag): Promise<unknown> {
  let pending = loading.get(tag);
  if (!pending) {
    const existing = customElements.get(tag) as (CustomElementConstructor & { siVersion?: string }) | undefined;
    if (existing && !existing.siVersion) console.warn(`[sozial-innovativ] <${tag}> is already defined by other code on this page; Sozial.Innovativ leaves it alone.`);
    pending = existing
      ? Promise.resolve()
      : modules[tag]().then(
          () => customElements.whenDefined(tag),
          (e: unknown) => console.warn(`[sozial-innovativ] <${tag}> could not be loaded:`, e),
        );
    loading.set(tag, pending);
  }
  return pending;
}

async function run(root: ParentNode & Node): Promise<void> {
  const { tags, hosts, elements } = scan(root);
  if (!tags.size) return;
  elements.forEach(applyTheme);
  for (const el of elements) preload(el.localName as WidgetTag, (name) => el.getAttribute(name));
  for (const host of hosts) preload(widgetTag(host.dataset.siWidget)!, (name) => host.getAttribute(`data-${name}`));
  if (tags.has('si-data-source')) await load('si-data-source');
  await Promise.all([...tags].map(async (tag) => {
    await load(tag);
    for (const host of hosts) if (host.isConnected && widgetTag(host.dataset.siWidget) === tag) upgradeHost(host);
  }));
}

new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) void run(node);
}).observe(document, { childList: true, subtree: true });
void run(document);
