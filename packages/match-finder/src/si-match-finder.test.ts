import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, type DataAdapter } from '@sozial-innovativ/core';
import { flakyAdapter, gatedAdapter, spyAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '../src/define.js';
import type { SiMatchFinder } from './index.js';
import { offers, questionnaire } from './wohnen.fixture.js';

/** The memory adapter, recording every call: the journey must not ask it again. */
const countingAdapter = (data: object = { questionnaire, offers }) => spyAdapter(createMemoryAdapter(data));

async function render(attrs: { lang?: string; share?: boolean; easyRead?: boolean; showScore?: string } = {}, adapter: DataAdapter = countingAdapter()) {
  const el = await fixture<SiMatchFinder>(html`<si-match-finder lang=${attrs.lang ?? 'de'} ?share=${attrs.share} ?easy-read=${attrs.easyRead} show-score=${attrs.showScore ?? 'true'} .adapter=${adapter}></si-match-finder>`);
  await waitUntil(() => root(el).querySelector('.start, [role=alert], [part~=empty]'), 'the widget did not load');
  return el;
}

const root = (el: SiMatchFinder) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const active = (el: SiMatchFinder) => root(el).activeElement as HTMLElement | null;
/** What a screen reader announces as the name of the focused control. */
const nameOf = (node: Element) => text((node as HTMLInputElement).labels?.[0] ?? node);
const heading = (el: SiMatchFinder) => text(root(el).querySelector('#heading'));

/** Presses Tab (or Shift+Tab) until a control with this accessible name has focus. */
async function tabTo(el: SiMatchFinder, name: string) {
  // Firefox does not wrap around at the end of the page: go towards the control.
  const target = [...root(el).querySelectorAll('button, input, select, a[href]')].find((n) => nameOf(n) === name);
  const current = active(el);
  // Focus may already be there (the share buttons hand focus to the one that replaces them).
  if (current && nameOf(current) === name) return current;
  const backwards = !!(target && current && target.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING);
  // Results have several controls each (links, e-mail, keep, compare): room for all of them.
  for (let i = 0; i < 80; i++) {
    if (backwards) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (backwards) await sendKeys({ up: 'Shift' });
    const a = active(el);
    if (a && nameOf(a) === name) return a;
  }
  throw new Error(`Tab never reached "${name}"`);
}
async function press(el: SiMatchFinder, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}
async function activate(el: SiMatchFinder, name: string) {
  await tabTo(el, name);
  await press(el, 'Enter');
}
/** After every step the heading of the new step has focus and nothing fails axe. */
async function expectStep(el: SiMatchFinder, title: string) {
  await el.updateComplete;
  expect(heading(el)).to.equal(title);
  expect(active(el)?.id).to.equal('heading');
  await expect(el).to.be.accessible();
}

describe('<si-match-finder>', () => {
  let requests: string[];
  const originals = { fetch: window.fetch, open: XMLHttpRequest.prototype.open, beacon: navigator.sendBeacon };
  beforeEach(() => {
    requests = [];
    window.fetch = (input: RequestInfo | URL) => (requests.push(`fetch ${String(input)}`), Promise.reject(new TypeError('blocked')));
    XMLHttpRequest.prototype.open = function (_m: string, url: string | URL) {
      requests.push(`xhr ${String(url)}`);
    } as typeof XMLHttpRequest.prototype.open;
    navigator.sendBeacon = (url: string | URL) => (requests.push(`beacon ${String(url)}`), true);
  });
  afterEach(() => {
    window.fetch = originals.fetch;
    XMLHttpRequest.prototype.open = originals.open;
    navigator.sendBeacon = originals.beacon;
    history.replaceState(null, '', location.pathname + location.search);
  });

  /** Resource entries since `from`, without axe-core (loaded by the test's own accessibility checks). */
  const fetchedSince = (from: number) => performance.getEntriesByType('resource').slice(from).map((r) => r.name).filter((n) => !n.includes('/axe-core/'));

  // First on purpose: the page has loaded none of the journey's modules yet, so this test sees them arrive.
  it('shows the start page before the ranking and results code is requested, and a keyboard user answering at once gets results', async () => {
    const before = performance.getEntriesByType('resource').length;
    const ownModules = () => fetchedSince(before).filter((n) => n.includes('/match-finder/src/'));
    const later = (names: string[]) => names.filter((n) => /\/engine\/engine\.ts|\/journey\/(results|results-view|compare-view|contact-view)\.ts/.test(n));
    // What had loaded when the start page first rendered.
    let atStart: string[] | undefined;
    const el = fixtureSync<SiMatchFinder>(html`<si-match-finder lang="de" .adapter=${countingAdapter()}></si-match-finder>`);
    el.addController({ hostUpdated: () => void (atStart ??= root(el).querySelector('.start') ? ownModules() : undefined) });
    await waitUntil(() => atStart, 'the start page did not render');
    expect(atStart!.some((n) => n.includes('/journey/view.ts'))).to.equal(true);
    expect(later(atStart!)).to.deep.equal([]);

    // Straight away, by keyboard: nothing waits for that code, the results come with it.
    const started = performance.getEntriesByType('resource').length;
    await activate(el, 'Fragen beantworten');
    await expectStep(el, 'Schritt 1 von 6 Wer möchte einziehen?');
    await tabTo(el, 'Familie mit Kindern');
    await press(el, ' ');
    await activate(el, 'Weiter');
    await expectStep(el, 'Schritt 2 von 6 Wo möchten Sie wohnen? (freiwillig)');
    for (let i = 0; i < 5; i++) await activate(el, 'Frage überspringen');
    await activate(el, 'Ergebnisse anzeigen');
    await waitUntil(() => root(el).querySelector('.results'), 'no results');
    await expectStep(el, '6 passende Angebote');
    expect(root(el).querySelectorAll('[part~=result]').length).to.equal(6);
    expect(later(ownModules())).to.have.length.greaterThan(0);
    // What loaded after the start page is the widget's own code, which carries nothing; no data request.
    const ownCode = (n: string) => new URL(n).origin === location.origin && /\.(m?[jt]s)(\?|$)/.test(n);
    expect(fetchedSince(started).filter((n) => !ownCode(n))).to.deep.equal([]);
    expect(requests).to.deep.equal([]);
  });

  it('walks the whole journey by keyboard, explains the results and sends, stores and emits no answers', async () => {
    const adapter = countingAdapter();
    const storage = { cookie: document.cookie, local: localStorage.length, session: sessionStorage.length, url: location.href, resources: performance.getEntriesByType('resource').length };
    const events: CustomEvent[] = [];
    const listen = (e: Event) => events.push(e as CustomEvent);
    document.addEventListener('si-match-step', listen);
    document.addEventListener('si-match-complete', listen);
    const el = await render({}, adapter);
    try {
      expect(heading(el)).to.equal('Wohnprojekt finden');
      expect(text(root(el).querySelector('.privacy'))).to.contain('Ihre Antworten bleiben in Ihrem Browser');
      expect(text(root(el).querySelector('.start'))).to.contain('6 Angebote stehen zur Auswahl.');
      await expect(el).to.be.accessible();
      await activate(el, 'Fragen beantworten');
      await expectStep(el, 'Schritt 1 von 6 Wer möchte einziehen?');

      // Step 1 is required: continuing without an answer shows the error summary, focused.
      await activate(el, 'Weiter');
      const summary = root(el).querySelector('.error-summary')!;
      expect(active(el)).to.equal(summary);
      expect(text(summary)).to.equal('Es gibt ein Problem Wählen Sie eine Antwort aus.');
      const fieldset = root(el).querySelector('fieldset')!;
      expect(fieldset.getAttribute('aria-describedby')).to.equal('error');
      expect(text(root(el).querySelector('#error'))).to.equal('Fehler: Wählen Sie eine Antwort aus.');
      await expect(el).to.be.accessible();
      // The summary's link leads to the first option.
      await sendKeys({ press: 'Tab' });
      expect(text(active(el))).to.equal('Wählen Sie eine Antwort aus.');
      await press(el, 'Enter');
      expect(nameOf(active(el)!)).to.equal('Familie mit Kindern');
      await press(el, ' ');
      await activate(el, 'Weiter');
      await expectStep(el, 'Schritt 2 von 6 Wo möchten Sie wohnen? (freiwillig)');
      expect(root(el).querySelector('.error-summary')).to.equal(null);
      expect(text(root(el).querySelector('[role=status]'))).to.equal('Bisher passen 6 Angebote.');

      // A postcode outside Saxony is an inline error, then a Leipzig postcode.
      await tabTo(el, 'Oder Postleitzahl in Sachsen');
      await sendKeys({ type: '99999' });
      await activate(el, 'Weiter');
      expect(text(root(el).querySelector('.error-summary li'))).to.contain('Zu dieser Postleitzahl ist kein Ort in Sachsen bekannt');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      await press(el, 'Enter');
      expect(active(el)?.id).to.equal('postcode');
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '04109' });
      expect((root(el).querySelector('#radius') as HTMLSelectElement).value).to.equal('25');
      await activate(el, 'Weiter');
      await expectStep(el, 'Schritt 3 von 6 Wie viel Miete können Sie zahlen? (freiwillig)');

      await tabTo(el, 'höchstens (€)');
      await sendKeys({ type: '650' });
      await activate(el, 'Weiter');
      await expectStep(el, 'Schritt 4 von 6 Brauchen Sie eine stufenlose Wohnung? (freiwillig)');
      await activate(el, 'Frage überspringen');
      await expectStep(el, 'Schritt 5 von 6 Wie viel Gemeinschaft wünschen Sie sich? (freiwillig)');
      expect(root(el).querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('hint');

      await tabTo(el, '1');
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(nameOf(active(el)!)).to.equal('3');
      await tabTo(el, 'Das ist mir besonders wichtig');
      await press(el, ' ');
      await activate(el, 'Weiter');
      await expectStep(el, 'Schritt 6 von 6 Welche Umgebung passt? (freiwillig)');
      await tabTo(el, 'Dorf');
      await press(el, ' ');
      await activate(el, 'Weiter');

      // Check your answers, then Back keeps them, then a change returns to the check page.
      await expectStep(el, 'Ihre Antworten prüfen');
      const rows = () => [...root(el).querySelectorAll('.summary-row')].map((r) => text(r.querySelector('dd')));
      expect(rows()).to.deep.equal(['Familie mit Kindern', '04109 Leipzig, bis 25 km', 'höchstens 650 €', 'Übersprungen', '3 (besonders wichtig)', 'Dorf']);
      await activate(el, 'Zurück');
      await expectStep(el, 'Schritt 6 von 6 Welche Umgebung passt? (freiwillig)');
      expect([...root(el).querySelectorAll<HTMLInputElement>('input[name=answer]')].map((i) => i.checked)).to.deep.equal([false, true]);
      await activate(el, 'Zurück');
      expect((root(el).querySelector('input[value="3"]') as HTMLInputElement).checked).to.equal(true);
      expect((root(el).querySelector('#important') as HTMLInputElement).checked).to.equal(true);
      await activate(el, 'Weiter');
      await activate(el, 'Weiter');
      await expectStep(el, 'Ihre Antworten prüfen');
      await activate(el, 'Ändern Miete');
      await expectStep(el, 'Schritt 3 von 6 Wie viel Miete können Sie zahlen? (freiwillig)');
      expect((root(el).querySelector('#max') as HTMLInputElement).value).to.equal('650');
      await activate(el, 'Weiter');
      await expectStep(el, 'Ihre Antworten prüfen');

      const complete = oneEvent(el, 'si-match-complete');
      await activate(el, 'Ergebnisse anzeigen');
      const { detail } = await complete;
      await expectStep(el, '3 passende Angebote');
      expect(detail).to.deep.equal({ offerIds: ['c', 'a', 'b'] });
      const results = [...root(el).querySelectorAll('[part~=result]')];
      expect(results.map((r) => text(r.querySelector('h3')))).to.deep.equal(['Dorfgemeinschaft Delitzsch', 'Alte Gärtnerei', 'Bahnhof Taucha']);
      // Delitzsch: fitMe (0.575 + 1 + 2·1 + 1) / 5, fitThem 1 → harmonic mean 96 %.
      expect(text(results[0]!.querySelector('.score'))).to.equal('96 % Übereinstimmung Passt zu Ihnen: 92 % · Sie passen zum Angebot: 100 %');
      // Leipzig: fitMe (1 + 1 + 2·0.5 + 0) / 5 = 0.6, fitThem 1 → 75 %.
      expect(text(results[1]!.querySelector('.score'))).to.contain('75 % Übereinstimmung');
      const why = (result: Element) => [...result.querySelectorAll('.explanation ul')].map((ul) => [
        text(result.querySelector(`#${ul.getAttribute('aria-labelledby')}`)),
        ...[...ul.querySelectorAll('li')].map(text),
      ]);
      expect(why(results[1]!)).to.deep.equal([
        ['Passt:', 'Haushalt (Wunsch des Angebots)', 'Entfernung: 0 km entfernt', 'Miete'],
        ['Passt teilweise:', 'Gemeinschaft'],
        ['Passt nicht:', 'Umgebung'],
      ]);
      expect(why(results[0]!)[0]).to.deep.equal(['Passt:', 'Haushalt (Wunsch des Angebots)', 'Entfernung: 21,2 km entfernt', 'Miete', 'Gemeinschaft', 'Umgebung']);
      // Taucha looks for people over 60: it fits the person, the person does not fit it.
      expect(text(results[2]!.querySelector('.score'))).to.contain('0 % Übereinstimmung');
      expect(why(results[2]!).at(-1)).to.deep.equal(['Passt nicht:', 'Haushalt (Wunsch des Angebots)']);
      expect(results[0]!.querySelector('a[href="https://example.org/c"]')).to.not.equal(null);
      expect(text(root(el).querySelector('.results'))).to.contain('3 Angebote erfüllen eine Ihrer Bedingungen nicht.');
      expect([...root(el).querySelectorAll('[part~=hints] button')].map(text)).to.deep.equal([
        '1 weiteres im Umkreis von 50 km anzeigen', '„Miete“ 50 € höher: 1 weiteres Angebot anzeigen',
      ]);
      await expect(el).to.be.accessible();

      // Filters narrow the list; the count is announced.
      await tabTo(el, 'Nur sehr gute Treffer (ab 75 %)');
      await press(el, ' ');
      expect(root(el).querySelectorAll('[part~=result]').length).to.equal(2);
      expect(text(root(el).querySelector('.filters [role=status]'))).to.equal('2 von 3 Angeboten werden angezeigt.');
      await press(el, ' ');

      // A near-miss hint widens the radius.
      await activate(el, '1 weiteres im Umkreis von 50 km anzeigen');
      await expectStep(el, '4 passende Angebote');

      // Start over clears every answer.
      await activate(el, 'Neu beginnen');
      await expectStep(el, 'Wohnprojekt finden');
      await activate(el, 'Fragen beantworten');
      await expectStep(el, 'Schritt 1 von 6 Wer möchte einziehen?');
      expect([...root(el).querySelectorAll<HTMLInputElement>('input[name=answer]')].some((i) => i.checked)).to.equal(false);
      // A required question has no skip button.
      expect(root(el).querySelector('[part~=skip-button]')).to.equal(null);
      await activate(el, 'Weiter');
      await activate(el, 'Zurück');
      await activate(el, 'Fragen beantworten');
      await activate(el, 'Weiter');
      expect(text(root(el).querySelector('.error-summary'))).to.contain('Wählen Sie eine Antwort aus.');
    } finally {
      document.removeEventListener('si-match-step', listen);
      document.removeEventListener('si-match-complete', listen);
    }
    // Privacy: no request, no cookie, no storage, no URL change, and events carry no answers.
    expect(requests).to.deep.equal([]);
    // (axe-core is loaded by the test's own accessibility checks.)
    expect(performance.getEntriesByType('resource').slice(storage.resources).map((r) => r.name).filter((n) => !n.includes('/axe-core/'))).to.deep.equal([]);
    expect(document.cookie).to.equal(storage.cookie);
    expect(localStorage.length).to.equal(storage.local);
    expect(sessionStorage.length).to.equal(storage.session);
    expect(location.href).to.equal(storage.url);
    expect(adapter.calls.map((c) => c.method)).to.deep.equal(['questionnaire', 'offers']);
    for (const e of events) {
      const keys = Object.keys(e.detail).sort();
      expect(keys).to.deep.equal(e.type === 'si-match-step' ? ['step', 'total'] : ['offerIds']);
    }
    expect(events.filter((e) => e.type === 'si-match-step').slice(0, 3).map((e) => e.detail.step)).to.deep.equal([1, 2, 3]);
  });

  /** Answers step 1 with "Über 60", skips the rest and shows the results. */
  async function answerAndShowResults(el: SiMatchFinder) {
    await activate(el, 'Fragen beantworten');
    await tabTo(el, 'Familie mit Kindern');
    await press(el, 'ArrowDown');
    expect(nameOf(active(el)!)).to.equal('Über 60');
    await activate(el, 'Weiter');
    for (let i = 0; i < 5; i++) await activate(el, 'Frage überspringen');
    await activate(el, 'Ergebnisse anzeigen');
  }

  describe('sharing answers', () => {
    let hashChanges: number;
    const countHashChange = () => hashChanges++;
    beforeEach(() => {
      hashChanges = 0;
      window.addEventListener('hashchange', countHashChange);
    });
    afterEach(() => {
      window.removeEventListener('hashchange', countHashChange);
      // Back to the browser's own clipboard (the tests shadow it with an own property).
      delete (navigator as { clipboard?: Clipboard }).clipboard;
    });
    const fakeClipboard = (writeText: (text: string) => Promise<void>) =>
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    it('makes a link to copy only after a clear choice, and never writes the answers into the address', async () => {
      const address = location.href;
      const el = await render({ share: true });
      await answerAndShowResults(el);
      const shadow = root(el);
      const answersShown = () => shadow.innerHTML.includes('si-match=') || [...shadow.querySelectorAll('input')].some((i) => i.value.includes('si-match='));
      expect(answersShown()).to.equal(false);

      await activate(el, 'Antworten als Link teilen');
      expect(text(shadow.querySelector('#share-explain'))).to.contain('Wer diesen Link bekommt, sieht Ihre Antworten.');
      expect(nameOf(active(el)!)).to.equal('Ja, Link mit meinen Antworten erstellen');
      await expect(el).to.be.accessible();
      expect(answersShown()).to.equal(false);
      // Cancel hands focus back to the share button, not to <body>.
      await activate(el, 'Abbrechen');
      expect(nameOf(active(el)!)).to.equal('Antworten als Link teilen');
      expect(answersShown()).to.equal(false);

      await activate(el, 'Antworten als Link teilen');
      await activate(el, 'Ja, Link mit meinen Antworten erstellen');
      const field = active(el) as HTMLInputElement;
      expect(nameOf(field)).to.equal('Link zu Ihren Antworten');
      expect(field.readOnly).to.equal(true);
      const link = field.value;
      expect(link.startsWith(`${address}#si-match=`)).to.equal(true);
      await expect(el).to.be.accessible();
      // The address bar and the host page's scripts saw nothing.
      expect(location.href).to.equal(address);
      expect(hashChanges).to.equal(0);

      const copied: string[] = [];
      fakeClipboard(async (t) => void copied.push(t));
      await activate(el, 'Link kopieren');
      await waitUntil(() => text(shadow.querySelector('[part~=share] [role=status]')));
      expect(text(shadow.querySelector('[part~=share] [role=status]'))).to.equal('Der Link ist kopiert.');
      expect(copied).to.deep.equal([link]);

      // A refused clipboard leaves the link selected in its field, ready for Ctrl+C.
      fakeClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
      await activate(el, 'Link kopieren');
      await waitUntil(() => text(shadow.querySelector('[part~=share] [role=status]')).startsWith('Kopieren hat nicht geklappt'));
      expect(active(el)).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, link.length]);
      await expect(el).to.be.accessible();
      expect(location.href).to.equal(address);
      expect(hashChanges).to.equal(0);
      expect(localStorage.length + sessionStorage.length).to.equal(0);

      // Someone opens the link: the shared answers are there.
      history.replaceState(null, '', link);
      const again = await render({ share: true });
      expect(text(root(again).querySelector('.start .si-notice'))).to.contain('Die Antworten aus dem Link wurden übernommen.');
      await activate(again, 'Fragen beantworten');
      expect((root(again).querySelector('input[value=senior]') as HTMLInputElement).checked).to.equal(true);
      // Without `share` the fragment is ignored.
      const plain = await render();
      expect(root(plain).querySelector('.start .si-notice')).to.equal(null);
      expect(requests).to.deep.equal([]);
    });

    it('drops a link made earlier once the answers change, and forgets the link\'s answers on start over', async () => {
      const el = await render({ share: true });
      await answerAndShowResults(el);
      await activate(el, 'Antworten als Link teilen');
      await activate(el, 'Ja, Link mit meinen Antworten erstellen');
      const first = (active(el) as HTMLInputElement).value;
      // Changing an answer: the old link would carry the old answers.
      await activate(el, 'Neu beginnen');
      expect(root(el).querySelector('#share-link')).to.equal(null);
      await activate(el, 'Fragen beantworten');
      await tabTo(el, 'Familie mit Kindern');
      await press(el, ' ');
      await activate(el, 'Weiter');
      for (let i = 0; i < 5; i++) await activate(el, 'Frage überspringen');
      await activate(el, 'Ergebnisse anzeigen');
      await activate(el, 'Antworten als Link teilen');
      await activate(el, 'Ja, Link mit meinen Antworten erstellen');
      expect((active(el) as HTMLInputElement).value).to.not.equal(first);

      history.replaceState(null, '', `${first.replace('#', '#top&')}&kalender-view=month`);
      const opened = await render({ share: true });
      // The answers are found among the page's other fragment parts.
      expect(text(root(opened).querySelector('.start .si-notice'))).to.contain('Die Antworten aus dem Link wurden übernommen.');
      await activate(opened, 'Fragen beantworten');
      await activate(opened, 'Weiter');
      for (let i = 0; i < 5; i++) await activate(opened, 'Frage überspringen');
      await activate(opened, 'Ergebnisse anzeigen');
      // The link's answers lead to their results.
      await expectStep(opened, '6 passende Angebote');
      await activate(opened, 'Neu beginnen');
      // A reload on a shared computer must not bring the answers back; the rest of the fragment stays.
      expect(location.hash).to.equal('#top&kalender-view=month');
      expect(hashChanges).to.equal(0);
    });
  });

  it('links only plain e-mail addresses from the data', async () => {
    const withContacts = offers.map((o, i) => ({
      ...o,
      contact: { email: ['a@example.org?bcc=all@evil.example', 'b@example.org&body=Bitte%20zahlen', 'Name <c@example.org>', 'd@example.org%3Fcc=x@evil.example', 'kontakt@example.org', ' post@example.org '][i] },
    }));
    const el = await render({}, countingAdapter({ questionnaire, offers: withContacts }));
    await activate(el, 'Fragen beantworten');
    await tabTo(el, 'Familie mit Kindern');
    await press(el, ' ');
    await activate(el, 'Weiter');
    for (let i = 0; i < 5; i++) await activate(el, 'Frage überspringen');
    await activate(el, 'Ergebnisse anzeigen');
    await waitUntil(() => root(el).querySelector('[part~=result]'));
    const mailLinks = [...root(el).querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')].map((a) => a.getAttribute('href')).sort();
    expect(mailLinks).to.deep.equal(['mailto:kontakt@example.org', 'mailto:post@example.org']);
    await expect(el).to.be.accessible();
  });

  it('shows loading, error with retry, and empty states accessibly', async () => {
    const { adapter: slow, release } = gatedAdapter(createMemoryAdapter({ questionnaire, offers: [] }));
    const loading = await fixture<SiMatchFinder>(html`<si-match-finder lang="de" .adapter=${slow}></si-match-finder>`);
    expect(text(root(loading).querySelector('[role=status]'))).to.equal('Wird geladen …');
    await expect(loading).to.be.accessible();
    release();
    await waitUntil(() => root(loading).querySelector('[part~=empty]'));
    expect(text(root(loading).querySelector('[part~=empty]'))).to.equal('Zurzeit gibt es keine Angebote.');
    await expect(loading).to.be.accessible();

    // The first call (the questionnaire) fails, the retry reaches the data.
    const flaky = flakyAdapter(createMemoryAdapter({ questionnaire, offers }), 1, () => new AdapterError('network', 'offline'));
    const el = await render({ lang: 'en' }, flaky);
    // core's English messages load with the first update that needs them (German is bundled).
    await waitUntil(() => text(root(el).querySelector('[role=alert]')).includes('The data source cannot be reached.'), 'the error is not in English');
    await expect(el).to.be.accessible();
    await activate(el, 'Try again');
    await waitUntil(() => root(el).querySelector('.start'));
    expect(heading(el)).to.equal('Find a co-housing project');
  });

  it('takes its colours and sizes from --si-match-finder-*, then the 0.1 names --si-match-*, then the global tokens', async () => {
    const el = await render();
    const button = () => getComputedStyle(root(el).querySelector('[part~=start-button]')!).backgroundColor;
    const width = () => getComputedStyle(root(el).querySelector('.start')!).maxWidth;
    const accents: [string, string][] = [['--si-color-accent', 'rgb(1, 2, 3)'], ['--si-match-accent', 'rgb(4, 5, 6)'], ['--si-match-finder-accent', 'rgb(7, 8, 9)']];
    for (const [name, colour] of accents) {
      el.style.setProperty(name, colour);
      expect(button(), name).to.equal(colour);
    }
    el.style.setProperty('--si-match-max-width', '300px');
    expect(width()).to.equal('300px');
    el.style.setProperty('--si-match-finder-max-width', '320px');
    expect(width()).to.equal('320px');
  });

  it('speaks English and easy-to-read German, and can hide the score', async () => {
    const en = await render({ lang: 'en' });
    await activate(en, 'Answer the questions');
    await expectStep(en, 'Step 1 of 6 Who wants to move in?');
    expect(nameOf(root(en).querySelector('input[name=answer]')!)).to.equal('FAMILIE MIT KINDERN');

    const easy = await render({ easyRead: true });
    expect(heading(easy)).to.equal('Zusammen wohnen: Finden Sie ein Haus');

    const hsb = await render({ lang: 'hsb', showScore: 'false' });
    // The Upper Sorbian catalog arrived during loading: answering fetches nothing.
    const started = performance.getEntriesByType('resource').length;
    expect(text(root(hsb).querySelector('[part~=notice]'))).to.contain('Přehlad');
    await activate(hsb, 'Na prašenja wotmołwić');
    await expectStep(hsb, 'Krok 1 z 6 Wer möchte einziehen?');
    await tabTo(hsb, 'Familie mit Kindern');
    await press(hsb, ' ');
    await activate(hsb, 'Dale');
    for (let i = 0; i < 5; i++) await activate(hsb, 'Frage überspringen');
    await activate(hsb, 'Wuslědki pokazać');
    await waitUntil(() => root(hsb).querySelector('[part~=result]'));
    expect(root(hsb).querySelector('[part~=score]')).to.equal(null);
    await expect(hsb).to.be.accessible();
    expect(fetchedSince(started)).to.deep.equal([]);
  });
});
