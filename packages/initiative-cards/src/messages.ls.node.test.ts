import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catalogProblems } from '@sozial-innovativ/core/testing';
import { de } from './messages.js';

import ls from './messages.ls.js';

/** Every German text the widget has, so each Leichte Sprache key is checked against one. */
const german: Record<string, unknown> = de;

describe('initiative-cards: Leichte Sprache interface texts', () => {
  it('has only German keys with the same kind of value, and every text follows the machine-checkable rules', () => {
    assert.deepEqual(catalogProblems(ls, german), []);
  });
});
