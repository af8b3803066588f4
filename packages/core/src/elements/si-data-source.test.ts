import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { Task } from '@lit/task';
import '@sozial-innovativ/adapters/register';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { SiElement, renderError, renderLoading, defineElement } from '../elements.js';
import { registerAdapterType, type AdapterOptions } from '../adapter.js';
import '../define/data-source.js';

/** A minimal widget: proves adapter → context → widget → screen. */
class TestTitles extends SiElement {
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
defineElement('test-titles', TestTitles);

const titles = (el: Element) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

describe('<si-data-source> → context → widget', () => {
  it('provides inline JSON to every widget inside it', async () => {
    const el = await fixture(html`<si-data-source type="memory">
      <script type="application/json">{"events":[{"id":"1","title":"Impact Hub Leipzig","start":"2025-10-21T17:00:00+02:00"}]}</script>
      <test-titles></test-titles><div><test-titles></test-titles></div>
    </si-data-source>`);
    const widgets = [...el.querySelectorAll('test-titles')];
    await waitUntil(() => widgets.every((w) => titles(w).length === 1), 'widgets did not render the events');
    expect(titles(widgets[1]!)).to.deep.equal(['Impact Hub Leipzig']);
    await expect(widgets[0]).to.be.accessible();
  });

  it('switches every widget when the adapter changes', async () => {
    const el = await fixture<HTMLElement & { adapter: unknown }>(html`<si-data-source><test-titles></test-titles></si-data-source>`);
    el.adapter = createMemoryAdapter({ events: [{ id: 'a', title: 'TELUX Weißwasser', start: '2025-11-09' }] });
    const w = el.querySelector('test-titles')!;
    await waitUntil(() => titles(w)[0] === 'TELUX Weißwasser');
  });

  it('turns an unknown source type into an error the widget shows, with a retry button', async () => {
    const el = await fixture(html`<si-data-source type="nope"><test-titles lang="en"></test-titles></si-data-source>`);
    const w = el.querySelector('test-titles')!;
    await waitUntil(() => w.shadowRoot!.querySelector('[role=alert]'));
    const alert = w.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('The data source is not set up correctly.');
    expect(alert.textContent).to.contain('Unknown source type "nope"');
    await expect(w).to.be.accessible();
  });

  it('prefers the widget\'s own adapter property over the context', async () => {
    const el = await fixture(html`<si-data-source type="memory"><script type="application/json">{"events":[]}</script><test-titles></test-titles></si-data-source>`);
    const w = el.querySelector('test-titles') as TestTitles;
    w.adapter = createMemoryAdapter({ events: [{ id: 'own', title: 'Eigene Daten', start: '2025-05-05' }] });
    await waitUntil(() => titles(w)[0] === 'Eigene Daten');
  });

  it('passes its other attributes to the adapter factory as camel-cased string options', async () => {
    const seen: AdapterOptions[] = [];
    registerAdapterType('test-options', (options) => {
      seen.push(options);
      return createMemoryAdapter({ events: [] });
    });
    const el = await fixture(html`<si-data-source type="test-options" src="https://api.example.test/v0" bbox="51,12,51.6,15" per-page="50" class="x"></si-data-source>`);
    await waitUntil(() => seen.length > 0);
    expect(seen[0]).to.include({ src: 'https://api.example.test/v0', bbox: '51,12,51.6,15', perPage: '50' });
    expect(seen[0]).not.to.have.property('class');
    el.setAttribute('class', 'y');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen, 'an attribute that is no option reloaded the adapter').to.have.length(1);
    el.setAttribute('tags', 'wohnen');
    await waitUntil(() => seen.some((o) => o.tags === 'wohnen'), 'a changed option attribute did not reload the adapter');
  });

  it('merges its nested sources (type="merge"): the widget gets them by time, and the nested ones no option of their label', async () => {
    const seen: AdapterOptions[] = [];
    registerAdapterType('test-labelled', (options) => {
      seen.push(options);
      return createMemoryAdapter({ events: [{ id: 'b', title: 'Zweite Quelle', start: '2025-03-01' }] });
    });
    const el = await fixture(html`<si-data-source type="merge">
      <si-data-source type="memory" label="Erste"><script type="application/json">{"events":[{"id":"a","title":"Erste Quelle","start":"2025-04-01"}]}</script></si-data-source>
      <si-data-source type="test-labelled" label="Zweite" region="ost"></si-data-source>
      <test-titles></test-titles>
    </si-data-source>`);
    const w = el.querySelector('test-titles')!;
    await waitUntil(() => titles(w).length === 2, 'the widget did not get both sources');
    expect(titles(w)).to.deep.equal(['Zweite Quelle', 'Erste Quelle']);
    expect(seen[0]).to.include({ region: 'ost' });
    expect(seen[0]).not.to.have.property('label');
  });

  it('warns instead of throwing when a tag is already taken', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('test-titles', class extends HTMLElement {});
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(0); // same version: silently skipped
    customElements.define('test-foreign', class extends HTMLElement {});
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('test-foreign', TestTitles);
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0])).to.contain('<test-foreign> is already defined by other code');
  });
});
