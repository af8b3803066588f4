const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'webcal:']);

// One address as people write it on a contact form. Deliberately narrower than RFC 5322: no
// quoted local parts and no `?`, `&`, `=` or `%`, so nothing from data can smuggle mailto header
// fields (`?bcc=…&body=…`) past us. Unicode letters are allowed for IDN domains.
const MAIL_ADDRESS = /^[\p{L}\p{N}.!#$'*+/^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

/** Whether `address` is one plain e-mail address (no header fields, no display name). */
export function isMailAddress(address: unknown): address is string {
  return typeof address === 'string' && address.length <= 254 && MAIL_ADDRESS.test(address);
}

/** A `mailto:` URL for one plain address from data, or `undefined` when it is not one. */
export function mailtoUrl(address: unknown): string | undefined {
  if (typeof address !== 'string') return undefined;
  const trimmed = address.trim();
  return isMailAddress(trimmed) ? safeUrl(`mailto:${trimmed}`) : undefined;
}

function isPlainAddressList(url: URL): boolean {
  if (url.search || url.hash) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  // Mail clients decode `%3F` back to `?`, so the check runs on the decoded list.
  return decoded.split(',').every(isMailAddress);
}

/**
 * The one gate for URLs from data. Returns an absolute URL string when its scheme is safe to put
 * in `href`/`src`, otherwise `undefined`. Lit does not sanitize `href`: `javascript:` would run.
 * Control characters and whitespace are stripped first, as browsers do when they parse a URL.
 *
 * Also rejected: URLs with credentials (`https://user:pass@host/`, a phishing trick that shows a
 * trusted name first) and `mailto:` URLs that are more than a plain address list (`?bcc=`,
 * `&body=` would let data add recipients or text the person did not see).
 *
 * @param base resolves relative URLs; pass the feed's URL for links from a feed. Defaults to the
 *   page's URL (in Node, relative URLs without a base are rejected).
 */
export function safeUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  if (!cleaned || cleaned.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(cleaned, base ?? (typeof location !== 'undefined' ? location.href : undefined));
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.username || url.password) return undefined;
  if (url.protocol === 'mailto:' && !isPlainAddressList(url)) return undefined;
  return url.href;
}

/** Like {@link safeUrl} but only `http:`/`https:`, for images and data sources. */
export function safeHttpUrl(raw: unknown, base?: string): string | undefined {
  const url = safeUrl(raw, base);
  return url && /^https?:/.test(url) ? url : undefined;
}
