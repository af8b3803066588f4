/**
 * Getting in touch, without the DOM: an offer's contact details as its data provides them (every
 * URL through core's `safeUrl`), and the prepared e-mail as a `mailto:` link built here, in the
 * browser. Nothing is sent: the person's own mail program opens with the text, to edit or drop.
 */
import { mailtoUrl, safeUrl, type MatchOffer } from '@sozial-innovativ/core';

export type ContactKind = 'website' | 'register' | 'email' | 'phone';

/** One way to reach an offer: the safe `href` and the text to write out (print, screen readers). */
export interface ContactWay {
  kind: ContactKind;
  href: string;
  text: string;
}

/**
 * The ways to reach `offer`, in a fixed order: its website, a separate contact or registration
 * page (`contact.url` when the offer also has its own `url`), one plain e-mail address (an address
 * with `?bcc=` or `&body=` from data is none), a phone number.
 */
export function contactWays(offer: MatchOffer): ContactWay[] {
  const c = offer.contact;
  const website = safeUrl(offer.url ?? c?.url);
  const register = offer.url && c?.url ? safeUrl(c.url) : undefined;
  const email = mailtoUrl(c?.email);
  const phone = c?.phone ? safeUrl(`tel:${c.phone.replace(/[^\d+]/g, '')}`) : undefined;
  const ways: ContactWay[] = [];
  if (website) ways.push({ kind: 'website', href: website, text: website });
  if (register && register !== website) ways.push({ kind: 'register', href: register, text: register });
  if (email) ways.push({ kind: 'email', href: email, text: c!.email!.trim() });
  if (phone) ways.push({ kind: 'phone', href: phone, text: c!.phone!.trim() });
  return ways;
}

/** The answers as the person reads them back: one `[question, answer]` pair per line. */
export type AnswerLines = readonly (readonly [label: string, answer: string])[];

/**
 * The body of the prepared e-mail: the person's (edited) message, and below it their answers only
 * when `answers` is given (the person ticked that it should be).
 */
export function mailBody(message: string, answers?: { heading: string; lines: AnswerLines }): string {
  const text = message.trim();
  if (!answers || !answers.lines.length) return text;
  return `${text}\n\n${answers.heading}\n${answers.lines.map(([label, answer]) => `- ${label}: ${answer}`).join('\n')}`;
}

/**
 * A `mailto:` link to the offer's one plain address with a subject and body built here. The
 * address passes `mailtoUrl` (no recipients or text from data); subject and body are the person's
 * own text, encoded, with line breaks as CRLF (RFC 6068). Undefined when the offer has no address.
 */
export function mailHref(address: string | undefined, subject: string, body: string): string | undefined {
  const to = mailtoUrl(address);
  if (!to) return undefined;
  const encode = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `${to}?subject=${encode(subject)}&body=${encode(body)}`;
}
