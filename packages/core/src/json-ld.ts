/**
 * schema.org JSON-LD for search engines, written into a widget's light DOM (crawlers do not read
 * shadow DOM). Safe by construction: data cannot close the script element, and under a
 * Trusted Types CSP (`require-trusted-types-for 'script'`) the text goes through one named
 * policy, `si-jsonld`, that host pages allow with `trusted-types si-jsonld`.
 */

/** JSON.stringify, then `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`, so `</script>` in data stays text. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScript: (input: string) => string }): TrustedTypePolicyLike;
}

/** The policy name host pages list in `trusted-types` to keep JSON-LD under Trusted Types. */
export const JSON_LD_POLICY = 'si-jsonld';

let policy: TrustedTypePolicyLike | null | undefined;
/** The policy, created once; `null` when the page's CSP forbids it. */
function jsonLdPolicy(): TrustedTypePolicyLike | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return (policy = null);
  try {
    // Input reaching this policy is always the output of serializeJsonLd (see writeJsonLd).
    policy = tt.createPolicy(JSON_LD_POLICY, { createScript: (input) => input });
  } catch {
    policy = null;
    console.info(`[sozial-innovativ] JSON-LD is off: the Trusted Types policy "${JSON_LD_POLICY}" is not allowed on this page.`);
  }
  return policy;
}

const MARK = 'data-si-jsonld';

/**
 * Puts `data` as `<script type="application/ld+json" data-si-jsonld>` into `host`'s light DOM,
 * replacing the previous one; `undefined` removes it. Returns false when Trusted Types block it.
 */
export function writeJsonLd(host: Element, data: unknown): boolean {
  let script = host.querySelector<HTMLScriptElement>(`:scope > script[${MARK}]`);
  if (data === undefined) {
    script?.remove();
    return true;
  }
  const tt = (globalThis as { trustedTypes?: unknown }).trustedTypes;
  const text = serializeJsonLd(data);
  let value: unknown = text;
  if (tt) {
    const p = jsonLdPolicy();
    if (!p) {
      script?.remove();
      return false;
    }
    value = p.createScript(text);
  }
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.setAttribute(MARK, '');
    host.append(script);
  }
  (script as { text: unknown }).text = value;
  return true;
}
