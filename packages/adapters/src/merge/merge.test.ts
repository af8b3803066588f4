import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { clearFetchCache } from '@sozial-innovativ/core';
import '@sozial-innovativ/core/define/data-source';
import '@sozial-innovativ/event-calendar/define';
import type { SiEventCalendar } from '@sozial-innovativ/event-calendar';
import '../register.js';
import { ics } from '../ical/fixtures.js';

// Four organisers' feeds in one calendar; the Impact Hub's server is down.
const BASE = 'https://termine.example.test';
const dialog = ics(
  'X-WR-CALNAME:Sozial.Innovativ Dialogreihe',
  'BEGIN:VEVENT', 'UID:dialog@si', 'DTSTAMP:20260901T000000Z', 'DTSTART:20261208T160000Z', 'DURATION:PT2H',
  'RRULE:FREQ=WEEKLY;COUNT=2', 'SUMMARY:Dialogreihe Wohnen', 'END:VEVENT',
);
const telux = { events: [{ id: '1', title: 'TELUX Werkstattabend', start: '2026-12-10T18:30:00+01:00' }] };
// Lists the dialogue's first date too: it shows once.
const repair = {
  events: [
    { id: '1', title: 'Repair-Café Görlitz', start: '2026-12-09T15:00:00+01:00' },
    { id: 'copy', uid: 'dialog@si', title: 'Dialogreihe (Kopie)', start: '2026-12-08T17:00:00+01:00' },
  ],
};
let requests: string[] = [];
const worker = setupWorker(
  http.get(`${BASE}/dialogreihe.ics`, () => ((requests.push('dialog')), new HttpResponse(dialog, { headers: { 'Content-Type': 'text/calendar' } }))),
  http.get(`${BASE}/telux.json`, () => ((requests.push('telux')), HttpResponse.json(telux))),
  http.get(`${BASE}/repair.json`, () => ((requests.push('repair')), HttpResponse.json(repair))),
  http.get(`${BASE}/impact-hub.json`, () => ((requests.push('hub')), new HttpResponse('down', { status: 503 }))),
);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
beforeEach(() => {
  clearFetchCache();
  requests = [];
});

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const calendarIn = (el: Element) => el.querySelector('si-event-calendar') as SiEventCalendar;
const titles = (cal: SiEventCalendar) => [...cal.shadowRoot!.querySelectorAll('.agenda .event-title')].map(text);
const notices = (cal: SiEventCalendar) => [...cal.shadowRoot!.querySelectorAll('[part~=notice]')].map(text);

const merged = (lang = 'de') => fixture(html`<si-data-source type="merge" lang=${lang}>
  <si-data-source src="${BASE}/dialogreihe.ics" label="Dialogreihe"></si-data-source>
  <si-data-source src="${BASE}/impact-hub.json" label="Impact Hub"></si-data-source>
  <si-data-source src="${BASE}/telux.json" label="TELUX"></si-data-source>
  <si-data-source src="${BASE}/repair.json" label="Repair-Café"></si-data-source>
  <si-event-calendar date="2026-12-01" months="1"></si-event-calendar>
</si-data-source>`);

describe('<si-data-source type="merge"> with a calendar', () => {
  it('shows the events of the sources that answer, by time, and says which one is down', async () => {
    const el = await merged();
    const cal = calendarIn(el);
    await waitUntil(() => titles(cal).length > 0 && notices(cal).length > 0, 'the merged calendar did not show events and a notice', { timeout: 8000 });
    expect(titles(cal)).to.deep.equal(['Dialogreihe Wohnen', 'Repair-Café Görlitz', 'TELUX Werkstattabend', 'Dialogreihe Wohnen']);
    expect(notices(cal)).to.have.length(1);
    expect(notices(cal)[0]).to.match(/^1 von 4 Kalendern ist gerade nicht erreichbar \(Impact Hub\)\. Stand: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\.$/);
    expect(new Set(requests)).to.deep.equal(new Set(['dialog', 'telux', 'repair', 'hub']));
    // Each row names its calendar in text, not by colour alone.
    const sources = [...cal.shadowRoot!.querySelectorAll('.agenda [part~=list-item]')].map((row) => text(row.querySelector('[part~=source]')));
    expect(sources).to.deep.equal(['Kalender: Dialogreihe', 'Kalender: Repair-Café', 'Kalender: TELUX', 'Kalender: Dialogreihe']);
    await expect(cal).to.be.accessible();
  });

  it('says it in English too', async () => {
    const cal = calendarIn(await merged('en'));
    await waitUntil(() => notices(cal).length > 0, 'no notice', { timeout: 8000 });
    expect(notices(cal)[0]).to.contain('1 of 4 calendars is unavailable right now (Impact Hub).');
    await expect(cal).to.be.accessible();
  });

  it('merges again when a nested source is removed or added', async () => {
    const el = await merged();
    const cal = calendarIn(el);
    await waitUntil(() => notices(cal).length > 0, 'no notice', { timeout: 8000 });
    el.querySelector('[label="Impact Hub"]')!.remove();
    await waitUntil(() => notices(cal).length === 0, 'the notice stayed after the failing source was removed', { timeout: 8000 });
    expect(titles(cal)).to.have.length(4);
    const more = document.createElement('si-data-source');
    more.setAttribute('type', 'memory');
    more.setAttribute('label', 'Nachbarschaft');
    more.innerHTML = '<script type="application/json">{"events":[{"id":"n","title":"Nachbarschaftsfest","start":"2026-12-12"}]}</script>';
    el.prepend(more);
    await waitUntil(() => titles(cal).includes('Nachbarschaftsfest'), 'an added source did not join the merge', { timeout: 8000 });
  });

  it('shows an error, not an empty calendar, when every source fails or none is nested', async () => {
    const el = await fixture(html`<si-data-source type="merge" lang="en">
      <si-data-source src="${BASE}/impact-hub.json" label="Impact Hub"></si-data-source>
      <si-event-calendar date="2026-12-01" months="1"></si-event-calendar>
    </si-data-source>`);
    const cal = calendarIn(el);
    await waitUntil(() => cal.shadowRoot!.querySelector('[role=alert]'), 'no error shown', { timeout: 8000 });
    expect(text(cal.shadowRoot!.querySelector('[role=alert]'))).to.contain('The data source reports an error.');
    await expect(cal).to.be.accessible();

    const empty = calendarIn(await fixture(html`<si-data-source type="merge" lang="en"><si-event-calendar></si-event-calendar></si-data-source>`));
    await waitUntil(() => empty.shadowRoot!.querySelector('[role=alert]'), 'no error shown', { timeout: 8000 });
    expect(text(empty.shadowRoot!.querySelector('[role=alert]'))).to.contain('nested <si-data-source>');
  });
});
