// Privacy gate of issue #9: every widget journey requests nothing but the page's own host and the
// configured data source; nothing is left in cookies, web storage or IndexedDB; the match
// finder's answers appear in no URL, request body, header or event detail.
import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { clearFetchCache } from '@sozial-innovativ/core';
import {
  $, $$, ALL_DATA, INITIATIVES, TIMEOUT, calendarReady, closeDialog, finderReady, foreignRequests, mount, openEvent, recordRequests, showcaseReady,
  sleep, storageLeftovers, type SiEventCalendar, type SiInitiativeCard, type SiInitiativeCards, type SiMatchFinder,
} from './fixtures.js';

const SOURCE = 'https://daten.example.test/sozial-innovativ.json';
const SOURCE_HOST = new URL(SOURCE).host;
const worker = setupWorker(http.get(SOURCE, () => HttpResponse.json(ALL_DATA)));
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
beforeEach(() => clearFetchCache());

const seen = { requests: 0, journeys: 0 };
after(() => console.log(`[quality] privacy: ${seen.journeys} journeys, ${seen.requests} requests observed, all to the page or the data source`));

/** Answers the journey gives: none may leave the widget. */
const ANSWERS = { household: 'family', postcode: '04109', rent: '637' };

describe('Privacy: only the page and the data source, nothing stored, answers never leave', () => {
  it('every widget journey, through <si-data-source> and src, requests only allowed hosts and stores nothing', async () => {
    const recorder = recordRequests();
    const page = await mount<HTMLElement>(html`<div>
      <si-data-source type="json" src=${SOURCE}>
        <si-event-calendar date="2026-10-01" months="2"></si-event-calendar>
        <si-initiative-cards></si-initiative-cards>
        <si-initiative-card initiative-id="bring-together"></si-initiative-card>
      </si-data-source>
      <si-match-finder src=${SOURCE} source-type="json"></si-match-finder>
    </div>`, 'div');
    const cal = page.querySelector<SiEventCalendar>('si-event-calendar')!;
    await calendarReady(cal);
    await waitUntil(() => $$(cal, '.agenda .event').length > 0, 'no events', { timeout: TIMEOUT });
    const dialog = await openEvent(cal, $$(cal, '.agenda .event')[0]!);
    await closeDialog(dialog);
    const cards = page.querySelector<SiInitiativeCards>('si-initiative-cards')!;
    await showcaseReady(cards);
    const first = $(cards, 'si-initiative-card') as SiInitiativeCard;
    await first.showDetails();
    first.closeDetails();
    const single = page.querySelector<SiInitiativeCard>('si-initiative-card')!;
    await waitUntil(() => $(single, 'article'));

    // The match finder: every step answered (radio, location by postcode, range), results shown.
    const finder = page.querySelector<SiMatchFinder>('si-match-finder')!;
    const details: unknown[] = [];
    const listen = (e: Event) => details.push((e as CustomEvent).detail);
    for (const type of ['si-match-step', 'si-match-complete']) document.addEventListener(type, listen);
    try {
      await finderReady(finder);
      $(finder, '[part~=start-button]')!.click();
      for (let step = 0; step < 6; step++) {
        await finder.updateComplete;
        const radio = $<HTMLInputElement>(finder, `input[value=${ANSWERS.household}]`) ?? $<HTMLInputElement>(finder, 'input[name=answer]');
        radio?.click();
        const postcode = $<HTMLInputElement>(finder, '#postcode');
        if (postcode) postcode.value = ANSWERS.postcode;
        const max = $<HTMLInputElement>(finder, '#max');
        if (max) max.value = ANSWERS.rent;
        $(finder, '[part~=next-button]')!.click();
      }
      await waitUntil(() => $(finder, '[part~=check]'));
      expect($(finder, '[part~=check]')!.textContent).to.contain(ANSWERS.postcode); // the answers were given
      $(finder, '[part~=results-button]')!.click();
      await waitUntil(() => $(finder, '[part~=results]'));
    } finally {
      for (const type of ['si-match-step', 'si-match-complete']) document.removeEventListener(type, listen);
    }
    await sleep(100);
    const urls = recorder.stop().filter((u) => !u.includes('/node_modules/axe-core/'));
    seen.requests += urls.length;
    seen.journeys += 4;
    // The data source was really used (the test can fail).
    expect(urls.filter((u) => u === SOURCE).length).to.be.at.least(1);
    expect(foreignRequests(urls, [location.host, SOURCE_HOST])).to.deep.equal([]);
    expect(await storageLeftovers()).to.deep.equal([]);

    const everywhere = [location.href, ...urls, ...recorder.calls.flatMap((c) => [c.body, c.headers]), JSON.stringify(details)].join('\n');
    const leaked = [ANSWERS.postcode, ANSWERS.rent, '"family"'].filter((a) => everywhere.includes(a));
    expect(leaked, 'answers found in URLs, request bodies, headers or event details').to.deep.equal([]);
    // Only step numbers and the ranked offer ids leave the widget.
    for (const d of details) expect(Object.keys(d as object).sort().join()).to.be.oneOf(['step,total', 'offerIds']);
  });

  it('images from data are fetched without telling their host which page shows them', async () => {
    // A 1×1 GIF; the handler records what the image host would learn about the page.
    const gif = Uint8Array.from(atob('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=='), (c) => c.charCodeAt(0));
    const seenByImageHost: { url: string; referrer: string }[] = [];
    const withImages = 'https://daten.example.test/mit-bildern.json';
    const initiatives = INITIATIVES.map((x, i) => ({ ...x, image: { url: `https://bilder.example.test/${x.id}.gif`, alt: `Bild ${i + 1}` } }));
    worker.use(
      http.get(withImages, () => HttpResponse.json({ initiatives })),
      http.get('https://bilder.example.test/*', ({ request }) => {
        seenByImageHost.push({ url: request.url, referrer: request.referrer });
        return new HttpResponse(gif, { headers: { 'content-type': 'image/gif' } });
      }),
    );
    const page = await mount<HTMLElement>(html`<div>
      <si-data-source type="json" src=${withImages}>
        <si-initiative-cards></si-initiative-cards>
        <si-initiative-card initiative-id="telux"></si-initiative-card>
      </si-data-source>
    </div>`, 'div');
    const cards = page.querySelector<SiInitiativeCards>('si-initiative-cards')!;
    await showcaseReady(cards);
    const single = page.querySelector<SiInitiativeCard>('si-initiative-card')!;
    await waitUntil(() => $(single, 'img'), 'the card shows no image', { timeout: TIMEOUT });
    const images = [single, ...$$<SiInitiativeCard>(cards, 'si-initiative-card')].flatMap((card) => $$<HTMLImageElement>(card, 'img'));
    expect(images.length).to.equal(INITIATIVES.length + 1);
    await waitUntil(() => images.every((img) => img.complete), 'the images did not load', { timeout: TIMEOUT });
    expect(images.map((img) => img.naturalWidth)).to.deep.equal(images.map(() => 1));
    expect(seenByImageHost.length).to.be.at.least(1);
    // Neither the page's address nor its origin reaches the image host.
    expect(seenByImageHost.filter((r) => r.referrer !== '' && r.referrer !== 'about:client')).to.deep.equal([]);
    expect(images.map((img) => img.referrerPolicy)).to.deep.equal(images.map(() => 'no-referrer'));
    worker.resetHandlers();
  });

  it('the demo pages, loaded with every widget on them, ask only their own host', async function () {
    this.timeout(40_000);
    // calendar.html imports JSON as a module, which only Vite serves; its widgets get a memory
    // adapter and make no request at all.
    const pages = ['index.html', 'initiatives.html', 'match.html', 'volunteer.html', 'merged-sources.html'];
    const found: string[] = [];
    for (const name of pages) {
      const frame = document.createElement('iframe');
      frame.src = `/demo/${name}`;
      frame.style.setProperty('width', '1024px');
      frame.style.setProperty('height', '700px');
      document.body.append(frame);
      try {
        await new Promise((resolve, reject) => {
          frame.onload = resolve;
          frame.onerror = reject;
        });
        const doc = frame.contentDocument!;
        const widgets = [...doc.querySelectorAll('si-event-calendar, si-initiative-cards, si-initiative-card, si-match-finder')];
        // Every widget on the page must reach a state other than loading.
        await waitUntil(() => widgets.every((w) => (w as HTMLElement).hidden || (w.shadowRoot && !w.shadowRoot.querySelector('[part~=loading]'))),
          `${name}: a widget kept loading`, { timeout: 15_000 });
        const finder = doc.querySelector<SiMatchFinder>('si-match-finder');
        if (finder) {
          $(finder, '[part~=start-button]')?.click();
          for (let i = 0; i < 12 && !$(finder, '[part~=check]'); i++) {
            await finder.updateComplete;
            ($<HTMLInputElement>(finder, 'input[name=answer]') ?? $(finder, '[part~=skip-button]'))?.click();
            $(finder, '[part~=next-button]')?.click();
          }
          await finder.updateComplete;
          $(finder, '[part~=results-button]')?.click();
        }
        await sleep(200);
        const urls = frame.contentWindow!.performance.getEntriesByType('resource').map((r) => r.name);
        seen.requests += urls.length;
        seen.journeys++;
        found.push(...foreignRequests(urls, [location.host]).map((u) => `${name}: ${u}`));
      } finally {
        frame.remove();
      }
    }
    expect(found).to.deep.equal([]);
    expect(await storageLeftovers()).to.deep.equal([]);
  });
});
