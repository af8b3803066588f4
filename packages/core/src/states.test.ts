import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import { AdapterError } from './adapter.js';
import { renderError } from './states.js';
import { loadCommonMessages, type Lang } from './i18n/index.js';

describe('renderError: a feed that is too large', () => {
  const expected: Record<Lang, string> = {
    de: 'Die Datenquelle liefert mehr Daten, als hier angezeigt werden können.',
    en: 'The data source sends more data than can be shown here.',
    hsb: 'Žórło datow pósyła wjace datow, hač da so tu pokazać.',
  };
  for (const lang of ['de', 'en', 'hsb'] as const) {
    it(`says so in ${lang}, as an accessible alert with a retry button`, async () => {
      // A widget's LocaleController loads these with its own catalog; German is bundled.
      await loadCommonMessages(lang);
      const el = await fixture<HTMLDivElement>('<div></div>');
      el.lang = lang;
      render(renderError(lang, new AdapterError('too-large', 'The response is larger than 10 MB'), () => undefined), el);
      const alert = el.querySelector('[role=alert]')!;
      expect(alert.textContent).to.contain(expected[lang]);
      expect(alert.textContent).to.contain('larger than 10 MB');
      expect(alert.textContent).not.to.contain('error.too-large');
      expect(el.querySelector('button')).not.to.equal(null);
      await expect(el).to.be.accessible();
    });
  }
});
