// One series of a feed as its own iCalendar file, for "add the whole series to my calendar": the
// feed's own VEVENTs of that UID (the master with RRULE, RDATE and EXDATE, and its RECURRENCE-ID
// overrides) with the VTIMEZONEs they use, so a calendar app expands it as the feed does.
import ICAL from 'ical.js';
import { runSync } from './guard.js';
import { splitBlocks, tzidsOf } from './split.js';

/** The UID of a VEVENT block, unfolded and unescaped enough to compare, or undefined. */
const uidOf = (block: string) => /^UID(?:;[^:\r\n]*)?:(.*)$/im.exec(block.replace(/\r?\n[ \t]/g, ''))?.[1]?.trim();

/**
 * The VEVENTs of `uid` in `text` as a VCALENDAR (alarms removed: a feed does not set reminders
 * on a visitor's device), or undefined when the feed has no such UID.
 */
export function seriesIcs(text: string, uid: string): string | undefined {
  const blocks = runSync(splitBlocks(text));
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', '-//Sozial.Innovativ//Widgets//DE');
  const tzids = new Set<string>();
  let found = false;
  for (const block of blocks.vevents) {
    if (uidOf(block) !== uid) continue;
    try {
      const vevent = new ICAL.Component(ICAL.parse(block) as ConstructorParameters<typeof ICAL.Component>[0]);
      vevent.removeAllSubcomponents('valarm');
      cal.addSubcomponent(vevent);
      for (const id of tzidsOf(block)) tzids.add(id);
      found = true;
    } catch {
      // A block ical.js cannot read is left out, as the adapter leaves it out of the calendar.
    }
  }
  if (!found) return undefined;
  for (const block of blocks.vtimezones) {
    const id = /^TZID[^:\r\n]*:(.*)$/im.exec(block)?.[1]?.trim();
    if (id && tzids.has(id)) {
      try {
        cal.addSubcomponent(new ICAL.Component(ICAL.parse(block) as ConstructorParameters<typeof ICAL.Component>[0]));
      } catch {
        // Without its VTIMEZONE a calendar app reads the TZID by name, as most do anyway.
      }
    }
  }
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
