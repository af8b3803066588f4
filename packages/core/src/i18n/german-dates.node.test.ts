import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { germanDateFormat } from './german-dates.js';
import { germanLongDate } from './german-long-date.js';

// Node's ICU writes thin spaces around a range's dash where Chromium and Firefox write plain ones.
const same = (s: string) => s.replace(/\u2009/g, ' ');
const intlOf = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('de-DE', { hourCycle: 'h23', ...options });

const FORMATS: Intl.DateTimeFormatOptions[] = [
  { month: 'long', year: 'numeric', timeZone: 'UTC' },
  { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  { weekday: 'short', timeZone: 'UTC' },
  { weekday: 'long', timeZone: 'UTC' },
  { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' },
  { day: 'numeric', month: 'short', timeZone: 'UTC' },
  { day: 'numeric', month: 'long', timeZone: 'UTC' },
  { dateStyle: 'long', timeZone: 'UTC' },
  { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' },
  { hour: '2-digit', minute: '2-digit', timeZone: 'America/St_Johns' },
  { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' },
];
const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) });

describe('German dates without Intl', () => {
  for (const options of FORMATS) {
    it(`writes ${JSON.stringify(options)} as Intl does`, () => {
      const intl = intlOf(options);
      const hand = germanDateFormat(options, () => intl)!;
      assert.ok(hand, 'a hand-written format');
      // Every day of two years (every weekday and month), then any instant.
      for (let t = Date.UTC(2026, 0, 1, 7, 45); t < Date.UTC(2028, 0, 1); t += 86_400_000 + 3_600_000) assert.equal(hand.format(t), intl.format(t));
      fc.assert(fc.property(instant, (t) => assert.equal(hand.format(t), intl.format(t))), { numRuns: 3000 });
    });
  }
  it('writes a list range as Intl does: one day, one month, two months, two years', () => {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
    const intl = intlOf(options);
    const hand = germanDateFormat(options, () => intl)!;
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9990, 0, 1) }), fc.integer({ min: 0, max: 800 }), (a, days) => {
      const x = Math.floor(a / 86_400_000) * 86_400_000 + 43_200_000;
      const b = x + days * 86_400_000;
      assert.equal(hand.formatRange(x, b), same(intl.formatRange(x, b)));
    }), { numRuns: 5000 });
  });
  it('writes the long date alone (the cards) as Intl does, and leaves other years to it', () => {
    const intl = intlOf({ dateStyle: 'long', timeZone: 'UTC' });
    fc.assert(fc.property(instant, (t) => assert.equal(germanLongDate(t), intl.format(t))), { numRuns: 3000 });
    assert.equal(germanLongDate(Date.UTC(800, 0, 1)), undefined);
    assert.equal(germanLongDate(NaN), undefined);
  });
  it('leaves other formats, years before 1000 and invalid dates to Intl', () => {
    assert.equal(germanDateFormat({ dateStyle: 'medium', timeStyle: 'short' }, () => intlOf({})), undefined);
    assert.equal(germanDateFormat({ month: 'long', year: 'numeric' }, () => intlOf({})), undefined, 'no zone: the visitor’s own');
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
    let asked = 0;
    const hand = germanDateFormat(options, () => (asked++, intlOf(options)))!;
    assert.equal(hand.format(Date.UTC(2026, 2, 1)), '1. März 2026');
    assert.equal(asked, 0, 'no Intl object for a hand-written date');
    assert.equal(hand.format(Date.UTC(800, 0, 1)), intlOf(options).format(Date.UTC(800, 0, 1)));
    assert.ok(asked > 0, 'Intl for the year 800');
    assert.throws(() => hand.format(NaN), RangeError);
  });
});
