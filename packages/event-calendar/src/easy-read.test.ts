import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import type { SiEventCalendar } from './index.js';
import './define.js';

const EVENTS = [
  { id: 'treffen', title: 'Treffen in Leipzig', start: '2026-10-21T17:00:00+02:00', location: { town: 'Leipzig' }, registration: { state: 'open', url: 'https://example.org/anmeldung' } },
];
const $ = (el: SiEventCalendar, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const views = (el: SiEventCalendar) => [...el.shadowRoot!.querySelectorAll('[part=view-button]')].map(text);

async function calendar(attrs: string, events: unknown[] = EVENTS): Promise<SiEventCalendar> {
  const adapter = createMemoryAdapter({ events });
  const el = await fixture<SiEventCalendar>(html`<div lang="de"><si-event-calendar date="2026-10-01" months="1" ?easy-read=${attrs === 'easy-read'} .adapter=${adapter}></si-event-calendar></div>`);
  const cal = el.querySelector('si-event-calendar')!;
  // Loaded: the list or the empty state is there (not only "not busy", which holds before the data too).
  await waitUntil(() => $(cal, '.body')?.getAttribute('aria-busy') === 'false' && ($(cal, '.agenda .event') || $(cal, '[part~=empty]')), 'calendar did not finish loading');
  await cal.messagesReady();
  await cal.updateComplete;
  return cal;
}

describe('<si-event-calendar> Leichte Sprache', () => {
  it('shows its own texts in Leichte Sprache with easy-read on a German page', async () => {
    const el = await calendar('easy-read');
    expect(views(el)).to.deep.equal(['Als Liste', 'Als Monat']);
    expect($(el, '.views')!.getAttribute('aria-label')).to.equal('So sehen Sie die Veranstaltungen');
    expect($(el, '[part=filters]')!.getAttribute('aria-label')).to.equal('Veranstaltungen auswählen');
    // Keys without a Leichte Sprache text fall back to standard German.
    expect(text($(el, '[part=print-button]'))).to.equal('Drucken');
    await expect(el).to.be.accessible();
  });

  it('says an empty month in Leichte Sprache', async () => {
    const el = await calendar('easy-read', []);
    expect(text($(el, '[part~=empty]'))).to.equal('In dieser Zeit gibt es keine Veranstaltungen.');
    await expect(el).to.be.accessible();
  });

  it('keeps the event details in Leichte Sprache', async () => {
    const el = await calendar('easy-read');
    $(el, '.agenda .event')!.click();
    const dialog = $(el, 'dialog.event-dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open);
    expect(text(dialog)).to.contain('Sie können sich anmelden.');
    expect(text(dialog.querySelector('a[href="https://example.org/anmeldung"]'))).to.equal('Hier anmelden');
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLElement>('.close')!.click();
    await waitUntil(() => !dialog.open);
  });

  it('keeps standard German without easy-read', async () => {
    const el = await calendar('');
    expect(views(el)).to.deep.equal(['Liste', 'Monat']);
    expect($(el, '[part=filters]')!.getAttribute('aria-label')).to.equal('Veranstaltungen filtern');
    await expect(el).to.be.accessible();
  });
});
