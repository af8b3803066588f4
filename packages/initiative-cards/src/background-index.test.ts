import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { validateInitiatives, type Initiative } from '@sozial-innovativ/core';
import { generateInitiatives } from '../../../demo/data/generate-initiatives.js';
import '../src/define.js';
import type { SiInitiativeCards } from './si-initiative-cards.js';
import { InitiativeCollection } from './collection.js';
import { emptySelection } from './facets.js';
import type { CardsFilter } from './keys.js';

// The search index (MiniSearch) loads after the first page of cards and builds in the background.
// The first test must run first in this file: afterwards the search module is in the page.

const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);
const status = (el: Element) => $(el, '[part=status]')?.textContent?.trim() ?? '';
const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll('si-initiative-card')];
const names = (el: Element) => cards(el).map((c) => c.initiative!.name);
const requested = (pattern: RegExp) => performance.getEntriesByType('resource').some((r) => pattern.test(r.name));
/** The search module and MiniSearch, however the dev server names them. */
const SEARCH_MODULE = /\/src\/search\.[jt]s|\/minisearch\//;

/** Mounts the cards with `items`; resolves at the moment the first cards are in the DOM. */
async function mountCards(items: readonly Initiative[], lang = 'de'): Promise<SiInitiativeCards> {
  const el = await fixture<SiInitiativeCards>(`<si-initiative-cards lang=${lang}></si-initiative-cards>`);
  const shown = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!cards(el).length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  });
  el.adapter = createMemoryAdapter({ initiatives: items });
  await shown;
  return el;
}

/** Every status text and whether the results were busy, as each render left them. */
function recordStatus(el: SiInitiativeCards): { status: string; busy: boolean }[] {
  const seen: { status: string; busy: boolean }[] = [];
  const record = () => {
    const entry = { status: status(el), busy: $(el, '[part=results]')?.getAttribute('aria-busy') === 'true' };
    const last = seen.at(-1);
    if (last?.status !== entry.status || last.busy !== entry.busy) seen.push(entry);
  };
  record();
  new MutationObserver(record).observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true, attributes: true });
  return seen;
}

const many = validateInitiatives(generateInitiatives(3000)).items;

/** What a search finds once its index is complete: the page of names and the count. */
async function searched(filter: Partial<CardsFilter>): Promise<{ total: number; names: string[] }> {
  // Not imported at the top: the first test checks when the page first loads this module.
  const { buildIndex } = await import('./search.js');
  const result = new InitiativeCollection(many, buildIndex(many)).query({ ...emptySelection(), near: '', sort: 'relevance', q: '', ...filter });
  return { total: result.total, names: result.first(24).map((p) => many[p]!.name) };
}

describe('<si-initiative-cards> search index in the background', () => {
  it('shows the first cards before the search module is requested, and loads it afterwards without a search', async () => {
    const el = await mountCards(many);
    expect(cards(el)).to.have.length(24);
    expect(status(el)).to.equal('3.000 Initiativen gefunden');
    // The method sees lazily loaded modules: the cards view came with the data.
    expect(requested(/\/src\/cards-view\.[jt]s/), 'cards view loaded').to.equal(true);
    expect(requested(SEARCH_MODULE), 'search module at the first render').to.equal(false);
    await waitUntil(() => requested(SEARCH_MODULE), 'the search module was not loaded after the first render', { timeout: 5000 });
  });

  it('says the search is being prepared when a visitor types at once, then shows the same result as a later search', async () => {
    const el = await mountCards(many);
    const seen = recordStatus(el);
    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ type: 'Nachbarschaft Goerlitz' });
    await el.updateComplete;

    const expected = await searched({ q: 'Nachbarschaft Goerlitz' });
    expect(expected.total).to.be.greaterThan(24);
    expect(status(el)).to.equal(`${expected.total} Initiativen gefunden`);
    expect(names(el)).to.deep.equal(expected.names);
    expect($(el, '[part=results]')!.hasAttribute('aria-busy')).to.equal(false);
    // Meanwhile: a polite status said so, over a busy result list.
    expect(seen).to.deep.include({ status: 'Die Suche wird vorbereitet …', busy: true });
    expect(seen.at(-1)!.status).to.equal(status(el));
    await expect(el).to.be.accessible();
  });

  it('prepares the search in English too, with the other filters applied meanwhile', async () => {
    const el = await mountCards(many, 'en');
    const seen = recordStatus(el);
    // As the first cards show, before the page was idle: nothing is indexed yet.
    el.q = 'Repair';
    el.kinds = ['project'];
    await new Promise(requestAnimationFrame);
    const projects = many.filter((x) => x.kind === 'project');
    expect(status(el)).to.equal('Preparing the search …');
    expect($(el, '[part=results]')!.getAttribute('aria-busy')).to.equal('true');
    expect(names(el)[0]).to.equal(projects.map((x) => x.name).sort(new Intl.Collator('de', { numeric: true }).compare)[0]);
    await el.updateComplete;
    const expected = await searched({ q: 'Repair', kinds: ['project'] });
    expect(expected.total).to.be.greaterThan(0);
    expect(status(el)).to.equal(`${expected.total} initiatives found`);
    expect(names(el)).to.deep.equal(expected.names);
    expect(seen.map((s) => s.status)).to.include('Preparing the search …');
  });
});
