// Hostile data for the XSS and prototype-pollution gates: every payload of core's corpus in
// every text field and every URL field of every model.
import { XSS_TEXT_PAYLOADS, XSS_URL_PAYLOADS } from '@sozial-innovativ/core/testing';

export const TEXTS = XSS_TEXT_PAYLOADS;
/** Besides script: credentials that dress a foreign host up as a trusted one, mailto header fields (issue #13). */
export const URLS = [
  ...XSS_URL_PAYLOADS,
  'https://www.sachsen.de@evil.example/', 'https://user:pass@evil.example/', 'webcal://u:p@evil.example/x.ics',
  'mailto:info@example.org?bcc=all@evil.example', 'mailto:info@example.org&body=Zahlen%20Sie', 'mailto:info@example.org%3Fcc=x@evil.example',
];
/** E-mail addresses that would add recipients or text if put after `mailto:` as they are. */
const MAILS = ['info@example.org?bcc=all@evil.example', 'info@example.org&body=Zahlen%20Sie', 'info@example.org%3Fcc=x@evil.example', 'a@example.org,b@evil.example?subject=x'];
/** Every fourth item gets a hostile address instead of its text payload before `@example.org`. */
const email = (p: string, i: number) => (i % 4 === 1 ? MAILS[(i >> 2) % MAILS.length]! : `${p.replace(/\s/g, '')}@example.org`);
/** Item `i` carries text payload `i` in every text field and URL payload `i mod 28` in every URL field. */
const url = (i: number) => URLS[i % URLS.length]!;
const day = (i: number) => `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
const place = (p: string) => ({ name: p, address: p, postalCode: p, town: p, district: p, accessibility: p });

/** Text fields per model, counted for the report. */
export const FIELDS = {
  event: ['id', 'uid', 'title', 'topics[]', 'description', 'easyLanguage', 'location.name', 'location.address', 'location.postalCode', 'location.town', 'location.district', 'location.accessibility', 'organizer.name', 'organizer.email', 'organizer.phone', 'image.alt', 'source.name', 'source.licence'],
  eventUrls: ['url', 'onlineUrl', 'registration.url', 'organizer.url', 'image.url', 'source.url'],
  initiative: ['id', 'name', 'summary', 'description', 'easyLanguage', 'topics[]', 'targetGroups[]', 'region.name', 'region.address', 'region.postalCode', 'region.town', 'region.district', 'region.accessibility', 'contact.name', 'contact.email', 'contact.phone', 'links[].label', 'image.alt', 'source.name', 'source.licence'],
  initiativeUrls: ['url', 'contact.url', 'links[].url', 'image.url', 'source.url'],
  question: ['title', 'intro', 'label (de/en/hsb/de-x-ls)', 'shortLabel', 'hint', 'options[].value', 'options[].label', 'unit'],
  offer: ['id', 'name', 'summary', 'description', 'easyLanguage', 'location.name', 'location.address', 'location.postalCode', 'location.town', 'location.district', 'location.accessibility', 'contact.name', 'contact.email', 'contact.phone', 'image.alt', 'source.name', 'source.licence', 'attributes.*'],
  offerUrls: ['url', 'contact.url', 'image.url', 'source.url'],
};

export const hostileEvents = () =>
  TEXTS.map((p, i) => ({
    id: `${p}#${i}`, uid: `${p}#${i}`, title: p, start: `${day(i)}T${String(8 + (i % 12)).padStart(2, '0')}:00:00+02:00`,
    topics: [p, `${p} 2`], description: `${p}\n${p}`, easyLanguage: p, location: place(p), format: 'hybrid',
    onlineUrl: url(i), url: url(i), registration: { state: 'open', url: url(i) },
    organizer: { name: p, email: i % 4 === 1 ? email(p, i) : p, phone: p, url: url(i) }, image: { url: url(i), alt: p }, source: { name: p, url: url(i), licence: p },
  }));

export const hostileInitiatives = () =>
  TEXTS.map((p, i) => ({
    id: `${p}#${i}`, name: p, summary: p, description: p, easyLanguage: p, topics: [p], targetGroups: [p], region: place(p),
    contact: { name: p, email: email(p, i), phone: p, url: url(i + 1) }, links: [{ label: p, url: url(i) }],
    url: url(i), image: { url: url(i), alt: p }, source: { name: p, url: url(i + 2), licence: p },
  }));

const localized = (p: string) => ({ de: p, en: p, hsb: p, 'de-x-ls': p });
/** One question per payload, all optional, alternating single and multiple choice. */
export const hostileQuestionnaire = () => ({
  id: 'xss', title: localized(TEXTS[0]!), intro: localized(TEXTS[1]!),
  questions: TEXTS.map((p, i) => ({
    id: `q${i}`, kind: i % 2 ? 'multiple' : 'single', label: localized(p), shortLabel: p, hint: localized(p), unit: p.slice(0, 20),
    attribute: `a${i}`, options: [{ value: p.slice(0, 100), label: localized(p) }, { value: `other-${i}`, label: p }],
  })),
});

export const hostileOffers = () =>
  TEXTS.map((p, i) => ({
    id: `${p}#${i}`, name: p, summary: p, description: p, easyLanguage: p, location: place(p), url: url(i),
    contact: { name: p, email: email(p, i), phone: p, url: url(i + 1) }, image: { url: url(i), alt: p },
    source: { name: p, url: url(i), licence: p }, attributes: Object.fromEntries(TEXTS.map((_, j) => [`a${j}`, p.slice(0, 100)])),
  }));

/** iCalendar TEXT escaping (RFC 5545 §3.3.11), so each payload arrives in the parser whole. */
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** A feed with each payload in SUMMARY, DESCRIPTION, LOCATION, CATEGORIES and each URL payload in URL. */
export const hostileIcs = () =>
  [
    'BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${icsText(TEXTS[0]!)}`, `X-WR-CALNAME:${icsText(TEXTS[1]!)}`,
    ...TEXTS.flatMap((p, i) => [
      'BEGIN:VEVENT', `UID:${icsText(p)}-${i}`, `DTSTAMP:20260101T000000Z`, `DTSTART:${day(i).replace(/-/g, '')}T150000Z`,
      `SUMMARY:${icsText(p)}`, `DESCRIPTION:${icsText(p)}`, `LOCATION:${icsText(p)}`, `CATEGORIES:${icsText(p)}`,
      // A URL value cannot hold a raw line break; the rest of the payload goes in as it is.
      `URL:${url(i).replace(/[\r\n]/g, '')}`, 'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ].join('\r\n');

/** JSON with `__proto__` and `constructor.prototype` keys at every level a parser might merge. */
export const pollutingJson = () => {
  const poison = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
  const event = `{${poison},"id":"e","title":"T","start":"2026-10-05","location":{${poison},"town":"Leipzig"},"registration":{${poison}}}`;
  const initiative = `{${poison},"id":"i","name":"N","region":{${poison},"town":"Leipzig"},"contact":{${poison}},"links":[{${poison},"label":"L","url":"https://example.org"}]}`;
  const question = `{${poison},"id":"q","kind":"single","label":{${poison},"de":"Frage"},"options":[{${poison},"value":"a","label":"A"}]}`;
  const offer = `{${poison},"id":"o","name":"O","attributes":{${poison},"a":"x"},"seeks":{${poison}}}`;
  return `{${poison},"events":[${event}],"initiatives":[${initiative}],"questionnaire":{${poison},"id":"q","title":"T","questions":[${question}]},"offers":[${offer}]}`;
};
