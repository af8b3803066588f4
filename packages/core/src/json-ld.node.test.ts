import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializeJsonLd } from './json-ld.js';

test('serializeJsonLd keeps data inside the script element and round-trips', () => {
  const data = { name: '</script><script>alert(1)</script> & <!-- \u2028\u2029' };
  const text = serializeJsonLd(data);
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  assert.match(text, /\\u003c\/script\\u003e/);
  assert.deepEqual(JSON.parse(text), data);
});
