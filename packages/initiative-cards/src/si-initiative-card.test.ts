import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { AdapterError, validateInitiatives, type DataAdapter } from '@sozial-innovativ/core';
import { failingAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import '../src/define.js';
import type { SiInitiativeCard } from './si-initiative-card.js';
import { fixtureInitiatives } from './test-fixtures/initiatives.js';

const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s)!;
const items = validateInitiatives(fixtureInitiatives).items;

async function card(id: string, attrs = '', adapter: DataAdapter = createMemoryAdapter({ initiatives: fixtureInitiatives })) {
  const el = await fixture<SiInitiativeCard>(`<si-initiative-card lang="de" initiative-id="${id}" ${attrs}></si-initiative-card>`);
  el.adapter = adapter;
  await waitUntil(() => $(el, 'article, [part~=state]:not([part~=loading])'), 'the card did not render');
  return el;
}

describe('<si-initiative-card>', () => {
  it('shows bring-together by id: heading with one link to its website, kind, topics, target groups, date', async () => {
    const el = await card('bring-together');
    const article = $(el, 'article');
    const h3 = $(el, 'h3');
    expect(h3.textContent).to.equal('bring-together');
    const interactive = article.querySelectorAll('a, button, input, select');
    expect(interactive).to.have.length(1);
    expect(h3.querySelector('a')!.getAttribute('href')).to.equal('https://www.bring-together.de/de');
    expect($(el, '.meta').textContent).to.contain('Sozialunternehmen · Leipzig');
    expect([...article.querySelectorAll('dt')].map((d) => d.textContent)).to.deep.equal(['Themen', 'Zielgruppen', 'Zuletzt geprüft']);
    expect($(el, 'time').getAttribute('datetime')).to.equal('2025-06-10');
    expect($(el, 'time').textContent).to.equal('10. Juni 2025');
    const img = $<HTMLImageElement>(el, '[part=image] img');
    expect(img.alt).to.equal('Menschen am Gemeinschaftstisch');
    expect(img.getAttribute('loading')).to.equal('lazy');
    // The image host must not learn which page shows the card.
    expect(img.referrerPolicy).to.equal('no-referrer');
    // The box has its height before the image loads: no layout shift.
    expect($(el, '[part=image]').getBoundingClientRect().height).to.be.greaterThan(0);
    // The schema.org mapping loads after the first paint.
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'no JSON-LD');
    const ld = JSON.parse(el.querySelector<HTMLScriptElement>('script[type="application/ld+json"]')!.text);
    expect(ld).to.include({ '@context': 'https://schema.org', '@type': 'Organization', name: 'bring-together' });
    await expect(el).to.be.accessible();
  });

  it('never links to a javascript: URL; without a safe website the name opens the details', async () => {
    const el = await card('impact-hub', 'heading-level="2"');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    const button = $(el, 'h2 button');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open);
    expect($(el, 'dialog').textContent).not.to.contain('javascript:');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'dialog'));
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('shows the easy-language text with easy-read and keeps it in the details', async () => {
    const el = await card('bring-together', 'easy-read details');
    expect($(el, '.summary').textContent).to.equal('bring-together hilft Menschen. Sie finden eine Wohn-Gemeinschaft.');
    await el.showDetails();
    expect($(el, '.easy h3').textContent).to.equal('In Leichter Sprache');
    expect($(el, 'dialog').textContent).to.contain('Quelle: Sozial.Innovativ · Lizenz: CC BY 4.0');
    await expect(el).to.be.accessible();
  });

  it('fires si-details-close once the details close, with focus already back on the card', async () => {
    const el = await card('bring-together', 'details');
    await el.showDetails();
    const focusOnClose: (Element | null)[] = [];
    el.addEventListener('si-details-close', () => focusOnClose.push(el.shadowRoot!.activeElement));
    el.closeDetails();
    await waitUntil(() => focusOnClose.length, 'no si-details-close');
    expect(focusOnClose).to.deep.equal([$(el, '.primary')]);
    expect($(el, 'dialog')).to.equal(null);
  });

  it('lets the host page cancel si-initiative-select', async () => {
    const el = await fixture<SiInitiativeCard>(html`<si-initiative-card details .initiative=${items[1]}></si-initiative-card>`);
    el.addEventListener('si-initiative-select', (e) => e.preventDefault());
    $(el, '.primary').click();
    await el.updateComplete;
    expect($(el, 'dialog')).to.equal(null);
    expect($(el, '[part=image]')).to.equal(null);
  });

  it('renders loading, not-found and error states accessibly', async () => {
    const loading = await fixture<SiInitiativeCard>(html`<si-initiative-card lang="de" initiative-id="x" .adapter=${stalledAdapter()}></si-initiative-card>`);
    await waitUntil(() => $(loading, '[role=status]')?.textContent?.includes('Wird geladen'));
    await expect(loading).to.be.accessible();
    const missing = await card('gibt-es-nicht');
    expect($(missing, '[part~=empty]').textContent).to.contain('nicht gefunden');
    await expect(missing).to.be.accessible();
    const failing = await card('x', '', failingAdapter(() => new AdapterError('http', 'HTTP 500', 500)));
    expect($(failing, '[role=alert]').textContent).to.contain('Die Datenquelle meldet einen Fehler.');
    expect($(failing, '[part=retry-button]').textContent).to.equal('Erneut versuchen');
    await expect(failing).to.be.accessible();
  });

  it('takes its colours and image ratio from --si-initiative-card-*, and still from the older names', async () => {
    const style = (el: SiInitiativeCard) => ({
      title: getComputedStyle($(el, '.primary')).color,
      tag: getComputedStyle($(el, '.tags li')).backgroundColor,
      ratio: getComputedStyle($(el, '[part=image]')).aspectRatio,
    });
    const styled = async (props: Record<string, string>) => {
      const el = await fixture<SiInitiativeCard>(html`<si-initiative-card .initiative=${items[0]}></si-initiative-card>`);
      for (const [name, value] of Object.entries(props)) el.style.setProperty(name, value);
      return style(el);
    };
    const expected = { title: 'rgb(1, 2, 3)', tag: 'rgb(4, 5, 6)', ratio: '2 / 1' };
    const values = (prefix: string) => ({ [`${prefix}-title-color`]: 'rgb(1 2 3)', [`${prefix}-tag-background`]: 'rgb(4 5 6)', [`${prefix}-image-ratio`]: '2 / 1' });
    expect(await styled(values('--si-initiative-card'))).to.deep.equal(expected);
    expect(await styled(values('--si-initiative'))).to.deep.equal(expected);
    // The new name wins over the old one.
    expect((await styled({ '--si-initiative-card-title-color': 'rgb(1 2 3)', '--si-initiative-title-color': 'rgb(9 9 9)' })).title).to.equal(expected.title);
  });

  it('finds the initiative in the list when the adapter has no single lookup', async () => {
    // No shared fake drops a method, so this one stays here: the list without `initiative(id)`.
    const list = createMemoryAdapter({ initiatives: fixtureInitiatives });
    const el = await card('telux', '', { kind: 'list-only', initiatives: list.initiatives });
    expect($(el, 'h3').textContent).to.equal('Soziokulturelles Zentrum TELUX');
  });
});
