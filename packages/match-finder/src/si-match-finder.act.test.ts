// Issue #19: results people can act on. Compare side by side, keep a shortlist (also through a
// shared link), get in touch with a prepared e-mail, print; all by keyboard, axe-clean in every
// state, and with no request and no storage write during the whole journey.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { DataAdapter } from '@sozial-innovativ/core';
import { spyAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '../src/define.js';
import type { SiMatchFinder } from './index.js';
import { offers, questionnaire } from './wohnen.fixture.js';

/** The fixture's offers with contacts as data provides them: website, registration page, e-mail, phone. */
const withContacts = offers.map((o, i) => ({
  ...o,
  contact: { ...o.contact, name: `Team ${o.name}`, url: `https://example.org/${o.id}/anmelden`, phone: i % 2 ? undefined : `0341 100 ${i}` },
}));

async function render(attrs: { share?: boolean; easyRead?: boolean; lang?: string } = {}, adapter: DataAdapter = spyAdapter(createMemoryAdapter({ questionnaire, offers: withContacts }))) {
  const el = await fixture<SiMatchFinder>(html`<si-match-finder lang=${attrs.lang ?? 'de'} ?share=${attrs.share} ?easy-read=${attrs.easyRead} .adapter=${adapter}></si-match-finder>`);
  await waitUntil(() => root(el).querySelector('.start'), 'the widget did not load');
  return el;
}
const root = (el: SiMatchFinder) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: SiMatchFinder, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: SiMatchFinder, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const active = (el: SiMatchFinder) => root(el).activeElement as HTMLElement | null;
const nameOf = (node: Element) => text((node as HTMLInputElement).labels?.[0] ?? node);
const heading = (el: SiMatchFinder) => text($(el, '#heading'));
const shown = (node: Element | null) => !!node && getComputedStyle(node).display !== 'none';

/** Presses Tab (or Shift+Tab) until a control with this accessible name has focus. */
async function tabTo(el: SiMatchFinder, name: string) {
  const target = $$(el, 'button, input, select, textarea, a[href]').find((n) => nameOf(n) === name);
  expect(target, `a control named "${name}"`).to.not.equal(undefined);
  const current = active(el);
  if (current && nameOf(current) === name) return current;
  const backwards = !!(current && target!.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING);
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
/** A family, every other question skipped: six results. */
async function toResults(el: SiMatchFinder) {
  await activate(el, 'Fragen beantworten');
  await tabTo(el, 'Familie mit Kindern');
  await press(el, ' ');
  await activate(el, 'Weiter');
  for (let i = 0; i < 5; i++) await activate(el, 'Frage überspringen');
  await activate(el, 'Ergebnisse anzeigen');
  await waitUntil(() => heading(el) === '6 passende Angebote');
}
/** The prepared e-mail's link, read as the mail program would. */
const mail = (el: SiMatchFinder) => {
  const url = new URL($<HTMLAnchorElement>(el, '[part~=mail-link]')!.getAttribute('href')!);
  return { to: url.pathname, subject: url.searchParams.get('subject'), body: url.searchParams.get('body') ?? '' };
};

describe('<si-match-finder> results people can act on', () => {
  let requests: string[];
  let writes: string[];
  let start: { cookie: string; local: number; session: number; resources: number; url: string };
  const originals = { fetch: window.fetch, open: XMLHttpRequest.prototype.open, beacon: navigator.sendBeacon, setItem: Storage.prototype.setItem, print: window.print };
  // The journey's module and the English catalog load with the first widgets, before any check.
  before(async () => {
    await render();
    await render({ lang: 'en' });
  });
  beforeEach(() => {
    requests = [];
    writes = [];
    window.fetch = (input: RequestInfo | URL) => (requests.push(`fetch ${String(input)}`), Promise.reject(new TypeError('blocked')));
    XMLHttpRequest.prototype.open = function (_m: string, url: string | URL) {
      requests.push(`xhr ${String(url)}`);
    } as typeof XMLHttpRequest.prototype.open;
    navigator.sendBeacon = (url: string | URL) => (requests.push(`beacon ${String(url)}`), true);
    Storage.prototype.setItem = function (key: string) {
      writes.push(key);
    };
    start = { cookie: document.cookie, local: localStorage.length, session: sessionStorage.length, resources: performance.getEntriesByType('resource').length, url: location.href };
  });
  afterEach(async () => {
    window.fetch = originals.fetch;
    XMLHttpRequest.prototype.open = originals.open;
    navigator.sendBeacon = originals.beacon;
    Storage.prototype.setItem = originals.setItem;
    window.print = originals.print;
    // The whole journey, whatever the test did: no request, nothing stored.
    expect(requests, 'requests').to.deep.equal([]);
    // The widget's own code loaded on demand (e.g. the Leichte Sprache texts) carries no data;
    // every other resource would.
    const ownCode = (n: string) => new URL(n).origin === location.origin && /\.(m?[jt]s)(\?|$)/.test(n);
    expect(performance.getEntriesByType('resource').slice(start.resources).map((r) => r.name).filter((n) => !n.includes('/axe-core/') && !ownCode(n))).to.deep.equal([]);
    expect(writes, 'storage writes').to.deep.equal([]);
    expect([document.cookie, localStorage.length, sessionStorage.length]).to.deep.equal([start.cookie, start.local, start.session]);
    if (emulated) await emulateMedia({ media: 'screen' });
    emulated = false;
    history.replaceState(null, '', start.url.replace(/#.*$/, ''));
  });

  it('compares two to four results in a real table, by keyboard there and back', async () => {
    const el = await render();
    await toResults(el);
    await expect(el).to.be.accessible();
    // One pick is no comparison: the button says why instead of opening.
    await tabTo(el, 'Vergleichen Alte Gärtnerei');
    await press(el, ' ');
    await activate(el, 'Ausgewählte vergleichen (1)');
    expect(text($(el, '.compare-bar [role=status]'))).to.equal('Wählen Sie mindestens 2 Angebote zum Vergleichen aus.');
    expect(heading(el)).to.equal('6 passende Angebote');
    await tabTo(el, 'Vergleichen Bahnhof Taucha');
    await press(el, ' ');
    await activate(el, 'Ausgewählte vergleichen (2)');

    expect(heading(el)).to.equal('2 Angebote im Vergleich');
    expect(active(el)?.id).to.equal('heading');
    const table = $<HTMLTableElement>(el, 'table')!;
    expect(text(table.caption)).to.equal('Wie die ausgewählten Angebote zu Ihren Antworten passen: eine Zeile je Frage, eine Spalte je Angebot.');
    const cols = [...table.tHead!.querySelectorAll('th')];
    expect(cols.map((th) => [th.getAttribute('scope'), text(th)])).to.deep.equal([
      ['col', 'Frage'], ['col', 'Ihre Antwort'], ['col', 'Alte Gärtnerei'], ['col', 'Bahnhof Taucha'],
    ]);
    const rows = [...table.tBodies[0]!.rows];
    expect(rows.every((r) => r.cells[0]!.localName === 'th' && r.cells[0]!.getAttribute('scope') === 'row')).to.equal(true);
    const row = (name: string) => rows.find((r) => text(r.cells[0]) === name)!;
    // The offer's own wish (two-sided), in words with a symbol beside them, and the person's answer.
    const wish = row('Haushalt (Wunsch des Angebots)');
    expect([...wish.cells].map(text)).to.deep.equal([
      'Haushalt (Wunsch des Angebots)', 'Familie mit Kindern', '✓ Passt Angebot: Familie mit Kindern', '✗ Passt nicht Angebot: Über 60',
    ]);
    expect(wish.cells[3]!.querySelector('[aria-hidden=true]')!.textContent).to.equal('✗');
    expect([...row('Miete').cells].map(text)).to.deep.equal(['Miete', 'Übersprungen', '– Nicht verglichen Angebot: 600 €', '– Nicht verglichen Angebot: 500 €']);
    expect(text(row('Kontakt').cells[2])).to.contain('E-Mail: a@example.org');
    await expect(el).to.be.accessible();

    // Stacked when the widget itself is narrow, a table again when wide.
    el.style.display = 'block';
    el.style.width = '480px';
    await waitUntil(() => getComputedStyle(rows[0]!.cells[1]!).display === 'block', 'not stacked below 600 px');
    await expect(el).to.be.accessible();
    el.style.width = '900px';
    await waitUntil(() => getComputedStyle(rows[0]!.cells[1]!).display === 'table-cell', 'not a table at 900 px');

    await activate(el, 'Zurück zu den Ergebnissen');
    expect(heading(el)).to.equal('6 passende Angebote');
    expect(nameOf(active(el)!)).to.equal('Ausgewählte vergleichen (2)');
    // A fifth pick is refused with a note.
    for (const name of ['Dorfgemeinschaft Delitzsch', 'Elbhaus', 'Muldenhof']) {
      await tabTo(el, `Vergleichen ${name}`);
      await press(el, ' ');
    }
    expect($<HTMLInputElement>(el, '#pick-0')!.checked || $<HTMLInputElement>(el, '#pick-5')!.checked).to.equal(true);
    expect($$<HTMLInputElement>(el, '.pick input').filter((i) => i.checked).length).to.equal(4);
    expect(text($(el, '.compare-bar [role=status]'))).to.equal('Sie können höchstens 4 Angebote vergleichen. Nehmen Sie erst ein anderes heraus.');
    await activate(el, 'Ausgewählte vergleichen (4)');
    expect($$(el, 'thead th').length).to.equal(6);
    await expect(el).to.be.accessible();
  });

  it('keeps a shortlist for the visit only, and carries it in the shared link', async () => {
    const el = await render({ share: true });
    await toResults(el);
    expect(text($(el, '[part~=shortlist]'))).to.contain('Noch nichts gemerkt.');
    expect(text($(el, '[part~=shortlist]'))).to.contain('Auf Ihrem Gerät wird nichts gespeichert');
    const keep = await tabTo(el, 'Merken Elbhaus');
    await press(el, 'Enter');
    expect(keep.getAttribute('aria-pressed')).to.equal('true');
    await activate(el, 'Merken Muldenhof');
    expect(text($(el, '[part~=shortlist] h3'))).to.equal('Ihre Merkliste (2)');
    expect($$(el, '[part~=shortlist] li').map(text)).to.deep.equal(['Elbhaus', 'Muldenhof']);
    await expect(el).to.be.accessible();

    await activate(el, 'Antworten als Link teilen');
    await activate(el, 'Ja, Link mit meinen Antworten erstellen');
    const link = (active(el) as HTMLInputElement).value;
    expect(link).to.match(/#si-match=.*&si-keep=d,f$/);
    expect(location.href).to.equal(start.url);

    // Someone opens the link: answers and shortlist are there.
    history.replaceState(null, '', link);
    const again = await render({ share: true });
    expect(text($(again, '.start .si-notice'))).to.contain('Die Antworten aus dem Link wurden übernommen.');
    await activate(again, 'Fragen beantworten');
    await activate(again, 'Weiter');
    for (let i = 0; i < 5; i++) await activate(again, 'Frage überspringen');
    await activate(again, 'Ergebnisse anzeigen');
    expect($$(again, '[part~=shortlist] li').map(text)).to.deep.equal(['Elbhaus', 'Muldenhof']);
    expect($$(again, '[part~=keep-button][aria-pressed=true]').map(text)).to.deep.equal(['Merken Elbhaus', 'Merken Muldenhof']);
    // Start over forgets it, also in the address.
    await activate(again, 'Neu beginnen');
    expect(location.hash).to.equal('');
  });

  it('prepares an e-mail the person may edit, with the answers only when ticked', async () => {
    const el = await render();
    await toResults(el);
    expect($$(el, 'a[href*="?subject="]')).to.deep.equal([]);
    const open = await tabTo(el, 'E-Mail vorbereiten Alte Gärtnerei');
    await press(el, 'Enter');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(active(el)?.id).to.equal('mail-text');
    let sent = mail(el);
    expect(sent.to).to.equal('a@example.org');
    expect(sent.subject).to.equal('Anfrage: Alte Gärtnerei');
    expect(sent.body).to.contain('ich interessiere mich für „Alte Gärtnerei“');
    expect(sent.body).to.not.contain('Familie mit Kindern');
    expect(sent.body).to.not.contain('Haushalt');
    await expect(el).to.be.accessible();

    // The person edits the text, then ticks that the answers go with it.
    const area = active(el) as HTMLTextAreaElement;
    area.setSelectionRange(area.value.length, area.value.length);
    await sendKeys({ type: 'Wir sind zu viert.' });
    await el.updateComplete;
    await waitUntil(() => mail(el).body.includes('Wir sind zu viert.'));
    await tabTo(el, 'Meine Antworten an die E-Mail anhängen');
    await press(el, ' ');
    sent = mail(el);
    expect(sent.body).to.contain('Wir sind zu viert.');
    expect(sent.body).to.contain('Meine Antworten aus dem Fragebogen:\r\n- Haushalt: Familie mit Kindern\r\n- Entfernung: Übersprungen');
    expect(text($(el, '.mail-answers'))).to.contain('Haushalt: Familie mit Kindern');
    await expect(el).to.be.accessible();
    // Unticked, the answers are gone again; the edited text stays.
    await press(el, ' ');
    expect(mail(el).body).to.not.contain('Familie mit Kindern');
    expect(mail(el).body).to.contain('Wir sind zu viert.');
    await activate(el, 'E-Mail vorbereiten Alte Gärtnerei');
    expect($(el, '[part~=mail]')).to.equal(null);
  });

  it('prints the answers, the ranked list with reasons, the date and the contacts, without controls', async () => {
    const el = await render();
    await toResults(el);
    let printed = 0;
    window.print = () => void printed++;
    await activate(el, 'Drucken oder als PDF speichern');
    expect(printed).to.equal(1);
    const firstContact = $(el, '[part~=result] .written-contact')!;
    expect(shown(firstContact)).to.equal(false);
    expect(shown($(el, '.print-header'))).to.equal(false);

    await printMedia(el);
    const controls = $$(el, 'button, input, select, textarea');
    expect(controls.length).to.be.above(10);
    expect(controls.filter(shown).map((c) => c.outerHTML.slice(0, 80))).to.deep.equal([]);
    expect(shown(firstContact)).to.equal(true);
    expect([...firstContact.children].map((row) => [...row.children].map(text).join(': '))).to.deep.equal([
      'Kontakt: Team Alte Gärtnerei', 'Website: https://example.org/a', 'Anmeldung und Kontaktseite: https://example.org/a/anmelden',
      'E-Mail: a@example.org', 'Telefon: 0341 100 0',
    ]);
    const header = $(el, '.print-header')!;
    expect(shown(header)).to.equal(true);
    expect(text(header)).to.match(/^Stand: \d{1,2}\. \S+ \d{4} /);
    expect([...header.querySelectorAll('dl > div')].map((row) => [...row.children].map(text).join(': '))[0]).to.equal('Haushalt: Familie mit Kindern');
    expect(shown($(el, '[part~=explanation]'))).to.equal(true);
    expect($$(el, '[part~=result] h3').filter(shown).length).to.equal(6);
  });

  it('explains the ranking in German, English and easy-to-read German', async () => {
    for (const [attrs, first] of [
      [{}, 'Jede beantwortete Frage zählt'],
      [{ lang: 'en' }, 'Every question you answered counts'],
      [{ easyRead: true }, 'Sie beantworten Fragen.'],
    ] as const) {
      const el = await render(attrs);
      await activate(el, attrs.lang === 'en' ? 'Answer the questions' : 'Fragen beantworten');
      await tabTo(el, attrs.lang === 'en' ? 'FAMILIE MIT KINDERN' : 'Familie mit Kindern');
      await press(el, ' ');
      await activate(el, attrs.lang === 'en' ? 'Continue' : 'Weiter');
      // Easy-to-read German names the skip button in Leichte Sprache (messages.ls.ts).
      const skip = attrs.lang === 'en' ? 'Skip this question' : 'easyRead' in attrs ? 'Frage auslassen' : 'Frage überspringen';
      for (let i = 0; i < 5; i++) await activate(el, skip);
      await activate(el, attrs.lang === 'en' ? 'Show results' : 'Ergebnisse anzeigen');
      const how = $<HTMLDetailsElement>(el, '[part~=how]')!;
      how.open = true;
      expect(text(how.querySelector('p'))).to.contain(first);
      expect(how.querySelectorAll('p').length).to.equal(3);
      await expect(el).to.be.accessible();
    }
  });
});

/**
 * Print media. Chromium emulates it; Firefox under WebDriver BiDi cannot, so there the widget's
 * own `@media print` rules are applied as a screen sheet: the same rules, checked the same way.
 */
let emulated = false;
async function printMedia(el: SiMatchFinder) {
  if (!navigator.userAgent.includes('Firefox')) {
    await emulateMedia({ media: 'print' });
    emulated = true;
    expect(matchMedia('print').matches).to.equal(true);
    return;
  }
  const rules = root(el).adoptedStyleSheets.flatMap((s) => [...s.cssRules])
    .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === 'print')
    .flatMap((r) => [...r.cssRules].map((x) => x.cssText));
  expect(rules.length).to.be.above(0);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  root(el).adoptedStyleSheets = [...root(el).adoptedStyleSheets, sheet];
}
