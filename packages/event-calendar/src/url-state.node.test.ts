import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeFilter } from './filter.js';
import { readFragment, writeFragment } from './url-state.js';

describe('URL fragment state', () => {
  it('round-trips view, date and filter', () => {
    const state = { view: 'month' as const, date: '2026-10-21', filter: normalizeFilter({ topics: ['Wohnen', 'Ländlicher Raum'], q: 'a&b=c #x', format: 'online' }) };
    const hash = writeFragment('', 'cal-', state);
    assert.match(hash, /^#cal-view=month&cal-date=2026-10-21&cal-topics=Wohnen%2CL%C3%A4ndlicher%20Raum/);
    assert.deepEqual(readFragment(hash, 'cal-'), state);
  });
  it('keeps the host page\'s anchor and other calendars\' keys', () => {
    const hash = writeFragment('#programm&other-view=list&cal-q=alt', 'cal-', { view: 'list', filter: normalizeFilter({ towns: 'Leipzig' }) });
    assert.equal(hash, '#programm&other-view=list&cal-view=list&cal-towns=Leipzig');
    assert.equal(writeFragment('#cal-q=x', 'cal-', {}), '');
  });
  it('returns nothing for a fragment without its keys and drops invalid values', () => {
    assert.equal(readFragment('#programm', 'cal-'), undefined);
    const s = readFragment('#cal-view=year&cal-date=2026-13-45&cal-format=teleport&cal-q=%E0%A4%A', 'cal-');
    assert.deepEqual(s, { filter: { topics: [], towns: [], format: '', q: '', preset: '' } });
  });
});
