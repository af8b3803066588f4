// Bounds for everything the iCalendar adapter does with untrusted feeds: rule checks before any
// iteration, a recurrence iterator that counts its inner loops, step and time budgets, a fair
// share of the occurrence cap, and drivers that run the adapter's generator cores in one go
// (Node, tests) or in time slices that leave the host page responsive (browsers).
import ICAL from 'ical.js';

type IcalRecur = InstanceType<typeof ICAL.Recur>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalComponent = InstanceType<typeof ICAL.Component>;

const now = () => (typeof performance === 'object' ? performance.now() : Date.now());

/**
 * Compute time of one core run. Drivers stop it while the core waits between slices, so a
 * budget in milliseconds means work, not the time the page spent elsewhere.
 */
export class Clock {
  private spent = 0;
  private since: number | undefined = now();

  elapsed(): number {
    return this.spent + (this.since === undefined ? 0 : now() - this.since);
  }

  pause(): void {
    if (this.since !== undefined) this.spent += now() - this.since;
    this.since = undefined;
  }

  resume(): void {
    this.since ??= now();
  }
}

/** Thrown from inside the recurrence engine when a budget runs out; never leaves the adapter. */
export class BudgetExhausted extends Error {
  constructor(readonly reason: 'steps' | 'time') {
    super(`recurrence budget exhausted (${reason})`);
  }
}

/**
 * Steps and compute milliseconds one piece of work may take, drawn at the same time from a parent
 * (the whole expansion), so neither one hostile series nor many of them can stall the caller.
 */
export class Budget {
  private readonly startedAt: number;
  private ticks = 0;
  private stepStartedAt = now();

  constructor(
    public steps: number,
    private readonly ms: number,
    private readonly clock: Clock,
    private readonly parent?: Budget,
  ) {
    this.startedAt = clock.elapsed();
  }

  /** Charges one inner step; throws {@link BudgetExhausted} when steps or time run out. */
  charge(): void {
    if (--this.steps < 0 || (this.parent && --this.parent.steps < 0)) throw new BudgetExhausted('steps');
    // Reading the clock costs more than a step; every 64th is often enough at ~1 µs a step.
    if ((++this.ticks & 63) === 0 && (this.overTime() || now() - this.stepStartedAt > MAX_STEP_MS)) throw new BudgetExhausted('time');
  }

  /**
   * Marks the start of one uninterruptible call into the engine (`next()`, a constructor). No
   * driver can slice inside it, so it gets {@link MAX_STEP_MS} however much budget is left.
   */
  beginStep(): void {
    this.stepStartedAt = now();
  }

  overTime(): boolean {
    return this.clock.elapsed() - this.startedAt > this.ms || !!this.parent?.overTime();
  }

  /** True when the next step would fail: the caller stops between occurrences, state intact. */
  exhausted(): boolean {
    return this.steps <= 0 || (!!this.parent && this.parent.steps <= 0) || this.overTime();
  }
}

/** One call into ical.js takes microseconds; this long means a rule that never matches. */
export const MAX_STEP_MS = 40;

type IteratorOptions = ConstructorParameters<typeof ICAL.RecurIterator>[0] & { guard?: Budget };

/**
 * ical.js's RecurIterator, with its inner loops charged to a {@link Budget}. One `next()` of the
 * original can loop without end on rules that never match (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`)
 * or for years of seconds on sparse ones. The three hooks are the places every such loop passes:
 * the filter check of each candidate, the expansion of a year, the step to the next month.
 * A subclass instead of a patch, so other users of ical.js on the page keep the original.
 */
export class GuardedRecurIterator extends ICAL.RecurIterator {
  declare guard: Budget | undefined;

  constructor(options: IteratorOptions) {
    super(options);
  }

  // The base constructor calls fromData, which runs init() and its loops: the guard must be in place first.
  override fromData(options: IteratorOptions): void {
    this.guard = options.guard;
    super.fromData(options);
  }

  override check_contracting_rules(): boolean {
    this.guard?.charge();
    return super.check_contracting_rules();
  }

  override expand_year_days(year: number): number {
    this.guard?.charge();
    return super.expand_year_days(year);
  }

  override increment_month(): void {
    this.guard?.charge();
    super.increment_month();
  }
}

export const SUB_DAILY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);

const RANGES: Record<string, [number, number, boolean]> = {
  // [min, max, zero allowed]
  BYSECOND: [0, 60, true],
  BYMINUTE: [0, 59, true],
  BYHOUR: [0, 23, true],
  BYMONTHDAY: [-31, 31, false],
  BYYEARDAY: [-366, 366, false],
  BYWEEKNO: [-53, 53, false],
  BYMONTH: [1, 12, false],
  BYSETPOS: [-366, 366, false],
};
const DATE_PARTS = ['BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'] as const;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * What stops a rule from being expanded:
 * - `invalid`: a value out of range or a combination RFC 5545 forbids that ical.js would loop on
 *   (`BYHOUR=25`, `COUNT=0`, `FREQ=DAILY;BYDAY=1MO`): the event is dropped and counted.
 * - `impossible`: well-formed, but no date ever matches (`BYMONTH=2;BYMONTHDAY=30`,
 *   `BYSETPOS=5` on a set of four): the series keeps its DTSTART and nothing else.
 */
export function ruleProblem(rule: IcalRecur): 'invalid' | 'impossible' | undefined {
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  for (const [name, values] of Object.entries(parts)) {
    if (!Array.isArray(values) || values.length === 0 || values.length > 400) return 'invalid';
    const range = RANGES[name];
    if (range) {
      const [min, max, zero] = range;
      if (!values.every((v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max && (zero || v !== 0))) return 'invalid';
    } else if (name === 'BYDAY') {
      for (const v of values) {
        const m = typeof v === 'string' ? /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(v) : null;
        if (!m) return 'invalid';
        const ordinal = m[1] === undefined ? 0 : Number(m[1]);
        if (m[1] !== undefined && ordinal === 0) return 'invalid';
        // ical.js reads one digit of the ordinal, ignores it outside MONTHLY/YEARLY (and then never
        // matches a day), and RFC 5545 forbids it there and next to BYWEEKNO.
        const monthScope = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && parts.BYMONTH?.length);
        if (ordinal && (Math.abs(ordinal) > (monthScope ? 5 : 9) || (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') || parts.BYWEEKNO?.length)) {
          return 'invalid';
        }
      }
    }
  }
  if (rule.count !== null && rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count >= 1)) return 'invalid';
  if (!(Number.isInteger(rule.interval) && rule.interval >= 1 && rule.interval <= 1_000_000)) return 'invalid';
  const dateParts = DATE_PARTS.filter((p) => parts[p]?.length).length;
  if (parts.BYSETPOS?.length && Object.keys(parts).length === 1) return 'invalid';
  // One date part alone always matches some day once its values are in range.
  if (dateParts < 2 && !parts.BYSETPOS?.length) return undefined;
  return matchesSomeDay(rule) ? undefined : 'impossible';
}

const possibleCache = new Map<string, boolean>();

/**
 * Whether any day of 2000–2027 passes the rule's date filters (and BYSETPOS, where ical.js applies
 * it). 28 years hold every combination of leap year and weekday of 1 January, so a rule that
 * matches no day there matches none ever. INTERVAL and DTSTART are left out: the guard bounds what
 * they add.
 */
function matchesSomeDay(rule: IcalRecur): boolean {
  const parts = rule.parts as Record<string, Array<number | string> | undefined>;
  const key = `${rule.freq};${rule.wkst};${JSON.stringify(parts)}`;
  const cached = possibleCache.get(key);
  if (cached !== undefined) return cached;
  const months = parts.BYMONTH as number[] | undefined;
  const monthDays = parts.BYMONTHDAY as number[] | undefined;
  const yearDays = parts.BYYEARDAY as number[] | undefined;
  const weekNos = parts.BYWEEKNO as number[] | undefined;
  const days = (parts.BYDAY as string[] | undefined)?.map((d) => {
    const m = /^([+-]?\d{1,2})?(\w\w)$/.exec(d)!;
    return { ordinal: Number(m[1] ?? 0), weekday: WEEKDAYS.indexOf(m[2]!) };
  });
  const monthScope = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && !!months?.length);
  const setPos = parts.BYSETPOS as number[] | undefined;
  // BYSETPOS picks from the set of one period; ical.js honours it for MONTHLY, and per month for YEARLY with BYMONTH.
  const setPeriodIsMonth = !!setPos?.length && !!days?.length && (rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && !!months?.length));
  const timesPerDay = ['BYHOUR', 'BYMINUTE', 'BYSECOND'].reduce((n, p) => n * (parts[p]?.length || 1), 1);
  const needed = setPeriodIsMonth ? Math.min(...setPos!.map((p) => Math.abs(p))) : 1;
  const wkst = Math.max(0, (Number(rule.wkst) || 2) - 1); // ical.js: SU = 1 … SA = 7
  let possible = false;
  for (let year = 2000; year < 2028 && !possible; year++) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const daysInYear = leap ? 366 : 365;
    const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
    const weeks = weeksInYear(year, wkst);
    let doy = 0;
    for (let month = 1; month <= 12 && !possible; month++) {
      const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      let inSet = 0;
      for (let day = 1; day <= daysInMonth; day++) {
        doy++;
        if (months?.length && !months.includes(month)) continue;
        if (monthDays?.length && !monthDays.includes(day) && !monthDays.includes(day - daysInMonth - 1)) continue;
        if (yearDays?.length && !yearDays.includes(doy) && !yearDays.includes(doy - daysInYear - 1)) continue;
        const weekday = (jan1 + doy - 1) % 7;
        if (weekNos?.length) {
          const w = weekNumber(year, doy, weekday, wkst);
          if (!weekNos.includes(w) && !(w === weeks ? weekNos.includes(-1) : weekNos.includes(w - weeks - 1))) continue;
        }
        if (days?.length && !days.some(({ ordinal, weekday: wd }) => {
          if (wd !== weekday) return false;
          if (!ordinal) return true;
          const [index, length] = monthScope ? [day, daysInMonth] : [doy, daysInYear];
          return ordinal > 0 ? Math.ceil(index / 7) === ordinal : -Math.ceil((length - index + 1) / 7) === ordinal;
        })) continue;
        inSet += timesPerDay;
        if (!setPeriodIsMonth || inSet >= needed) possible = true;
      }
    }
  }
  if (possibleCache.size > 1000) possibleCache.clear();
  possibleCache.set(key, possible);
  return possible;
}

/** Week of the year as RFC 5545 counts it: week 1 is the first with at least four days in the year. */
function weekNumber(year: number, doy: number, weekday: number, wkst: number): number {
  const weekStartDoy = doy - ((weekday - wkst + 7) % 7);
  const fourth = weekStartDoy + 3;
  if (fourth < 1) return weeksInYear(year - 1, wkst);
  const daysInYear = (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 366 : 365;
  if (fourth > daysInYear) return 1;
  return Math.floor((fourth - 1) / 7) + 1;
}

function weeksInYear(year: number, wkst: number): number {
  const dec31 = new Date(Date.UTC(year, 11, 31));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  for (let back = 0; back < 7; back++) {
    const w = weekNumber(year, (leap ? 366 : 365) - back, (dec31.getUTCDay() - back + 7) % 7, wkst);
    if (w !== 1) return w;
  }
  return 52;
}

/**
 * Whether ical.js may use a VTIMEZONE: it expands each STANDARD/DAYLIGHT rule from its DTSTART
 * to any year an event asks for, with the unguarded iterator. Real zones change at most twice a
 * year by YEARLY rules; anything else (FREQ=SECONDLY, impossible rules, thousands of RDATEs)
 * falls back to the IANA zone of the same name, or floating time.
 */
export function timezoneIsSane(vtz: IcalComponent, clock: Clock): boolean {
  const subs = vtz.getAllSubcomponents();
  if (subs.length > 200) return false;
  let rdates = 0;
  for (const sub of subs) {
    if (sub.name !== 'standard' && sub.name !== 'daylight') continue;
    rdates += sub.getAllProperties('rdate').reduce((n, p) => n + p.getValues().length, 0);
    const rrules = sub.getAllProperties('rrule');
    if (rrules.length > 1) return false;
    const rule = rrules[0]?.getFirstValue() as IcalRecur | undefined;
    if (!rule) continue;
    if (!(rule instanceof ICAL.Recur) || rule.freq !== 'YEARLY' || ruleProblem(rule)) return false;
    const start = sub.getFirstPropertyValue('dtstart') as IcalTime | null;
    if (!(start instanceof ICAL.Time) || start.year < 1 || start.year > 9999) return false;
    // Four years from DTSTART: at most two changes a year, found within a small budget.
    try {
      const it = new GuardedRecurIterator({ rule: rule.clone(), dtstart: start.clone(), guard: new Budget(2_000, 20, clock) });
      let n = 0;
      for (let t = it.next(); t && t.year < start.year + 4; t = it.next()) if (++n > 8) return false;
    } catch {
      return false;
    }
  }
  return rdates <= 1_000;
}

/**
 * The largest per-series quota `q` such that every group keeps `min(count, q)` items and all
 * together stay within `cap` (max-min fairness). At least 1: when there are more groups than the
 * cap, the earliest items win.
 */
export function fairQuota(counts: readonly number[], cap: number): number {
  const sorted = [...counts].sort((a, b) => a - b);
  let left = cap;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(left / (sorted.length - i));
    if (sorted[i]! > share) return Math.max(1, share);
    left -= sorted[i]!;
  }
  return Math.max(1, sorted.at(-1) ?? 1);
}

/** Runs a generator core to the end in one go (Node, tests, the synchronous API). */
export function runSync<T>(core: Generator<unknown, T>): T {
  for (;;) {
    const step = core.next();
    if (step.done) return step.value;
  }
}

/** Longest run of the core between two yields to the event loop, in ms. */
export const SLICE_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Lets the browser paint and handle input: `scheduler.yield()` where it exists, else a macrotask. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs a generator core in slices of about {@link SLICE_MS}, yielding to the event loop between
 * them; the core yields at points where its state is consistent, so an abort there loses nothing.
 */
export async function runAsync<T>(core: Generator<unknown, T>, clock: Clock, signal?: AbortSignal): Promise<T> {
  let sliceStart = now();
  clock.resume();
  try {
    for (;;) {
      const step = core.next();
      if (step.done) return step.value;
      if (now() - sliceStart >= SLICE_MS) {
        clock.pause();
        await yieldToMain();
        signal?.throwIfAborted();
        clock.resume();
        sliceStart = now();
      }
    }
  } finally {
    clock.pause();
  }
}
