// The accessibility statement block (issue #18) as the configurator shows it: next to the
// snippet, for the chosen widget, with the partner's feedback contact in its slot.
import { expect, waitUntil } from '@open-wc/testing';

describe('statement block in the configurator', () => {
  it('shows the German and English block for the chosen widget and fills in the feedback contact', async function () {
    this.timeout(20_000);
    const frame = document.createElement('iframe');
    frame.src = '/demo/configurator.html';
    frame.style.setProperty('width', '1024px');
    frame.style.setProperty('height', '700px');
    document.body.append(frame);
    try {
      await new Promise((resolve) => (frame.onload = resolve));
      const doc = frame.contentDocument!;
      const de = doc.querySelector<HTMLTextAreaElement>('#statement-de')!;
      const en = doc.querySelector<HTMLTextAreaElement>('#statement-en')!;
      await waitUntil(() => de.value && en.value, 'no statement block', { timeout: 10_000 });
      expect(de.value).to.contain('BITV 2.0').and.contain('Bekannte Einschränkungen').and.contain('[Ihre Kontaktmöglichkeit');
      expect(en.value).to.contain('WCAG 2.2').and.contain('Known limitations');
      const contact = doc.querySelector<HTMLInputElement>('#statement-contact')!;
      contact.value = 'barrierefreiheit@landkreis.example';
      contact.dispatchEvent(new Event('input', { bubbles: true }));
      expect(de.value).to.contain('schreiben Sie uns: barrierefreiheit@landkreis.example.');
      expect(en.value).to.contain('write to us: barrierefreiheit@landkreis.example.');
      const select = doc.querySelector<HTMLSelectElement>('#widget')!;
      select.value = 'match-finder';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => de.value.includes('<si-match-finder>'), 'the block did not follow the chosen widget', { timeout: 5_000 });
      expect(doc.querySelector('#statement-report')!.textContent).to.equal('docs/accessibility/match-finder.md');
    } finally {
      frame.remove();
    }
  });
});
