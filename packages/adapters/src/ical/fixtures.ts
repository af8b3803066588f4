// Hand-written RFC 5545 fixtures, shared by the Node and the browser tests.
export const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Fixtures//DE', ...lines, 'END:VCALENDAR'].join('\r\n') + '\r\n';

export const VTIMEZONE_BERLIN = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

/** A weekly series at 17:00 Berlin time across the end of summer time (26 Oct 2025). */
export const weeklyBerlin = (withVtimezone: boolean) => ics(
  ...(withVtimezone ? VTIMEZONE_BERLIN : []),
  'BEGIN:VEVENT', 'UID:treff@example.test', 'DTSTAMP:20250901T000000Z',
  'DTSTART;TZID=Europe/Berlin:20251014T170000', 'DTEND;TZID=Europe/Berlin:20251014T190000',
  'RRULE:FREQ=WEEKLY;UNTIL=20251104T160000Z', 'SUMMARY:Offener Treff', 'LOCATION:Stadtteilladen\\, Leipzig',
  'CATEGORIES:Begegnung,Nachbarschaft', 'END:VEVENT',
);

export const featureFeed = ics(
  'X-WR-CALNAME:Sozial.Innovativ Termine',
  'X-WR-TIMEZONE:Europe/Berlin',
  ...VTIMEZONE_BERLIN,
  // Series with EXDATE, RDATE, a moved instance and a cancelled instance.
  'BEGIN:VEVENT', 'UID:werkstatt', 'DTSTAMP:20250901T000000Z', 'DTSTART;TZID=Europe/Berlin:20251006T180000', 'DURATION:PT90M',
  'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6', 'EXDATE;TZID=Europe/Berlin:20251013T180000', 'RDATE;TZID=Europe/Berlin:20251022T100000',
  'SUMMARY:Ideenwerkstatt', 'STATUS:CONFIRMED', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:werkstatt', 'DTSTAMP:20250901T000000Z', 'RECURRENCE-ID;TZID=Europe/Berlin:20251020T180000',
  'DTSTART;TZID=Europe/Berlin:20251021T190000', 'DTEND;TZID=Europe/Berlin:20251021T203000', 'SUMMARY:Ideenwerkstatt (verschoben)', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:werkstatt', 'DTSTAMP:20250901T000000Z', 'RECURRENCE-ID:20251103T170000Z',
  'DTSTART;TZID=Europe/Berlin:20251103T180000', 'DURATION:PT90M', 'SUMMARY:Ideenwerkstatt', 'STATUS:CANCELLED', 'END:VEVENT',
  // All-day, multi-day, no DTEND.
  'BEGIN:VEVENT', 'UID:fest', 'DTSTAMP:20250901T000000Z', 'DTSTART;VALUE=DATE:20251003', 'DTEND;VALUE=DATE:20251006', 'SUMMARY:Herbstfest', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:tag', 'DTSTAMP:20250901T000000Z', 'DTSTART;VALUE=DATE:20251031', 'SUMMARY:Reformationstag', 'END:VEVENT',
  // Floating time: read in X-WR-TIMEZONE.
  'BEGIN:VEVENT', 'UID:floating', 'DTSTAMP:20250901T000000Z', 'DTSTART:20251110T090000', 'DTEND:20251110T120000', 'SUMMARY:Sprechstunde', 'END:VEVENT',
  // A cancelled single event and a UTC one with a folded, escaped description.
  'BEGIN:VEVENT', 'UID:abgesagt', 'DTSTAMP:20250901T000000Z', 'DTSTART:20251112T160000Z', 'DTEND:20251112T180000Z', 'SUMMARY:Vortrag', 'STATUS:CANCELLED', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:utc', 'DTSTAMP:20250901T000000Z', 'DTSTART:20251115T090000Z', 'DURATION:P1DT2H', 'SUMMARY:Zweitägiges Forum',
  'DESCRIPTION:Zeile eins\\nZeile zwei\\; mit Semikolon\\, Komma und einer sehr langen Fortsetzung die ge',
  ' faltet wurde', 'URL:https://example.test/forum', 'GEO:51.05;13.74', 'ORGANIZER;CN=Stadt Dresden:mailto:info@example.test', 'END:VEVENT',
  // Unreadable: no DTSTART.
  'BEGIN:VEVENT', 'UID:kaputt', 'SUMMARY:ohne Beginn', 'END:VEVENT',
);

/** A large feed: `n` single events, one per hour from 1 Jan 2025, plus daily series. */
export function bigFeed(n: number): string {
  const lines: string[] = [];
  const start = Date.UTC(2025, 0, 1, 8);
  for (let i = 0; i < n; i++) {
    const d = new Date(start + i * 3_600_000).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    lines.push('BEGIN:VEVENT', `UID:e${i}@big.test`, 'DTSTAMP:20250101T000000Z', `DTSTART:${d}`, 'DURATION:PT1H', `SUMMARY:Termin ${i}`, 'END:VEVENT');
  }
  for (let i = 0; i < 50; i++) {
    lines.push('BEGIN:VEVENT', `UID:daily${i}@big.test`, 'DTSTAMP:20250101T000000Z', 'DTSTART;TZID=Europe/Berlin:20200101T100000', 'RRULE:FREQ=DAILY', `SUMMARY:Täglich ${i}`, 'END:VEVENT');
  }
  return ics(...lines);
}

const utf8 = new TextEncoder();

/**
 * Content lines as generators write them: CRLF, folded after 75 octets (RFC 5545 §3.1) and never
 * inside a UTF-8 sequence, as Outlook, Google and iCalcreator do.
 */
export function foldedIcs(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    let octets = 0;
    for (const char of line) {
      const size = utf8.encode(char).length;
      // A continuation line starts with one space, which counts.
      if (octets + size > 75) {
        out.push(current);
        current = ' ';
        octets = 1;
      }
      current += char;
      octets += size;
    }
    out.push(current);
  }
  return out.join('\r\n') + '\r\n';
}
