// One declarative source path: a widget's own `src`/`source-type` reads its other attributes and
// inline JSON exactly as `<si-data-source>` does (source-options.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { Task } from '@lit/task';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '@sozial-innovativ/adapters/register';
import { clearFetchCache, registerAdapterType, type AdapterOptions } from '../index.js';
import { SiElement, defineElement, renderError, renderLoading } from '../elements.js';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '../define/data-source.js';

/** A minimal widget with its own `src`: adapter → task → titles or the error state. */
class TestSourceTitles extends SiElement {
  private task = new Task(this, {
    task: async ([adapter], { signal }) => adapter!.events!({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, { signal }),
    args: () => [this.source.adapter] as const,
  });
  override render() {
    if (!this.source.adapter) return renderLoading(this.language);
    return this.task.render({
      pending: () => renderLoading(this.language),
      error: (e) => renderError(this.language, e, () => this.task.run()),
      complete: (r) => litHtml`<ul>${r.items.map((e) => litHtml`<li>${e.title}</li>`)}</ul>`,
    });
  }
}
defineElement('test-source-titles', TestSourceTitles);

const FEED = 'https://daten.example.test/termine.json';
const EVENTS = { events: [{ id: '1', title: 'Repair-Café Görlitz', start: '2025-10-21T17:00:00+02:00' }] };
const BODY = JSON.stringify(EVENTS);
const BYTES = new TextEncoder().encode(BODY).length;
let requests = 0;
const worker = setupWorker(
  http.get(FEED, () => {
    requests++;
    return new HttpResponse(BODY, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(BYTES) } });
  }),
);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
beforeEach(() => {
  clearFetchCache();
  requests = 0;
});

const widgetIn = (el: Element): TestSourceTitles => (el.localName === 'test-source-titles' ? el : el.querySelector('test-source-titles')!) as TestSourceTitles;
const titles = (w: Element) => [...w.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
const alertText = (w: Element) => w.shadowRoot!.querySelector('[role=alert]')?.textContent ?? '';
const TOO_LARGE = 'The data source sends more data than can be shown here.';

describe('one declarative source path: a widget\'s own src and <si-data-source>', () => {
  const ways = {
    'a widget\'s own src': (maxBytes: string) => html`<test-source-titles lang="en" src=${FEED} max-bytes=${maxBytes}></test-source-titles>`,
    '<si-data-source>': (maxBytes: string) =>
      html`<si-data-source src=${FEED} max-bytes=${maxBytes}><test-source-titles lang="en"></test-source-titles></si-data-source>`,
  };
  for (const [way, template] of Object.entries(ways)) {
    it(`${way}: max-bytes refuses a larger response as too large`, async () => {
      const w = widgetIn(await fixture(template(String(BYTES - 1))));
      await waitUntil(() => alertText(w), 'no error shown');
      expect(alertText(w)).to.contain(TOO_LARGE);
      expect(titles(w)).to.deep.equal([]);
      await expect(w).to.be.accessible();
    });

    it(`${way}: max-bytes at the response's size lets it through`, async () => {
      const w = widgetIn(await fixture(template(String(BYTES))));
      await waitUntil(() => titles(w).length === 1, 'the events did not render');
      expect(titles(w)).to.deep.equal(['Repair-Café Görlitz']);
      expect(requests).to.equal(1);
    });
  }

  const inline = {
    'a widget\'s own source-type': () =>
      html`<test-source-titles source-type="memory"><script type="application/json">${BODY}</script></test-source-titles>`,
    '<si-data-source>': () =>
      html`<si-data-source type="memory"><script type="application/json">${BODY}</script><test-source-titles></test-source-titles></si-data-source>`,
  };
  for (const [way, template] of Object.entries(inline)) {
    it(`${way}: reads inline JSON from a child script`, async () => {
      const w = widgetIn(await fixture(template()));
      await waitUntil(() => titles(w).length === 1, 'the inline events did not render');
      expect(titles(w)).to.deep.equal(['Repair-Café Görlitz']);
      expect(requests).to.equal(0);
    });
  }

  it('a widget\'s own source-type: inline JSON that is not JSON is a parse error the widget shows', async () => {
    const w = await fixture<TestSourceTitles>(html`<test-source-titles lang="en" source-type="json"><script type="application/json">{kaputt</script></test-source-titles>`);
    await waitUntil(() => alertText(w), 'no error shown');
    expect(alertText(w)).to.contain('The inline JSON data is not valid JSON');
  });

  it('a widget passes only attributes it does not declare itself, and makes its adapter again when one changes', async () => {
    const seen: AdapterOptions[] = [];
    registerAdapterType('test-widget-options', (options) => {
      seen.push(options);
      return createMemoryAdapter(EVENTS);
    });
    const w = await fixture<TestSourceTitles>(
      html`<test-source-titles source-type="test-widget-options" src=${FEED} per-page="50" lang="en" easy-read class="x" data-x="1" aria-label="Termine"></test-source-titles>`,
    );
    await waitUntil(() => titles(w).length === 1);
    expect(seen).to.deep.equal([{ src: FEED, perPage: '50' }]);
    // Attributes that are no options neither reload the adapter…
    w.setAttribute('class', 'y');
    w.easyRead = false;
    await w.updateComplete;
    // …nor does an option attribute set to the same value.
    w.setAttribute('per-page', '50');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.have.length(1);
    w.setAttribute('per-page', '20');
    await waitUntil(() => seen.length === 2, 'a changed option attribute did not make the adapter again');
    expect(seen[1]).to.deep.equal({ src: FEED, perPage: '20' });
  });
});
