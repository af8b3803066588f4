import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml, nothing } from 'lit';
import { DialogController } from '../elements.js';

/** A host with a list of things, each opening a modal with its name. */
class TestDialogHost extends LitElement {
  closes = 0;
  readonly dialog = new DialogController<string>(this, { dialog: 'dialog', returnFocus: '#fallback', onClose: () => this.closes++ });
  override render() {
    const name = this.dialog.value;
    return litHtml`<button id="fallback">Fallback</button>
      ${['Eins', 'Zwei'].map((n) => litHtml`<button class="open" @click=${(e: Event) => this.dialog.show(n, e.currentTarget as HTMLElement)}>${n}</button>`)}
      <dialog aria-labelledby="name" @close=${this.dialog.closed}>
        ${name ? litHtml`<h2 id="name">${name}</h2><button class="close" @click=${this.dialog.close}>Schließen</button><a href="#x">Mehr</a>` : nothing}
      </dialog>`;
  }
}
customElements.define('test-dialog-host', TestDialogHost);

const $ = <T extends Element = HTMLElement>(el: TestDialogHost, sel: string) => el.shadowRoot!.querySelector<T & HTMLElement>(sel)!;
const active = (el: TestDialogHost) => el.shadowRoot!.activeElement;

describe('DialogController', () => {
  it('opens a modal with its value rendered, focus inside; Escape closes it and focus goes back', async () => {
    const el = await fixture<TestDialogHost>(html`<test-dialog-host></test-dialog-host>`);
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    const trigger = el.shadowRoot!.querySelectorAll<HTMLElement>('.open')[1]!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog did not open');
    expect(dialog.matches(':modal')).to.equal(true);
    expect($(el, '#name').textContent).to.equal('Zwei');
    expect(active(el)).to.equal($(el, '.close'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
    expect(active(el)).to.equal(trigger);
    expect(el.dialog.value).to.equal(undefined);
    expect(el.closes).to.equal(1);
    await el.updateComplete;
    expect($(el, '#name')).to.equal(null);
  });

  it('closes from its close button; without the element that opened it, focus goes to the fallback', async () => {
    const el = await fixture<TestDialogHost>(html`<test-dialog-host></test-dialog-host>`);
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    const trigger = $(el, '.open');
    trigger.click();
    await waitUntil(() => dialog.open);
    trigger.remove();
    $(el, '.close').click();
    await waitUntil(() => !dialog.open);
    await waitUntil(() => el.closes === 1);
    expect(active(el)).to.equal($(el, '#fallback'));
  });
});
