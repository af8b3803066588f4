// The merged-calendar page: three organisers' feeds from demo/data, merged declaratively by
// <si-data-source type="merge">. The URLs come from the build (`new URL(…, import.meta.url)` makes
// Vite ship the files), so each nested source gets its `src` before the elements are defined:
// no source ever loads without it. A module file, so the page runs under a strict CSP.
const feeds: Record<string, string> = {
  dialogreihe: new URL('./data/dialogreihe.ics', import.meta.url).href,
  'impact-hub': new URL('./data/impact-hub-leipzig.json', import.meta.url).href,
  telux: new URL('./data/telux-weisswasser.ics', import.meta.url).href,
  // Deliberately missing: the notice for a source that is down.
  missing: new URL('data/stadtteilzentrum.json', document.baseURI).href,
};
for (const el of document.querySelectorAll<HTMLElement>('si-data-source[data-feed]')) el.setAttribute('src', feeds[el.dataset.feed!]!);

await import('@sozial-innovativ/adapters/register');
await import('@sozial-innovativ/core/define/data-source');
await import('@sozial-innovativ/event-calendar/define');
