import { expect, fixture, waitUntil } from '@open-wc/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '../src/define.js';
import type { SiInitiativeCards } from './si-initiative-cards.js';
import { fixtureInitiatives } from './test-fixtures/initiatives.js';

const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s)!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mountCards(attrs = ''): Promise<SiInitiativeCards> {
  const el = await fixture<SiInitiativeCards>(`<si-initiative-cards lang="de" ${attrs}></si-initiative-cards>`);
  el.adapter = createMemoryAdapter({ initiatives: fixtureInitiatives });
  await waitUntil(() => $(el, '[part=status]'), '<si-initiative-cards> did not render its data');
  await el.messagesReady();
  await el.updateComplete;
  return el;
}

describe('<si-initiative-cards> Leichte Sprache', () => {
  it('labels search, filters and sorting in Leichte Sprache with easy-read on a German page', async () => {
    const el = await mountCards('easy-read');
    expect(text($(el, 'label[for=q]'))).to.equal('Initiativen suchen (Geben Sie einen Namen oder ein Thema ein. Auch ein Ort geht. Tipp-Fehler sind nicht schlimm.)');
    expect(text($(el, 'label[for=sort]'))).to.equal('Reihenfolge');
    expect(text($(el, '[part=status]'))).to.match(/^Wir haben \d+ Initiativen gefunden\.$/);
    await expect(el).to.be.accessible();
  });

  it('switches to Leichte Sprache with its own button, and back', async () => {
    const el = await mountCards('');
    const toggle = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Leichte Sprache')!;
    toggle.click();
    await waitUntil(() => text($(el, 'label[for=sort]')) === 'Reihenfolge', 'Leichte Sprache did not arrive');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(text($(el, 'label[for=sort]'))).to.equal('Sortieren nach');
  });

  it('keeps standard German without easy-read', async () => {
    const el = await mountCards('');
    expect(text($(el, 'label[for=sort]'))).to.equal('Sortieren nach');
    expect(text($(el, '[part=status]'))).to.match(/Initiativen gefunden$/);
    await expect(el).to.be.accessible();
  });
});
