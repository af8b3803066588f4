// iCalendar as real feeds write it (issue #12): one small feed per quirk, in the style of the
// generator that writes it (PRODID, property order, CRLF, folding at 75 octets). Plain data plus
// one checker, run by quirks.node.test.ts in Node and by quirks.test.ts in Chromium and Firefox.
import type { CalendarEvent } from '@sozial-innovativ/core';
import { createIcalAdapter } from './index.js';
import { foldedIcs } from './fixtures.js';

export interface QuirkCase {
  name: string;
  /** Whose output the feed imitates. */
  generator: string;
  feed: string;
  range: { from: string; to: string };
  /** Each list covers every occurrence in the range, in order. */
  expect: {
    starts?: string[];
    ends?: string[];
    ids?: string[];
    titles?: string[];
    timeZones?: string[];
    allDay?: boolean[];
    /** VEVENTs the adapter could not read. */
    dropped?: number;
  };
}

const vcalendar = (head: string[], ...body: string[][]) => foldedIcs(['BEGIN:VCALENDAR', ...head, ...body.flat(), 'END:VCALENDAR']);

/** Outlook's definition of W. Europe Standard Time, reused by the Windows-name feeds. */
const OUTLOOK_W_EUROPE = [
  'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD', 'DTSTART:16011028T030000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:16010325T020000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const OUTLOOK_HEAD = ['PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN', 'VERSION:2.0', 'METHOD:PUBLISH', 'X-MS-OLK-FORCEINSPECTOROPEN:TRUE'];
const OUTLOOK_UID = (n: number) => `UID:040000008200E00074C5B7101A82E0080000000060C2B1E8C271D60100000000000000001000000${n}A5D3C1F2B47E0A4C8F3D2A1B0C9E8F7D6`;
const outlookEvent = (n: number, ...lines: string[]) => [
  'BEGIN:VEVENT', 'CLASS:PUBLIC', 'CREATED:20200801T090000Z', 'DESCRIPTION:\\n', ...lines.filter((l) => /^(DT(END|STAMP|START)|EXDATE)/.test(l)),
  'LAST-MODIFIED:20200801T090000Z', ...lines.filter((l) => l.startsWith('LOCATION')), 'PRIORITY:5',
  ...lines.filter((l) => /^(RECURRENCE-ID|RRULE)/.test(l)), 'SEQUENCE:0',
  ...lines.filter((l) => l.startsWith('SUMMARY')), 'TRANSP:TRANSPARENT', OUTLOOK_UID(n),
  'X-MICROSOFT-CDO-BUSYSTATUS:FREE', 'X-MICROSOFT-CDO-IMPORTANCE:1', ...lines.filter((l) => l.startsWith('X-')),
  'X-MICROSOFT-DISALLOW-COUNTER:FALSE', 'X-MS-OLK-AUTOFILLLOCATION:FALSE', 'X-MS-OLK-CONFTYPE:0', 'END:VEVENT',
];

export const quirkCases: QuirkCase[] = [
  {
    name: 'TZID=Europe/Berlin before and after the feed\'s own VTIMEZONE follows the IANA rules',
    generator: 'kigkonsult iCalcreator (WordPress event plugins): VTIMEZONE built for 2018–2019 only',
    feed: vcalendar(
      ['VERSION:2.0', 'PRODID:-//kigkonsult.se iCalcreator 2.26.9//', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
        'X-WR-CALNAME:Nachbarschaftshilfe Plauen', 'X-WR-TIMEZONE:Europe/Berlin'],
      ['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'X-LIC-LOCATION:Europe/Berlin',
        'BEGIN:STANDARD', 'DTSTART:20181028T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RDATE:20191027T030000', 'TZNAME:CET', 'END:STANDARD',
        'BEGIN:DAYLIGHT', 'DTSTART:20190331T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'END:DAYLIGHT',
        'END:VTIMEZONE'],
      ['BEGIN:VEVENT', 'UID:20161103T101500CET-6842yGVNOo@nachbarschaftshilfe.example', 'DTSTAMP:20190312T091500Z',
        'DESCRIPTION:Selbstgebackenes\\, Handarbeiten und Glühwein zugunsten der Nachbarschaftshilfe im Stadtteil Haselbrunn',
        'DTSTART;TZID=Europe/Berlin:20161203T140000', 'DTEND;TZID=Europe/Berlin:20161203T170000',
        'LOCATION:Gemeindehaus\\, Plauen', 'SUMMARY:Adventsbasar', 'URL;VALUE=URI:https://nachbarschaftshilfe.example/?event=12', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:20170612T080000CEST-a71KkQ2xw1@nachbarschaftshilfe.example', 'DTSTAMP:20190312T091500Z',
        'DTSTART;TZID=Europe/Berlin:20170701T100000', 'DTEND;TZID=Europe/Berlin:20170701T160000', 'SUMMARY:Sommerfest', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:20210501T120000CEST-Pq83nZr0aa@nachbarschaftshilfe.example', 'DTSTAMP:20210501T100000Z',
        'DTSTART;TZID=Europe/Berlin:20210612T100000', 'DTEND;TZID=Europe/Berlin:20210612T120000', 'SUMMARY:Frühjahrsputz', 'END:VEVENT'],
    ),
    range: { from: '2016-01-01T00:00:00Z', to: '2022-01-01T00:00:00Z' },
    expect: {
      ids: [
        '20161103T101500CET-6842yGVNOo@nachbarschaftshilfe.example@2016-12-03T13:00:00Z',
        '20170612T080000CEST-a71KkQ2xw1@nachbarschaftshilfe.example@2017-07-01T08:00:00Z',
        '20210501T120000CEST-Pq83nZr0aa@nachbarschaftshilfe.example@2021-06-12T08:00:00Z',
      ],
      starts: ['2016-12-03T14:00:00+01:00', '2017-07-01T10:00:00+02:00', '2021-06-12T10:00:00+02:00'],
      ends: ['2016-12-03T17:00:00+01:00', '2017-07-01T16:00:00+02:00', '2021-06-12T12:00:00+02:00'],
      timeZones: ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin'],
    },
  },
  {
    name: 'a VTIMEZONE that covers only the year of DTSTART, and a RECURRENCE-ID in UTC for a TZID series',
    generator: 'icalendar-ruby (Discourse): VTIMEZONE from tzinfo around DTSTART, override written as UTC',
    feed: vcalendar(
      ['VERSION:2.0', 'PRODID:icalendar-ruby', 'CALSCALE:GREGORIAN'],
      ['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
        'BEGIN:DAYLIGHT', 'DTSTART:20190331T030000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'END:DAYLIGHT',
        'BEGIN:STANDARD', 'DTSTART:20191027T020000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'END:STANDARD',
        'END:VTIMEZONE'],
      ['BEGIN:VEVENT', 'DTSTAMP:20190501T120000Z', 'UID:discourse-event-42@forum.example',
        'DTSTART;TZID=Europe/Berlin:20190507T190000', 'DTEND;TZID=Europe/Berlin:20190507T210000',
        'RRULE:FREQ=WEEKLY;BYDAY=TU', 'SUMMARY:Stammtisch', 'URL:https://forum.example/t/stammtisch/42', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'DTSTAMP:20200401T120000Z', 'UID:discourse-event-42@forum.example', 'RECURRENCE-ID:20200407T170000Z',
        'DTSTART;TZID=Europe/Berlin:20200407T200000', 'DTEND;TZID=Europe/Berlin:20200407T220000',
        'SUMMARY:Stammtisch (eine Stunde später)', 'URL:https://forum.example/t/stammtisch/42', 'END:VEVENT'],
    ),
    range: { from: '2020-03-20T00:00:00Z', to: '2020-04-15T00:00:00Z' },
    expect: {
      ids: ['2020-03-24T18:00:00Z', '2020-03-31T17:00:00Z', '2020-04-07T17:00:00Z', '2020-04-14T17:00:00Z'].map((k) => `discourse-event-42@forum.example@${k}`),
      starts: ['2020-03-24T19:00:00+01:00', '2020-03-31T19:00:00+02:00', '2020-04-07T20:00:00+02:00', '2020-04-14T19:00:00+02:00'],
      titles: ['Stammtisch', 'Stammtisch', 'Stammtisch (eine Stunde später)', 'Stammtisch'],
    },
  },
  {
    name: 'events without UID stay, with stable ids; RDATE on the rule counts once, EXDATE removes an RDATE',
    generator: 'municipal waste calendar (hand-rolled PHP export, no UID, all-day dates)',
    feed: vcalendar(
      ['VERSION:2.0', 'PRODID:-//Abfallwirtschaft Musterkreis//Abfuhrkalender 3.1//DE', 'X-WR-CALNAME:Abfuhrtermine Musterstraße'],
      ['BEGIN:VEVENT', 'DTSTAMP:20241201T000000Z', 'DTSTART;VALUE=DATE:20250107', 'DTEND;VALUE=DATE:20250108',
        'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4', 'RDATE;VALUE=DATE:20250121,20250110', 'EXDATE;VALUE=DATE:20250110,20250204',
        'SUMMARY:Biotonne', 'END:VEVENT'],
      // Two districts, same day and title: both are real collections.
      ['BEGIN:VEVENT', 'DTSTAMP:20241201T000000Z', 'DTSTART;VALUE=DATE:20250114', 'SUMMARY:Gelbe Tonne', 'DESCRIPTION:Bezirk Nord', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'DTSTAMP:20241201T000000Z', 'DTSTART;VALUE=DATE:20250114', 'SUMMARY:Gelbe Tonne', 'DESCRIPTION:Bezirk Süd', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'DTSTAMP:20241201T000000Z', 'DTSTART;TZID=Europe/Berlin:20250115T180000', 'DURATION:PT2H',
        'RRULE:FREQ=DAILY;COUNT=2', 'RDATE;TZID=Europe/Berlin:20250116T180000,20250120T180000', 'EXDATE:20250120T170000Z',
        'SUMMARY:Wertstoffhof länger geöffnet', 'END:VEVENT'],
    ),
    range: { from: '2025-01-01T00:00:00Z', to: '2025-03-01T00:00:00Z' },
    expect: {
      starts: ['2025-01-07', '2025-01-14', '2025-01-14', '2025-01-15T18:00:00+01:00', '2025-01-16T18:00:00+01:00', '2025-01-21', '2025-02-18'],
      titles: ['Biotonne', 'Gelbe Tonne', 'Gelbe Tonne', 'Wertstoffhof länger geöffnet', 'Wertstoffhof länger geöffnet', 'Biotonne', 'Biotonne'],
      ids: [
        'nouid-22sl4g98d0k@2025-01-07', 'nouid-slr01g28wn@2025-01-14', 'nouid-slr01g28wn-2@2025-01-14',
        'nouid-ub7yoq5tvw@2025-01-15T17:00:00Z', 'nouid-ub7yoq5tvw@2025-01-16T17:00:00Z',
        'nouid-22sl4g98d0k@2025-01-21', 'nouid-22sl4g98d0k@2025-02-18',
      ],
      dropped: 0,
    },
  },
  {
    name: 'a date without VALUE=DATE, DTEND equal to a date DTSTART and an empty RRULE make a one-day event',
    generator: 'public-holiday feed (hand-rolled, lenient values)',
    feed: vcalendar(
      ['VERSION:2.0', 'PRODID:-//feiertage.example//Feiertage Sachsen//DE', 'METHOD:PUBLISH', 'X-WR-CALNAME:Feiertage Sachsen 2019'],
      ['BEGIN:VEVENT', 'UID:neujahr-2019@feiertage.example', 'DTSTART:20190101', 'DTEND:20190101', 'RRULE:', 'SUMMARY:Neujahr', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:karfreitag-2019@feiertage.example', 'DTSTART:20190419', 'DTEND:20190420', 'SUMMARY:Karfreitag', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:busstag-2019@feiertage.example', 'DTSTART;VALUE=DATE:20191120', 'DTEND;VALUE=DATE:20191120', 'RRULE:',
        'SUMMARY:Buß- und Bettag', 'END:VEVENT'],
    ),
    range: { from: '2018-06-01T00:00:00Z', to: '2021-01-01T00:00:00Z' },
    expect: {
      ids: ['neujahr-2019@feiertage.example@2019-01-01', 'karfreitag-2019@feiertage.example@2019-04-19', 'busstag-2019@feiertage.example@2019-11-20'],
      starts: ['2019-01-01', '2019-04-19', '2019-11-20'],
      ends: ['2019-01-02', '2019-04-20', '2019-11-21'],
      allDay: [true, true, true],
      dropped: 0,
    },
  },
  {
    name: 'a Windows TZID with Outlook\'s VTIMEZONE: EXDATE, a moved instance and UNTIL on the last start',
    generator: 'Outlook 16 "Save as iCalendar", organiser in W. Europe Standard Time',
    feed: vcalendar(
      [...OUTLOOK_HEAD, 'X-WR-CALNAME:Familienzentrum Bautzen'],
      OUTLOOK_W_EUROPE,
      outlookEvent(5, 'DTEND;TZID=W. Europe Standard Time:20251014T193000', 'DTSTAMP:20250901T090000Z',
        'DTSTART;TZID=W. Europe Standard Time:20251014T180000', 'EXDATE;TZID=W. Europe Standard Time:20251021T180000',
        'LOCATION:Familienzentrum\\, Saal', 'RRULE:FREQ=WEEKLY;UNTIL=20251104T170000Z;INTERVAL=1;BYDAY=TU;WKST=MO',
        'SUMMARY;LANGUAGE=de:Elterncafé', 'X-MICROSOFT-CDO-ALLDAYEVENT:FALSE'),
      outlookEvent(5, 'DTEND;TZID=W. Europe Standard Time:20251028T203000', 'DTSTAMP:20250901T090000Z',
        'DTSTART;TZID=W. Europe Standard Time:20251028T190000', 'LOCATION:Familienzentrum\\, Saal',
        'RECURRENCE-ID;TZID=W. Europe Standard Time:20251028T180000', 'SUMMARY;LANGUAGE=de:Elterncafé (später)',
        'X-MICROSOFT-CDO-ALLDAYEVENT:FALSE'),
    ),
    range: { from: '2025-10-01T00:00:00Z', to: '2025-12-01T00:00:00Z' },
    expect: {
      starts: ['2025-10-14T18:00:00+02:00', '2025-10-28T19:00:00+01:00', '2025-11-04T18:00:00+01:00'],
      ends: ['2025-10-14T19:30:00+02:00', '2025-10-28T20:30:00+01:00', '2025-11-04T19:30:00+01:00'],
      titles: ['Elterncafé', 'Elterncafé (später)', 'Elterncafé'],
      timeZones: ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin'],
    },
  },
  {
    name: 'an all-day series with UNTIL in UTC ends on the date UNTIL has in the organiser\'s zone (east of Berlin)',
    generator: 'Outlook 16 "Save as iCalendar", organiser in FLE Standard Time (Helsinki)',
    feed: vcalendar(
      [...OUTLOOK_HEAD, 'X-WR-CALNAME:Partnerschaft Görlitz–Jyväskylä'],
      ['BEGIN:VTIMEZONE', 'TZID:FLE Standard Time',
        'BEGIN:STANDARD', 'DTSTART:16011028T040000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0200', 'END:STANDARD',
        'BEGIN:DAYLIGHT', 'DTSTART:16010325T030000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0300', 'END:DAYLIGHT',
        'END:VTIMEZONE'],
      // Last occurrence Thursday 17 Sep: Outlook writes its midnight in Helsinki as UTC.
      outlookEvent(1, 'DTEND;VALUE=DATE:20200821', 'DTSTAMP:20200801T090000Z', 'DTSTART;VALUE=DATE:20200820',
        'RRULE:FREQ=WEEKLY;UNTIL=20200916T210000Z;INTERVAL=2;BYDAY=TH;WKST=SU', 'SUMMARY;LANGUAGE=de:Partnerschaftstreffen',
        'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'),
      outlookEvent(2, 'DTEND;TZID=FLE Standard Time:20200903T200000', 'DTSTAMP:20200801T090000Z', 'DTSTART;TZID=FLE Standard Time:20200903T180000',
        'SUMMARY;LANGUAGE=de:Videokonferenz', 'X-MICROSOFT-CDO-ALLDAYEVENT:FALSE'),
      // All-day as midnight-to-midnight date-times, flagged.
      outlookEvent(3, 'DTEND;TZID=FLE Standard Time:20200911T000000', 'DTSTAMP:20200801T090000Z', 'DTSTART;TZID=FLE Standard Time:20200910T000000',
        'SUMMARY;LANGUAGE=de:Besuch in Jyväskylä', 'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'),
    ),
    range: { from: '2020-08-01T00:00:00Z', to: '2020-10-01T00:00:00Z' },
    expect: {
      starts: ['2020-08-20', '2020-09-03', '2020-09-03T18:00:00+03:00', '2020-09-10', '2020-09-17'],
      ends: ['2020-08-21', '2020-09-04', '2020-09-03T20:00:00+03:00', '2020-09-11', '2020-09-18'],
      allDay: [true, true, false, true, true],
      timeZones: ['Europe/Berlin', 'Europe/Berlin', 'Europe/Helsinki', 'Europe/Berlin', 'Europe/Berlin'],
    },
  },
  {
    name: 'UNTIL=20200916T230000Z on an all-day series of an organiser in UTC ends on 16 Sep (WKST=SU, INTERVAL=2)',
    generator: 'Outlook 16 "Save as iCalendar", organiser in UTC',
    feed: vcalendar(
      OUTLOOK_HEAD,
      ['BEGIN:VTIMEZONE', 'TZID:UTC', 'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0000', 'END:STANDARD', 'END:VTIMEZONE'],
      outlookEvent(4, 'DTEND;VALUE=DATE:20200821', 'DTSTAMP:20200801T090000Z', 'DTSTART;VALUE=DATE:20200820',
        'RRULE:FREQ=WEEKLY;UNTIL=20200916T230000Z;INTERVAL=2;BYDAY=TH;WKST=SU', 'SUMMARY;LANGUAGE=de:Redaktionsschluss',
        'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'),
    ),
    range: { from: '2020-08-01T00:00:00Z', to: '2020-10-01T00:00:00Z' },
    expect: { starts: ['2020-08-20', '2020-09-03'] },
  },
  {
    name: 'a RECURRENCE-ID written as a UTC midnight replaces its all-day instance; a date EXDATE removes a timed one',
    generator: 'Nextcloud (Sabre VObject) export of client-written events',
    feed: vcalendar(
      ['VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:-//Sabre//Sabre VObject 4.4.2//EN', 'X-WR-CALNAME:Repair-Café Zittau',
        'X-APPLE-CALENDAR-COLOR:#0082c9'],
      ['BEGIN:VEVENT', 'CREATED:20200901T080000Z', 'DTSTAMP:20200901T080000Z', 'LAST-MODIFIED:20200901T080000Z', 'SEQUENCE:2',
        'UID:9b1c7e52-3f0a-4d7e-8a8e-2c1b5d6f7a90', 'DTSTART;VALUE=DATE:20200914', 'DTEND;VALUE=DATE:20200915', 'STATUS:CONFIRMED',
        'SUMMARY:Kleidertausch', 'RRULE:FREQ=WEEKLY;COUNT=4', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'CREATED:20200901T080000Z', 'DTSTAMP:20200910T080000Z', 'LAST-MODIFIED:20200910T080000Z', 'SEQUENCE:3',
        'UID:9b1c7e52-3f0a-4d7e-8a8e-2c1b5d6f7a90', 'DTSTART;VALUE=DATE:20200922', 'DTEND;VALUE=DATE:20200923', 'STATUS:CONFIRMED',
        'SUMMARY:Kleidertausch (verschoben)', 'RECURRENCE-ID:20200921T000000Z', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'CREATED:20200901T080000Z', 'DTSTAMP:20200901T080000Z', 'LAST-MODIFIED:20200901T080000Z', 'SEQUENCE:1',
        'UID:c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b', 'DTSTART;TZID=Europe/Berlin:20200915T180000', 'DTEND;TZID=Europe/Berlin:20200915T210000',
        'SUMMARY:Reparaturabend', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE;VALUE=DATE:20200922', 'END:VEVENT'],
    ),
    range: { from: '2020-09-01T00:00:00Z', to: '2020-11-01T00:00:00Z' },
    expect: {
      ids: [
        '9b1c7e52-3f0a-4d7e-8a8e-2c1b5d6f7a90@2020-09-14', 'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b@2020-09-15T16:00:00Z',
        '9b1c7e52-3f0a-4d7e-8a8e-2c1b5d6f7a90@2020-09-21', '9b1c7e52-3f0a-4d7e-8a8e-2c1b5d6f7a90@2020-09-28',
        'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b@2020-09-29T16:00:00Z', '9b1c7e52-3f0a-4d7e-8a8e-2c1b5d6f7a90@2020-10-05',
      ],
      starts: ['2020-09-14', '2020-09-15T18:00:00+02:00', '2020-09-22', '2020-09-28', '2020-09-29T18:00:00+02:00', '2020-10-05'],
    },
  },
  {
    name: 'floating times stay in the default zone, Europe/Berlin',
    generator: 'Thunderbird/Lightning, event in "local time" (no TZID)',
    feed: vcalendar(
      ['PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN', 'VERSION:2.0'],
      ['BEGIN:VEVENT', 'CREATED:20250601T080000Z', 'LAST-MODIFIED:20250601T080000Z', 'DTSTAMP:20250601T080000Z',
        'UID:0c4e5b7a-1d2e-4f60-9a8b-7c6d5e4f3a2b', 'SUMMARY:Sprechstunde Quartiersmanagement',
        'RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1MO', 'DTSTART:20250707T090000', 'DTEND:20250707T120000', 'END:VEVENT'],
    ),
    range: { from: '2025-09-01T00:00:00Z', to: '2025-12-01T00:00:00Z' },
    expect: {
      ids: ['2025-09-01T07:00:00Z', '2025-10-06T07:00:00Z', '2025-11-03T08:00:00Z'].map((k) => `0c4e5b7a-1d2e-4f60-9a8b-7c6d5e4f3a2b@${k}`),
      starts: ['2025-09-01T09:00:00+02:00', '2025-10-06T09:00:00+02:00', '2025-11-03T09:00:00+01:00'],
      ends: ['2025-09-01T12:00:00+02:00', '2025-10-06T12:00:00+02:00', '2025-11-03T12:00:00+01:00'],
      timeZones: ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin'],
    },
  },
  {
    name: 'floating times stay in X-WR-TIMEZONE when the feed names one',
    generator: 'Apple Calendar (macOS) export, a floating event',
    feed: vcalendar(
      ['VERSION:2.0', 'PRODID:-//Apple Inc.//macOS 13.4//EN', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Städtepartnerschaft Chemnitz–Manchester',
        'X-WR-TIMEZONE:Europe/London'],
      ['BEGIN:VEVENT', 'TRANSP:OPAQUE', 'DTEND:20250707T120000', 'UID:5E1F3C2A-7B9D-4E6F-8A1B-2C3D4E5F6A7B', 'DTSTAMP:20250601T080000Z',
        'SEQUENCE:0', 'SUMMARY:Online-Sprachcafé', 'LAST-MODIFIED:20250601T080000Z', 'CREATED:20250601T080000Z',
        'DTSTART:20250707T100000', 'END:VEVENT'],
    ),
    range: { from: '2025-07-01T00:00:00Z', to: '2025-08-01T00:00:00Z' },
    expect: {
      ids: ['5E1F3C2A-7B9D-4E6F-8A1B-2C3D4E5F6A7B@2025-07-07T09:00:00Z'],
      starts: ['2025-07-07T10:00:00+01:00'],
      ends: ['2025-07-07T12:00:00+01:00'],
      timeZones: ['Europe/London'],
    },
  },
  {
    name: 'an RDATE written as a PERIOD gives that instance the period\'s length (end or duration), not the series\'',
    generator: 'Evolution (libical): extra dates of a series added as periods',
    feed: vcalendar(
      ['PRODID:-//Ximian//NONSGML Evolution Calendar//EN', 'VERSION:2.0', 'METHOD:PUBLISH'],
      ['BEGIN:VEVENT', 'UID:20200301T101010Z-4711-1000-1-7@laptop', 'DTSTAMP:20200301T101010Z',
        'DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:20200305T100000',
        'DTEND;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:20200305T120000',
        'RDATE;VALUE=PERIOD:20200402T080000Z/20200402T093000Z', 'RDATE;VALUE=PERIOD:20200416T080000Z/PT45M',
        'SUMMARY:Nähcafé', 'END:VEVENT'],
    ),
    range: { from: '2020-03-01T00:00:00Z', to: '2020-05-01T00:00:00Z' },
    expect: {
      starts: ['2020-03-05T10:00:00+01:00', '2020-04-02T10:00:00+02:00', '2020-04-16T10:00:00+02:00'],
      ends: ['2020-03-05T12:00:00+01:00', '2020-04-02T11:30:00+02:00', '2020-04-16T10:45:00+02:00'],
    },
  },
  {
    name: 'TZIDs as other generators spell them: libical prefixes, quotes, Windows display names, X-LIC-LOCATION',
    generator: 'Evolution (libical), a PHP export quoting parameters, Outlook.com display names, a custom name',
    feed: vcalendar(
      ['PRODID:-//Ximian//NONSGML Evolution Calendar//EN', 'VERSION:2.0', 'METHOD:PUBLISH'],
      // A custom name whose definition knows only the winter offset, but says where it is.
      ['BEGIN:VTIMEZONE', 'TZID:Berlin, Germany', 'X-LIC-LOCATION:Europe/Berlin',
        'BEGIN:STANDARD', 'DTSTART:20191027T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'],
      ['BEGIN:VEVENT', 'UID:20200301T101010Z-1234-1000-1-2@laptop', 'DTSTAMP:20200301T101010Z',
        'DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:20200305T100000',
        'DTEND;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:20200305T120000',
        'RDATE;VALUE=PERIOD:20200402T080000Z/20200402T100000Z', 'SUMMARY:Repair-Café', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:termin-77@stadt.example', 'DTSTAMP:20200301T101010Z', 'DTSTART;TZID="Europe/Berlin":20200310T170000',
        'SUMMARY:Bürgersprechstunde', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:AAMkAGI2TG93AAA=', 'DTSTAMP:20200301T101010Z',
        'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien":20200316T090000', 'SUMMARY:Teamrunde', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:custom-1@laptop', 'DTSTAMP:20200301T101010Z', 'DTSTART;TZID=Berlin, Germany:20200423T190000',
        'SUMMARY:Vereinsabend', 'END:VEVENT'],
    ),
    range: { from: '2020-03-01T00:00:00Z', to: '2020-05-01T00:00:00Z' },
    expect: {
      ids: [
        '20200301T101010Z-1234-1000-1-2@laptop@2020-03-05T09:00:00Z', 'termin-77@stadt.example@2020-03-10T16:00:00Z',
        'AAMkAGI2TG93AAA=@2020-03-16T08:00:00Z', '20200301T101010Z-1234-1000-1-2@laptop@2020-04-02T08:00:00Z', 'custom-1@laptop@2020-04-23T17:00:00Z',
      ],
      starts: ['2020-03-05T10:00:00+01:00', '2020-03-10T17:00:00+01:00', '2020-03-16T09:00:00+01:00', '2020-04-02T10:00:00+02:00', '2020-04-23T19:00:00+02:00'],
      timeZones: ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin'],
    },
  },
];

type Checked = keyof QuirkCase['expect'];
const fields: Record<Exclude<Checked, 'dropped'>, (e: CalendarEvent) => unknown> = {
  starts: (e) => e.start,
  ends: (e) => e.end,
  ids: (e) => e.id,
  titles: (e) => e.title,
  timeZones: (e) => e.timeZone,
  allDay: (e) => e.allDay,
};

/** What the adapter returned that the case does not expect, one line per difference; empty when it matches. */
export function quirkMismatches(c: QuirkCase, result: { items: CalendarEvent[]; dropped: number }): string[] {
  const out: string[] = [];
  for (const [key, read] of Object.entries(fields) as Array<[Exclude<Checked, 'dropped'>, (e: CalendarEvent) => unknown]>) {
    const want = c.expect[key];
    if (!want) continue;
    const got = result.items.map(read);
    if (got.length !== want.length) out.push(`${key}: ${got.length} occurrences, expected ${want.length}: ${JSON.stringify(got)}`);
    else got.forEach((g, i) => g !== want[i] && out.push(`${key}[${i}]: ${JSON.stringify(g)}, expected ${JSON.stringify(want[i])}`));
  }
  if (c.expect.dropped !== undefined && result.dropped !== c.expect.dropped) out.push(`dropped: ${result.dropped}, expected ${c.expect.dropped}`);
  return out;
}

/** Runs one case through the adapter, as a widget would. */
export async function runQuirk(c: QuirkCase): Promise<string[]> {
  return quirkMismatches(c, await createIcalAdapter({ text: c.feed }).events(c.range));
}
