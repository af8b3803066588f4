// A deterministic iCalendar (RFC 5545) feed of `count` events over 2026, shaped like a real
// municipal or association feed: Europe/Berlin VTIMEZONE with TZID times, some UTC times, some
// all-day events, folded long lines, escaped text, and about 8 % recurring series (weekly with
// COUNT, monthly BYDAY with UNTIL, daily with EXDATE). For bench/node-cases.mjs.
import { random } from '../demo/data/random.ts';


const TITLES = ['Repair-Café', 'Nachbarschaftstreffen', 'Sprechstunde Wohnprojekte', 'Erzählcafé', 'Digitalsprechstunde',
  'Gemeinschaftsgarten: Pflanztag', 'Bürgerbus-Stammtisch', 'Workshop Sozialunternehmen', 'Lesung; Gespräch, Musik'];
const TOWNS = ['Leipzig', 'Dresden', 'Chemnitz', 'Zwickau', 'Plauen', 'Görlitz', 'Bautzen', 'Freiberg', 'Pirna', 'Meißen'];

const pad = (n) => String(n).padStart(2, '0');
const date = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const local = (d, h, m) => `${date(d)}T${pad(h)}${pad(m)}00`;
const escape = (s) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** Folds at 75 octets (ASCII here, so characters) as RFC 5545 §3.1 asks. */
const fold = (line) => {
  if (line.length <= 75) return line;
  const parts = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) parts.push(` ${line.slice(i, i + 74)}`);
  return parts.join('\r\n');
};

const VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

/** The feed text and what it contains. */
export function generateIcsFeed(count = 5000, seed = 5) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Sozial.Innovativ//bench//DE', 'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Bench-Feed', ...VTIMEZONE];
  let recurring = 0;
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + Math.floor(rand() * 365)));
    const town = pick(TOWNS);
    const title = `${pick(TITLES)} in ${town}`;
    const hour = 9 + Math.floor(rand() * 11);
    const kind = rand();
    lines.push('BEGIN:VEVENT', `UID:bench-${i}@example.org`, 'DTSTAMP:20260101T000000Z');
    if (kind < 0.1) {
      lines.push(`DTSTART;VALUE=DATE:${date(day)}`, `DTEND;VALUE=DATE:${date(new Date(day.getTime() + 86_400_000))}`);
    } else if (kind < 0.2) {
      lines.push(`DTSTART:${local(day, hour - 1, 0)}Z`, `DTEND:${local(day, hour + 1, 0)}Z`);
    } else {
      lines.push(`DTSTART;TZID=Europe/Berlin:${local(day, hour, 30)}`, `DTEND;TZID=Europe/Berlin:${local(day, hour + 2, 0)}`);
    }
    const r = rand();
    if (kind >= 0.1 && r < 0.08) {
      recurring++;
      if (r < 0.04) lines.push(`RRULE:FREQ=WEEKLY;COUNT=${4 + Math.floor(rand() * 12)}`);
      else if (r < 0.06) lines.push('RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20261231T235959Z');
      else {
        lines.push('RRULE:FREQ=DAILY;COUNT=5');
        const skip = new Date(day.getTime() + 2 * 86_400_000);
        lines.push(kind < 0.2 ? `EXDATE:${local(skip, hour - 1, 0)}Z` : `EXDATE;TZID=Europe/Berlin:${local(skip, hour, 30)}`);
      }
    }
    lines.push(
      fold(`SUMMARY:${escape(title)}`),
      fold(`LOCATION:${escape(`Bürgerhaus ${town}, Hauptstraße ${1 + Math.floor(rand() * 80)}, ${town}`)}`),
      fold(`DESCRIPTION:${escape(`Offenes Treffen für alle, die sich in ${town} engagieren wollen.\nEintritt frei, Anmeldung nicht nötig. Bitte bringt gute Laune mit; Getränke gibt es vor Ort.`)}`),
      `URL:https://example.org/veranstaltungen/${i}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return { text: `${lines.join('\r\n')}\r\n`, count, recurring };
}
