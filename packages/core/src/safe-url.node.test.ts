import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isMailAddress, mailtoUrl, safeUrl, safeHttpUrl } from './safe-url.js';

describe('safeUrl', () => {
  it('keeps http, https, mailto, tel and webcal URLs', () => {
    assert.equal(safeUrl('https://www.bring-together.de/de'), 'https://www.bring-together.de/de');
    assert.equal(safeUrl('mailto:info@example.org'), 'mailto:info@example.org');
    assert.equal(safeUrl('mailto:info@example.org,presse@example.org'), 'mailto:info@example.org,presse@example.org');
    assert.equal(safeUrl('tel:+49351123'), 'tel:+49351123');
    assert.equal(safeUrl('webcal://example.org/feed.ics'), 'webcal://example.org/feed.ics');
  });
  it('resolves relative URLs against the base', () => {
    assert.equal(safeUrl('/events/1', 'https://example.org/x/'), 'https://example.org/events/1');
    assert.equal(safeUrl('bild.jpg', 'https://feeds.example.org/a/feed.json'), 'https://feeds.example.org/a/bild.jpg');
    assert.equal(safeUrl('//cdn.example.org/x.png', 'https://example.org/feed'), 'https://cdn.example.org/x.png');
  });
  it('keeps absolute URLs as they are, whatever the base', () => {
    assert.equal(safeUrl('https://a.example/x', 'https://b.example/feed'), 'https://a.example/x');
  });
  it('rejects relative URLs when there is neither a base nor a page (Node)', () => {
    assert.equal(safeUrl('/events/1'), undefined);
  });
  for (const bad of [
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
    '\u0000javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'VBSCRIPT:x',
    'jav\u200bascript:alert(1)', 'file:///etc/passwd', '', 42, null,
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(safeUrl(bad, 'https://example.org/'), undefined));
  }
  for (const withCredentials of [
    'https://user:pass@example.org/', 'https://www.sachsen.de@evil.example/', 'http://admin@example.org',
    'https://:secret@example.org/', 'webcal://u:p@example.org/feed.ics', '//user@evil.example/',
  ]) {
    it(`rejects credentials in ${withCredentials}`, () => assert.equal(safeUrl(withCredentials, 'https://example.org/'), undefined));
  }
  for (const injected of [
    'mailto:info@example.org?bcc=all@evil.example', 'mailto:info@example.org&body=Hallo',
    'mailto:info@example.org?subject=Hi', 'mailto:info@example.org%3Fbcc=x@evil.example',
    'mailto:info@example.org%26cc=x@evil.example', 'mailto:?to=x@evil.example', 'mailto:',
    'mailto:Name <info@example.org>', 'mailto:info@example.org#x', 'mailto:not-an-address', 'mailto:a@b.de,,c@d.de',
    'mailto:%E0%A4%A@example.org',
  ]) {
    it(`rejects the mailto ${JSON.stringify(injected)}`, () => assert.equal(safeUrl(injected), undefined));
  }
  it('allows only http(s) for resources', () => {
    assert.equal(safeHttpUrl('mailto:a@b.de', 'https://example.org/'), undefined);
    assert.equal(safeHttpUrl('https://example.org/a.png'), 'https://example.org/a.png');
    assert.equal(safeHttpUrl('https://u:p@example.org/a.png'), undefined);
    assert.equal(safeHttpUrl('img/a.png', 'https://example.org/feed/'), 'https://example.org/feed/img/a.png');
  });
});

describe('mailtoUrl', () => {
  it('turns one plain address into a mailto link', () => {
    assert.equal(mailtoUrl('info@example.org'), 'mailto:info@example.org');
    assert.equal(mailtoUrl('  kontakt.team+web@stadt-leipzig.de '), 'mailto:kontakt.team+web@stadt-leipzig.de');
    assert.ok(mailtoUrl('post@müller-verein.de')?.startsWith('mailto:post@m'));
  });
  for (const bad of [
    'info@example.org?bcc=x@evil.example', 'info@example.org&body=x', 'a@b.de,c@d.de', 'info', '@example.org',
    'info@', 'info@localhost', 'in fo@example.org', '"a"@example.org', 'a@b.de\nbcc: x@y.de', 'a%3F@b.de', 42, undefined,
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.equal(mailtoUrl(bad), undefined);
      assert.equal(isMailAddress(bad), false);
    });
  }
});
