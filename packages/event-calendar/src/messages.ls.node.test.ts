import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catalogTexts, leichteSpracheProblems } from '@sozial-innovativ/core/testing';
import { de } from './messages.js';
import { messages as month } from './month-view.js';
import { messages as filters } from './filter-form.js';
import { messages as details } from './details.js';
import { messages as series } from './series-view.js';
import { messages as follow } from './follow.js';
import ls from './messages.ls.js';

/** Every German text the widget has, so each Leichte Sprache key is checked against one. */
const german: Record<string, unknown> = { ...de, ...month, ...filters, ...details, ...series, ...follow };

describe('event-calendar: Leichte Sprache interface texts', () => {
  it('only has keys that exist in standard German, with the same kind of value', () => {
    for (const [key, value] of Object.entries(ls)) {
      assert.ok(key in german, `${key} is not a German key`);
      assert.equal(typeof value, typeof german[key], key);
    }
  });

  it('follows the machine-checkable Leichte Sprache rules', () => {
    const problems = catalogTexts(ls).flatMap(({ key, text }) => leichteSpracheProblems(text).map((p) => `${key}: ${p}`));
    assert.deepEqual(problems, []);
  });
});
