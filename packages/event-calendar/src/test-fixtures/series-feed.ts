// Test data shared by the Node and the browser tests of the add-to-calendar menu and grouped series.

// A weekly series with one date cancelled (EXDATE), one date moved and renamed (RECURRENCE-ID),
// an alarm the feed should not put on a visitor's phone, and an unrelated event.
export const FEED = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//DE', 'X-WR-CALNAME:Dialogreihe',
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT', 'UID:dialog@example.org', 'DTSTAMP:20260101T000000Z', 'SUMMARY:Dialog im Quartier',
  'DTSTART;TZID=Europe/Berlin:20261020T170000', 'DTEND;TZID=Europe/Berlin:20261020T190000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8', 'EXDATE;TZID=Europe/Berlin:20261103T170000',
  'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Erinnerung', 'TRIGGER:-PT15M', 'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT', 'UID:dialog@example.org', 'DTSTAMP:20260101T000000Z', 'RECURRENCE-ID;TZID=Europe/Berlin:20261117T170000',
  'SUMMARY:Dialog im Quartier (im Rathaus)', 'DTSTART;TZID=Europe/Berlin:20261118T180000', 'DTEND;TZID=Europe/Berlin:20261118T200000', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:other@example.org', 'DTSTAMP:20260101T000000Z', 'SUMMARY:Sommerfest', 'DTSTART;VALUE=DATE:20261024', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

