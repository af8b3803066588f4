import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
    assert.equal(moveDay('2028-02-10', 'End', { ctrlKey: true }), '2028-02-29');
    assert.equal(moveDay('2026-12-05', 'End', { metaKey: true }), '2026-12-31');
  });
  it('moves a month with PageUp/PageDown and a year with Shift', () => {
    assert.equal(moveDay(from, 'PageUp'), '2026-09-21');
    assert.equal(moveDay(from, 'PageDown'), '2026-11-21');
    assert.equal(moveDay(from, 'PageUp', { shiftKey: true }), '2025-10-21');
    assert.equal(moveDay(from, 'PageDown', { shiftKey: true }), '2027-10-21');
  });
  it('ignores keys outside the model', () => {
    assert.equal(moveDay(from, 'a'), undefined);
    assert.equal(moveDay(from, 'Enter'), undefined);
  });
});
