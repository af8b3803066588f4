/**
 * Generated feeds of the differential test: a table of rules × value kinds × start times. The
 * handwritten generator-style feeds are the files in `feeds/` (Google, Outlook/Exchange,
 * Nextcloud, WordPress with iCalcreator, Discourse, Thunderbird, holiday services, the generator
 * quirks of issue #12); the test reads them.
 */
import { RRuleSet } from 'rrule-rust';
import { ics, VTIMEZONE_BERLIN } from '../fixtures.js';

export interface CorpusFeed {
  name: string;
  text: string;
}

/** Rules as generators write them; UNTIL is given as a wall time and written in the form each kind needs. */
const RULES: Record<string, { rule: string; until?: string }> = {
  'weekly-tu-th': { rule: 'FREQ=WEEKLY;BYDAY=TU,TH' },
  'biweekly-wkst-su': { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU' },
  'monthly-2nd-wednesday': { rule: 'FREQ=MONTHLY;BYDAY=2WE' },
  'monthly-last-friday': { rule: 'FREQ=MONTHLY;BYDAY=-1FR' },
  'monthly-31st': { rule: 'FREQ=MONTHLY;BYMONTHDAY=31' },
  'monthly-last-workday': { rule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1' },
  'quarterly-first-last-weekend-day': { rule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=SA,SU;BYSETPOS=1,-1' },
  'yearly-dst-sundays': { rule: 'FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU' },
  'yearly-leap-day': { rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29' },
  'every-10-days': { rule: 'FREQ=DAILY;INTERVAL=10' },
  'saturdays-count-30': { rule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=30' },
  'monthly-first-and-last-until-2030': { rule: 'FREQ=MONTHLY;BYMONTHDAY=1,-1', until: '20300101T000000' },
  'yearly-week-13-sunday': { rule: 'FREQ=YEARLY;BYWEEKNO=13;BYDAY=SU' },
  'yearly-days-1-100-last': { rule: 'FREQ=YEARLY;BYYEARDAY=1,100,-1' },
  'monthly-second-last-monday-count-20': { rule: 'FREQ=MONTHLY;BYDAY=-2MO;COUNT=20' },
};

/** How DTSTART is written. */
const KINDS = ['berlin-vtimezone', 'new-york', 'utc', 'floating', 'date'] as const;
type Kind = (typeof KINDS)[number];

/** Nominal starts: years before the test ranges, the repeated hour of a DST Sunday, a recent evening. */
const STARTS = ['20161203T140000', '20241027T023000', '20250301T190000'];

/**
 * RFC 5545 leaves a DTSTART that the rule does not produce undefined (§3.8.5.3), so each start
 * moves to the rule's first date on or after it, keeping its time of day.
 */
function synchronised(rule: string, start: string): string {
  const bare = rule.replace(/;(COUNT|UNTIL)=[^;]*/g, '');
  const [first] = RRuleSet.parse(`DTSTART:${start}Z\nRRULE:${bare}`).all(1);
  if (!first) throw new Error(`rule ${rule} yields nothing after ${start}`);
  return `${first.toString().slice(0, 8)}${start.slice(8)}`;
}

function generatedFeed(ruleName: string, kind: Kind): CorpusFeed {
  const { rule, until } = RULES[ruleName]!;
  const lines: string[] = kind === 'berlin-vtimezone' ? [...VTIMEZONE_BERLIN] : [];
  if (kind === 'floating' || kind === 'date') lines.unshift('X-WR-TIMEZONE:Europe/Berlin');
  STARTS.forEach((nominal, i) => {
    const start = synchronised(rule, nominal);
    const dtstart = {
      'berlin-vtimezone': `DTSTART;TZID=Europe/Berlin:${start}`,
      'new-york': `DTSTART;TZID=America/New_York:${start}`,
      utc: `DTSTART:${start}Z`,
      floating: `DTSTART:${start}`,
      date: `DTSTART;VALUE=DATE:${start.slice(0, 8)}`,
    }[kind];
    const untilPart = until ? `;UNTIL=${kind === 'date' ? until.slice(0, 8) : kind === 'floating' ? until : `${until}Z`}` : '';
    lines.push(
      'BEGIN:VEVENT', `UID:${ruleName}-${i}@generated.test`, 'DTSTAMP:20250101T000000Z', dtstart,
      kind === 'date' ? 'DURATION:P1D' : 'DURATION:PT1H30M', `RRULE:${rule}${untilPart}`, `SUMMARY:${ruleName} ${i}`, 'END:VEVENT',
    );
  });
  return { name: `generated/${ruleName}/${kind}`, text: ics(...lines) };
}

export const generatedFeeds = (): CorpusFeed[] =>
  Object.keys(RULES).flatMap((rule) => KINDS.map((kind) => generatedFeed(rule, kind)));

/**
 * Query ranges, in the order a visitor might page: around DTSTARTs, the DST changes of 2025 and
 * 2026 (30 Mar, 26 Oct 2025; 29 Mar, 25 Oct 2026; the US ones on 9 Mar, 2 Nov 2025 and 8 Mar 2026),
 * years after DTSTART, and back again (cursors of the adapter are reused between queries).
 */
export const RANGES: ReadonlyArray<readonly [string, string]> = [
  ['2016-11-01T00:00:00Z', '2017-03-01T00:00:00Z'],
  ['2019-12-01T00:00:00Z', '2021-01-01T00:00:00Z'],
  ['2025-03-01T00:00:00+01:00', '2025-04-12T00:00:00+02:00'],
  ['2025-10-15T00:00:00+02:00', '2025-11-09T00:00:00+01:00'],
  ['2026-03-01T00:00:00+01:00', '2026-04-05T00:00:00+02:00'],
  ['2026-10-18T00:00:00+02:00', '2026-11-01T00:00:00+01:00'],
  ['2031-01-01T00:00:00+01:00', '2032-01-01T00:00:00+01:00'],
  ['2025-01-01T00:00:00+01:00', '2025-12-31T00:00:00+01:00'],
];
