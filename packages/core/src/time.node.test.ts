import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, dayKey, isoWeek, timeZoneOffset, toEpoch, weekdayMonday0, zonedTimeToEpoch } from './time.js';

describe('time', () => {
  it('knows Berlin summer and winter offsets', () => {
    assert.equal(timeZoneOffset(Date.parse('2025-07-01T12:00:00Z'), 'Europe/Berlin'), 2 * 3600_000);
    assert.equal(timeZoneOffset(Date.parse('2025-01-01T12:00:00Z'), 'Europe/Berlin'), 3600_000);
  });
  it('turns an all-day date into local midnight, across DST changes', () => {
    assert.equal(new Date(toEpoch('2025-10-26', 'Europe/Berlin')).toISOString(), '2025-10-25T22:00:00.000Z');
    assert.equal(new Date(toEpoch('2025-10-27', 'Europe/Berlin')).toISOString(), '2025-10-26T23:00:00.000Z');
    assert.equal(new Date(zonedTimeToEpoch(2025, 3, 30, 3, 0, 'Europe/Berlin')).toISOString(), '2025-03-30T01:00:00.000Z');
  });
  it('reads date-times with offsets as they are', () => {
    assert.equal(toEpoch('2025-10-21T17:00:00+02:00'), Date.parse('2025-10-21T15:00:00Z'));
  });
  it('names the local day of an instant', () => {
    assert.equal(dayKey(Date.parse('2025-10-21T22:30:00Z'), 'Europe/Berlin'), '2025-10-22');
    assert.equal(dayKey(Date.parse('2025-10-21T22:30:00Z'), 'UTC'), '2025-10-21');
  });
  it('does calendar arithmetic with Monday weeks and ISO week numbers', () => {
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
    assert.equal(weekdayMonday0('2025-10-20'), 0);
    assert.equal(weekdayMonday0('2025-10-26'), 6);
    assert.equal(isoWeek('2025-01-01'), 1);
    assert.equal(isoWeek('2024-12-30'), 1);
    assert.equal(isoWeek('2021-01-03'), 53);
  });
});
