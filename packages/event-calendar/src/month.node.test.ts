import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '@sozial-innovativ/core';
import { addMonths, monthStart, weekStart } from './month.js';
import { monthGrid, moveDay } from './month-grid.js';

describe('month grid', () => {
  it('shows six Monday-first weeks that contain the whole month', () => {
    const grid = monthGrid('2026-10-21');
    assert.equal(grid.length, 42);
    assert.equal(grid[0], '2026-09-28'); // Monday before Thursday 1 October
    assert.ok(grid.includes('2026-10-01') && grid.includes('2026-10-31'));
    assert.equal(grid[41], '2026-11-08');
  });

  it('starts on the 1st itself when the month begins on a Monday', () => {
    assert.equal(monthGrid('2027-02-10')[0], '2027-02-01');
  });

  it('clamps the day when moving by months, across years and leap days', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    assert.equal(addMonths('2028-02-29', 12), '2029-02-28');
  });

  it('finds the Monday of a week, also across a month boundary', () => {
    assert.equal(weekStart('2026-11-01'), '2026-10-26');
    assert.equal(weekStart('2026-10-26'), '2026-10-26');
  });
});

describe('grid keyboard model (APG)', () => {
  const from = '2026-10-21'; // a Wednesday
  it('moves a day with left/right and a week with up/down, across months', () => {
    assert.equal(moveDay(from, 'ArrowLeft'), '2026-10-20');
    assert.equal(moveDay(from, 'ArrowRight'), '2026-10-22');
    assert.equal(moveDay(from, 'ArrowUp'), '2026-10-14');
    assert.equal(moveDay('2026-10-29', 'ArrowDown'), '2026-11-05');
  });
  it('goes to the start and end of the week with Home/End, of the month with Ctrl', () => {
    assert.equal(moveDay(from, 'Home'), '2026-10-19');
    assert.equal(moveDay(from, 'End'), '2026-10-25');
    assert.equal(moveDay(from, 'Home', { ctrlKey: true }), '2026-10-01');
    assert.equal(moveDay('2027-02-03', 'End', { ctrlKey: true }), '2027-02-28');
  });
  it('moves a month with PageUp/PageDown and a year with Shift', () => {
    assert.equal(moveDay(from, 'PageUp'), '2026-09-21');
    assert.equal(moveDay(from, 'PageDown'), '2026-11-21');
    assert.equal(moveDay(from, 'PageUp', { shiftKey: true }), '2025-10-21');
    assert.equal(moveDay(from, 'PageDown', { shiftKey: true }), '2027-10-21');
  });
  it('moves by months and weeks the way month.ts does (month-grid.ts repeats its month math)', () => {
    for (let i = 0; i < 800; i++) {
      const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
      assert.equal(moveDay(day, 'PageDown'), addMonths(day, 1));
      assert.equal(moveDay(day, 'PageUp', { shiftKey: true }), addMonths(day, -12));
      assert.equal(moveDay(day, 'Home'), weekStart(day));
      assert.equal(moveDay(day, 'End', { ctrlKey: true }), addDays(addMonths(monthStart(day), 1), -1));
      assert.equal(moveDay(day, 'Home', { ctrlKey: true }), monthStart(day));
    }
  });
  it('ignores keys outside the model', () => {
    assert.equal(moveDay(from, 'a'), undefined);
    assert.equal(moveDay(from, 'Enter'), undefined);
  });
});
