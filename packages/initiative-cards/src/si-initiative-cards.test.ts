import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { AdapterError } from '@sozial-innovativ/core';
import { flakyAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import '../src/define.js';
import type { SiInitiativeCards } from './si-initiative-cards.js';
import type { SiInitiativeCard } from './si-initiative-card.js';
import { fixtureInitiatives } from './test-fixtures/initiatives.js';

const adapter = () => createMemoryAdapter({ initiatives: fixtureInitiatives });
const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s)!;
const status = (el: Element) => $(el, '[part=status]')?.textContent?.trim() ?? '';
const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll('si-initiative-card')];
const names = (el: Element) => cards(el).map((c) => c.initiative!.name);
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function mountCards(attrs = ''): Promise<SiInitiativeCards> {
  const el = await fixture<SiInitiativeCards>(`<si-initiative-cards lang="de" ${attrs}></si-initiative-cards>`);
  el.adapter = adapter();
  await waitUntil(() => $(el, '[part=status]'), '<si-initiative-cards> did not render its data');
  await Promise.all(cards(el).map((c) => c.updateComplete));
  return el;
}

async function typeInto(el: SiInitiativeCards, selector: string, text: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  await el.updateComplete;
}

const label = (el: Element, legend: string, value: string) => {
  const fieldset = [...el.shadowRoot!.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')!.textContent === legend)!;
  return [...fieldset.querySelectorAll('label')].find((l) => l.textContent!.trim().startsWith(value))!;
};

describe('<si-initiative-cards>', () => {
  it('shows every initiative as a list item with set size and position, and is accessible', async () => {
    const el = await mountCards('heading="Initiativen in Sachsen"');
    expect(status(el)).to.equal('6 Initiativen gefunden');
    expect($(el, '[part=status]').getAttribute('role')).to.equal('status');
    const items = [...el.shadowRoot!.querySelectorAll('[part=results] > li')];
    expect(items.map((li) => li.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5', '6']);
    expect(items.every((li) => li.getAttribute('aria-setsize') === '6')).to.equal(true);
    expect(names(el)[0]).to.equal('bring-together');
    expect($(el, 'h2').textContent).to.equal('Initiativen in Sachsen');
    await expect(el).to.be.accessible();
  });

  it('finds Weißwasser however it is typed, with umlaut folding and typos', async () => {
    const el = await mountCards();
    for (const q of ['weisswasser', 'Weißwaßer', 'Weiswaser', 'WEISSW']) {
      await typeInto(el, '#q', q);
      expect(status(el), q).to.equal('1 Initiative gefunden');
      expect(names(el), q).to.deep.equal(['Soziokulturelles Zentrum TELUX']);
    }
    await typeInto(el, '#q', 'okodorf');
    expect(names(el)).to.deep.equal(['Ökodorf Zittau']);
    await expect(el).to.be.accessible();
  });

  it('ranks a name hit above a summary hit while searching', async () => {
    const el = await mountCards();
    await typeInto(el, '#q', 'Leipzig');
    expect(names(el)[0]).to.equal('Impact Hub Leipzig');
  });

  it('filters by every facet with counts that follow the other filters', async () => {
    const el = await mountCards();
    expect(label(el, 'Themen', 'Wohnen').textContent).to.contain('(2)');
    label(el, 'Themen', 'Wohnen').querySelector('input')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['bring-together', 'Ökodorf Zittau']);
    // Counts of other facets are among the results; Art counts ignore the Art filter itself.
    expect(label(el, 'Art', 'Sozialunternehmen').textContent).to.contain('(1)');
    label(el, 'Art', 'Initiative').querySelector('input')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Ökodorf Zittau']);
    expect(label(el, 'Themen', 'Kultur').textContent).to.contain('(0)');
    expect($(el, 'summary').textContent).to.contain('2 aktiv');
    await expect(el).to.be.accessible();

    el.resetFilters();
    await el.updateComplete;
    label(el, 'Zielgruppen', 'Seniorinnen und Senioren').querySelector('input')!.click();
    await el.updateComplete;
    expect(status(el)).to.equal('3 Initiativen gefunden');
    label(el, 'Landkreis oder kreisfreie Stadt', 'Bautzen').querySelector('input')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Mehrgenerationenhaus Bautzen']);
    el.resetFilters();
    await el.updateComplete;
    label(el, 'Ort', 'Zittau').querySelector('input')!.click();
    label(el, 'Ort', 'Weißwasser').querySelector('input')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Ökodorf Zittau', 'Soziokulturelles Zentrum TELUX']);
  });

  it('announces filter changes with si-filter-change', async () => {
    const el = await mountCards();
    setTimeout(() => label(el, 'Themen', 'Kultur').querySelector('input')!.click());
    const event = await oneEvent(el, 'si-filter-change');
    expect(event.detail.filter.topics).to.deep.equal(['Kultur']);
  });

  it('sorts by distance from a typed postcode, without any request', async () => {
    const el = await mountCards();
    await typeInto(el, '#plz', '02943');
    await el.updateComplete;
    expect(status(el)).to.equal('6 Initiativen gefunden, nach Entfernung von Weißwasser sortiert');
    // Bautzen (about 40 km) is nearer than Zittau (about 67 km, known by its town only).
    expect(names(el).slice(0, 3)).to.deep.equal(['Soziokulturelles Zentrum TELUX', 'Mehrgenerationenhaus Bautzen', 'Ökodorf Zittau']);
    expect($<HTMLSelectElement>(el, '#sort').value).to.equal('distance');
    expect($<HTMLSelectElement>(el, '#near').value).to.equal('Weißwasser');
    expect(cards(el)[0]!.shadowRoot!.querySelector('.meta')!.textContent).to.contain('km entfernt');
    await expect(el).to.be.accessible();
    await typeInto(el, '#plz', '99999');
    expect($(el, '#plz-note').textContent).to.contain('nicht hinterlegt');
    await expect(el).to.be.accessible();
  });

  it('sorts by a chosen town from the select and by name', async () => {
    const el = await mountCards('near="Annaberg-Buchholz" sort="distance"');
    expect(names(el)[0]).to.equal('Bürgerbus Erzgebirge');
    const sort = $<HTMLSelectElement>(el, '#sort');
    sort.value = 'name';
    sort.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)[0]).to.equal('bring-together');
  });

  it('opens details in a modal dialog whose focus cycles, and Escape returns focus to the card', async () => {
    const el = await mountCards();
    const card = cards(el)[0] as SiInitiativeCard;
    card.focus();
    expect(deepActive()?.textContent).to.equal('bring-together');
    const selected = oneEvent(el, 'si-initiative-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.initiative.id).to.equal('bring-together');
    // The dialog's code loads on first open: wait for the element, then for it to open.
    await waitUntil(() => card.shadowRoot!.querySelector('dialog')?.open, 'the dialog did not open');
    const dialog = card.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('dialog-title');
    expect(card.shadowRoot!.getElementById('dialog-title')!.textContent).to.equal('bring-together');
    expect(deepActive()?.textContent).to.equal('Schließen');
    const focusable = [...dialog.querySelectorAll('a[href], button')];
    expect(focusable.map((f) => f.getAttribute('href') ?? f.textContent)).to.deep.equal([
      'Schließen', 'mailto:hallo@bring-together.example', 'tel:+49341000000', 'https://www.bring-together.de/de',
      'https://www.bring-together.de/de', 'https://example.org/quelle',
    ]);
    await expect(card).to.be.accessible();
    for (let i = 1; i < focusable.length; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(focusable[focusable.length - 1]);
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.equal('Schließen');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal(focusable[focusable.length - 1]);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !card.shadowRoot!.querySelector('dialog'));
    expect(deepActive()?.textContent).to.equal('bring-together');
  });

  it('can be browsed with the keyboard alone, and "show more" moves focus to the first new card', async () => {
    const el = await mountCards('page-size="2" hide-filters');
    expect(el.shadowRoot!.querySelector('[part=facets]')).to.equal(null);
    $<HTMLInputElement>(el, '#q').focus();
    await sendKeys({ press: 'Tab' }); // place
    await sendKeys({ press: 'Tab' }); // postcode
    await sendKeys({ press: 'Tab' }); // sort
    await sendKeys({ press: 'Tab' }); // easy-read toggle
    expect(deepActive()?.textContent).to.equal('Leichte Sprache');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.equal('bring-together');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.equal('Mehr anzeigen');
    expect($(el, '[part=pagination]').textContent).to.contain('2 von 6 angezeigt');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cards(el).length === 4);
    expect(deepActive()?.textContent).to.equal(cards(el)[2]!.initiative!.name);
    expect(el.shadowRoot!.querySelectorAll('li')[2]!.getAttribute('aria-posinset')).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('shows a long list page by page in dictionary order, with the JSON-LD of the page shown', async () => {
    const words = ['Zukunftswerk', 'ökodorf', 'Oase', 'Haus 10', 'Haus 2', 'Haus-Projekt', 'Äpfel & Birnen', 'apfelbaum', 'Anker', 'Élan', 'Apfel', 'Tafel 3'];
    const initiatives = Array.from({ length: 48 }, (_, i) => ({ id: `i${i}`, name: `${words[(i * 5) % words.length]} ${(i % 4) + 1}`, kind: 'initiative' }));
    const el = await fixture<SiInitiativeCards>(`<si-initiative-cards lang="de" page-size="5"></si-initiative-cards>`);
    el.adapter = createMemoryAdapter({ initiatives });
    await waitUntil(() => $(el, '[part=status]'), '<si-initiative-cards> did not render its data');
    const dictionary = initiatives.map((x) => x.name).sort(new Intl.Collator('de', { numeric: true }).compare);
    expect(status(el)).to.equal('48 Initiativen gefunden');
    expect(names(el)).to.deep.equal(dictionary.slice(0, 5));
    const jsonLd = JSON.parse(el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]')!.text);
    expect(jsonLd.numberOfItems).to.equal(48);
    expect(jsonLd.itemListElement.map((x: { item: { name: string } }) => x.item.name)).to.deep.equal(dictionary.slice(0, 5));
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Mehr anzeigen')!.click();
    await waitUntil(() => cards(el).length === 10);
    expect(names(el)).to.deep.equal(dictionary.slice(0, 10));
  });

  it('switches to easy-to-read texts on request', async () => {
    const el = await mountCards();
    const summary = () => cards(el)[0]!.shadowRoot!.querySelector('.summary')!.textContent;
    expect(summary()).to.contain('Alleinerziehende');
    const toggle = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Leichte Sprache')!;
    toggle.click();
    await el.updateComplete;
    await cards(el)[0]!.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(summary()).to.equal('bring-together hilft Menschen. Sie finden eine Wohn-Gemeinschaft.');
  });

  it('writes schema.org JSON-LD for the shown page into its light DOM, safely escaped', async () => {
    const el = await mountCards('page-size="4" sort="newest"');
    const script = el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]')!;
    expect(script.text).not.to.contain('</script');
    const data = JSON.parse(script.text);
    expect(data['@type']).to.equal('ItemList');
    expect(data.numberOfItems).to.equal(6);
    expect(data.itemListElement).to.have.length(4);
    expect(data.itemListElement[0].item).to.include({ '@type': 'Project', name: 'Bürgerbus Erzgebirge' });
    expect(data.itemListElement[1].item).to.include({ '@type': 'Organization', name: 'bring-together', url: 'https://www.bring-together.de/de' });
    const telux = data.itemListElement.find((x: { item: { name: string } }) => x.item.name.includes('TELUX')).item;
    expect(telux.description).to.contain('</script><script>');
    expect(telux.address.addressLocality).to.equal('Weißwasser');
    const hub = data.itemListElement.find((x: { item: { name: string } }) => x.item.name.includes('Hub')).item;
    expect(hub.url).to.equal(undefined);
    await typeInto(el, '#q', 'Zittau');
    expect(JSON.parse(el.querySelector<HTMLScriptElement>('script[type="application/ld+json"]')!.text).numberOfItems).to.equal(1);
    el.noJsonld = true;
    await el.updateComplete;
    expect(el.querySelector('script[type="application/ld+json"]')).to.equal(null);
  });

  it('shows loading while the source is busy, with the server-rendered fallback', async () => {
    const el = await fixture<SiInitiativeCards>(html`<si-initiative-cards lang="de"><p>Server-Liste</p></si-initiative-cards>`);
    el.adapter = stalledAdapter();
    await waitUntil(() => $(el, '[role=status]')?.textContent?.includes('Wird geladen'));
    expect($<HTMLSlotElement>(el, 'slot').assignedElements()[0]!.textContent).to.equal('Server-Liste');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button that loads again', async () => {
    const flaky = flakyAdapter(adapter(), 1, () => new AdapterError('network', 'offline'));
    const el = await fixture<SiInitiativeCards>(html`<si-initiative-cards lang="de" .adapter=${flaky}></si-initiative-cards>`);
    await waitUntil(() => $(el, '[role=alert]'));
    expect($(el, '[role=alert]').textContent).to.contain('Die Datenquelle ist nicht erreichbar.');
    await expect(el).to.be.accessible();
    $(el, '[part=retry-button]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el) === '6 Initiativen gefunden');
  });

  it('offers a reset when nothing matches, and says so when there is no data at all', async () => {
    const el = await mountCards();
    await typeInto(el, '#q', 'Raumfahrtbehörde');
    expect(status(el)).to.equal('0 Initiativen gefunden');
    expect($(el, '[part~=empty]').textContent).to.contain('Keine Initiative passt');
    await expect(el).to.be.accessible();
    $(el, '[part=reset-button]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el) === '6 Initiativen gefunden');
    expect(deepActive()).to.equal($(el, '#q'));

    const none = await fixture<SiInitiativeCards>(html`<si-initiative-cards lang="de" .adapter=${createMemoryAdapter({ initiatives: [] })}></si-initiative-cards>`);
    await waitUntil(() => $(none, '[part~=empty]'));
    expect($(none, '[part~=empty]').textContent).to.contain('noch keine Initiativen');
    await expect(none).to.be.accessible();
  });

  it('enhances server-rendered markup from an inline JSON script', async () => {
    // Inline JSON must not contain "</script" (the TELUX fixture does), so two others.
    const data = JSON.stringify({ initiatives: [fixtureInitiatives[0], fixtureInitiatives[3]] });
    const el = await fixture<SiInitiativeCards>(`<si-initiative-cards lang="de">
      <script type="application/json">${data}</script>
      <ul><li>bring-together</li><li>TELUX</li></ul>
    </si-initiative-cards>`);
    await waitUntil(() => status(el) === '2 Initiativen gefunden');
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
  });

  it('keeps filters and the open initiative in the URL fragment with sync-url, and reads old query links', async () => {
    const before = location.href;
    const fragment = () => new URLSearchParams(location.hash.slice(1));
    let hashChanges = 0;
    const countHashChange = () => hashChanges++;
    window.addEventListener('hashchange', countHashChange);
    // A link from before the fragment: the state in the query, next to the page's own parameter.
    history.replaceState(null, '', '?page=2&si-topic=Wohnen&si-initiative=oekodorf#top');
    try {
      const el = await mountCards('sync-url');
      expect(names(el)).to.deep.equal(['bring-together', 'Ökodorf Zittau']);
      const card = cards(el)[1]!;
      await waitUntil(() => card.shadowRoot!.querySelector('dialog')?.open, 'the deep-linked dialog did not open');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !fragment().has('si-initiative') && !location.search.includes('si-initiative'));
      await typeInto(el, '#q', 'Zittau');
      // The search sits in the fragment, which no server sees; the query keeps only the page's own.
      expect(location.search).to.equal('?page=2');
      expect(location.hash.startsWith('#top&')).to.equal(true);
      expect(fragment().get('si-q')).to.equal('Zittau');
      expect(fragment().getAll('si-topic')).to.deep.equal(['Wohnen']);
      expect(hashChanges).to.equal(0);

      // Someone opens that address: same filter.
      el.remove();
      const again = await mountCards('sync-url');
      expect(names(again)).to.deep.equal(['Ökodorf Zittau']);
      expect((again.shadowRoot!.querySelector('#q') as HTMLInputElement).value).to.equal('Zittau');
    } finally {
      window.removeEventListener('hashchange', countHashChange);
      history.replaceState(null, '', before);
    }
  });

  it('spaces the grid by --si-initiative-cards-*, and still by the older names', async () => {
    const el = await mountCards();
    const results = () => getComputedStyle($(el, '[part=results]'));
    el.style.setProperty('--si-initiative-gap', '7px');
    expect(results().rowGap).to.equal('7px');
    el.style.setProperty('--si-initiative-cards-gap', '9px');
    expect(results().rowGap).to.equal('9px');
    el.style.setProperty('--si-initiative-card-min-width', '300px');
    el.style.setProperty('--si-initiative-cards-min-card-width', '200px');
    el.style.width = '650px';
    // Three columns of at least 200px and two 9px gaps fit in 650px; of 300px only two would.
    expect(results().gridTemplateColumns.split(' ')).to.have.length(3);
    el.style.removeProperty('--si-initiative-cards-min-card-width');
    expect(results().gridTemplateColumns.split(' ')).to.have.length(2);
  });

  it('speaks English and previews Upper Sorbian', async () => {
    const en = await mountCards();
    en.lang = 'en';
    await en.messagesReady(); // English and Upper Sorbian texts load on first use
    await en.updateComplete;
    expect(status(en)).to.equal('6 initiatives found');
    const hsb = await mountCards();
    hsb.lang = 'hsb';
    await hsb.messagesReady();
    await hsb.updateComplete;
    expect(status(hsb)).to.equal('6 iniciatiwow namakanych');
    expect($(hsb, '[part=notice]').textContent).to.contain('Přehlad');
    await expect(hsb).to.be.accessible();
  });
});
