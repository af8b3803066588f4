import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeUrl, safeHttpUrl } from './safe-url.js';

describe('safeUrl', () => {
  it('keeps http, https, mailto, tel and webcal URLs', () => {
    assert.equal(safeUrl('https://www.bring-together.de/de'), 'https://www.bring-together.de/de');
    assert.equal(safeUrl('mailto:info@example.org'), 'mailto:info@example.org');
    assert.equal(safeUrl('tel:+49351123'), 'tel:+49351123');
    assert.equal(safeUrl('webcal://example.org/feed.ics'), 'webcal://example.org/feed.ics');
  });
  it('resolves relative URLs against the base', () => {
    assert.equal(safeUrl('/events/1', 'https://example.org/x/'), 'https://example.org/events/1');
  });
  for (const bad of [
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
    '\u0000javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'VBSCRIPT:x',
    'jav\u200bascript:alert(1)', 'file:///etc/passwd', '', 42, null,
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(safeUrl(bad, 'https://example.org/'), undefined));
  }
  it('allows only http(s) for resources', () => {
    assert.equal(safeHttpUrl('mailto:a@b.de', 'https://example.org/'), undefined);
    assert.equal(safeHttpUrl('https://example.org/a.png'), 'https://example.org/a.png');
  });
});
