import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateOffers } from '@sozial-innovativ/core';
import { contactWays, mailBody, mailHref } from './contact.js';

const offer = (raw: object) => {
  const { items } = validateOffers([{ id: 'x', name: 'Alte Gärtnerei', ...raw }]);
  assert.equal(items.length, 1);
  return items[0]!;
};

describe('getting in touch', () => {
  it('lists website, a separate registration page, one plain address and a phone number, in that order', () => {
    const ways = contactWays(offer({
      url: 'https://example.org/a',
      contact: { url: 'https://example.org/a/anmelden', email: ' post@example.org ', phone: '0341 / 123 45-6' },
    }));
    assert.deepEqual(ways, [
      { kind: 'website', href: 'https://example.org/a', text: 'https://example.org/a' },
      { kind: 'register', href: 'https://example.org/a/anmelden', text: 'https://example.org/a/anmelden' },
      { kind: 'email', href: 'mailto:post@example.org', text: 'post@example.org' },
      { kind: 'phone', href: 'tel:0341123456', text: '0341 / 123 45-6' },
    ]);
  });

  it('uses the contact page as the website when the offer has no own URL, and drops what is not safe', () => {
    assert.deepEqual(contactWays(offer({ contact: { url: 'https://example.org/kontakt' } })).map((w) => w.kind), ['website']);
    assert.deepEqual(contactWays(offer({ contact: { email: 'a@example.org?bcc=all@evil.example' } })), []);
    assert.deepEqual(contactWays(offer({ contact: { email: 'Name <c@example.org>' } })), []);
    assert.deepEqual(contactWays(offer({})), []);
  });

  it('builds the e-mail locally: the answers only when given, subject and body encoded, CRLF line breaks', () => {
    const answers = { heading: 'Meine Antworten:', lines: [['Miete', 'höchstens 650 €'], ['Umgebung', 'Dorf']] as const };
    assert.equal(mailBody('  Guten Tag,\nbitte melden.\n'), 'Guten Tag,\nbitte melden.');
    assert.equal(mailBody('Hallo', answers), 'Hallo\n\nMeine Antworten:\n- Miete: höchstens 650 €\n- Umgebung: Dorf');
    assert.equal(mailBody('Hallo', { heading: 'Meine Antworten:', lines: [] }), 'Hallo');
    const href = mailHref('post@example.org', 'Anfrage: A & B', 'Zeile 1\nZeile 2 & ?=#')!;
    assert.equal(href, 'mailto:post@example.org?subject=Anfrage%3A%20A%20%26%20B&body=Zeile%201%0D%0AZeile%202%20%26%20%3F%3D%23');
    const url = new URL(href);
    assert.equal(url.searchParams.get('body'), 'Zeile 1\r\nZeile 2 & ?=#');
  });

  it('prepares no e-mail to an address that is more than one plain address', () => {
    assert.equal(mailHref('a@example.org?bcc=all@evil.example', 's', 'b'), undefined);
    assert.equal(mailHref('a@example.org,b@example.org', 's', 'b'), undefined);
    assert.equal(mailHref(undefined, 's', 'b'), undefined);
  });
});
