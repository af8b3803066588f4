const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'webcal:']);

/**
 * The one gate for URLs from data. Returns an absolute URL string when its scheme is safe to put
 * in `href`/`src`, otherwise `undefined`. Lit does not sanitize `href`: `javascript:` would run.
 * Control characters and whitespace are stripped first, as browsers do when they parse a URL.
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
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/** Like {@link safeUrl} but only `http:`/`https:`, for images and data sources. */
export function safeHttpUrl(raw: unknown, base?: string): string | undefined {
  const url = safeUrl(raw, base);
  return url && /^https?:/.test(url) ? url : undefined;
}
