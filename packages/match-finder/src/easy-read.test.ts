import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '../src/define.js';
import type { SiMatchFinder } from './index.js';
import { offers, questionnaire } from './wohnen.fixture.js';

async function render(easyRead: boolean) {
  const el = await fixture<SiMatchFinder>(html`<si-match-finder lang="de" ?easy-read=${easyRead} .adapter=${createMemoryAdapter({ questionnaire, offers })}></si-match-finder>`);
  await waitUntil(() => root(el).querySelector('.start'), 'the widget did not load');
  return el;
}
const root = (el: SiMatchFinder) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: SiMatchFinder, name: string) => {
  const b = [...root(el).querySelectorAll('button')].find((n) => text(n) === name);
  if (!b) throw new Error(`no button "${name}" in ${[...root(el).querySelectorAll('button')].map(text).join(' | ')}`);
  return b;
};
async function click(el: SiMatchFinder, name: string) {
  button(el, name).click();
  await el.updateComplete;
}

describe('<si-match-finder> Leichte Sprache', () => {
  it('guides through questions and results in Leichte Sprache with easy-read on a German page', async () => {
    const el = await render(true);
    expect(text(root(el).querySelector('.privacy'))).to.equal('Ihre Antworten bleiben in Ihrem Browser. Wir senden nichts. Wir speichern nichts.');
    await expect(el).to.be.accessible();
    await click(el, 'Fragen beantworten');
    expect(text(root(el).querySelector('#heading .caption'))).to.equal('Frage 1 von 6');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLInputElement>('input[name=answer]')!.click();
    await click(el, 'Weiter'); // standard German where Leichte Sprache has no own text
    for (let i = 0; i < 5; i++) await click(el, 'Frage auslassen');
    expect(text(button(el, 'Ergebnisse anzeigen'))).to.equal('Ergebnisse anzeigen');
    await click(el, 'Ergebnisse anzeigen');
    await waitUntil(() => root(el).querySelector('[part~=result]'));
    expect(text(root(el).querySelector('#heading'))).to.match(/^\d+ Angebote? pass(t|en)$/);
    expect(text(button(el, 'Noch einmal von vorne'))).to.equal('Noch einmal von vorne');
    await expect(el).to.be.accessible();
  });

  it('keeps standard German without easy-read', async () => {
    const el = await render(false);
    expect(text(root(el).querySelector('.privacy'))).to.equal('Ihre Antworten bleiben in Ihrem Browser. Es wird nichts gesendet und nichts gespeichert.');
    await click(el, 'Fragen beantworten');
    expect(text(root(el).querySelector('#heading .caption'))).to.equal('Schritt 1 von 6');
    root(el).querySelector<HTMLInputElement>('input[name=answer]')!.click();
    await click(el, 'Weiter');
    expect(text(button(el, 'Frage überspringen'))).to.equal('Frage überspringen');
    await expect(el).to.be.accessible();
  });
});
