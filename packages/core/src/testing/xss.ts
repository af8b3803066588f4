/**
 * Hostile strings for security tests: markup, event handlers, dangerous URL schemes in every
 * case mix and with control characters, SVG, broken markup and Unicode tricks. Each payload
 * that would run calls `window.__siXss()` so a test can count executions.
 */
export const XSS_TEXT_PAYLOADS: readonly string[] = [
  '<script>__siXss()</script>',
  '"><script>__siXss()</script>',
  "'><script>__siXss()</script>",
  '</script><script>__siXss()</script>',
  '<img src=x onerror=__siXss()>',
  '<img src="x" onerror="__siXss()">',
  '<svg onload=__siXss()>',
  '<svg><script>__siXss()</script></svg>',
  '<svg><animate onbegin=__siXss() attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__siXss()>',
  '<iframe src="javascript:__siXss()"></iframe>',
  '<iframe srcdoc="<script>parent.__siXss()</script>"></iframe>',
  '<object data="javascript:__siXss()"></object>',
  '<embed src="javascript:__siXss()">',
  '<body onload=__siXss()>',
  '<details open ontoggle=__siXss()>',
  '<input autofocus onfocus=__siXss()>',
  '<video><source onerror=__siXss()></video>',
  '<audio src=x onerror=__siXss()>',
  '<a href="javascript:__siXss()">klick</a>',
  '<form action="javascript:__siXss()"><button>x</button></form>',
  '<marquee onstart=__siXss()>',
  '<div style="background:url(javascript:__siXss())">',
  '<style>@import "javascript:__siXss()";</style>',
  '<link rel=stylesheet href="javascript:__siXss()">',
  '<meta http-equiv="refresh" content="0;url=javascript:__siXss()">',
  '<base href="javascript:__siXss()//">',
  '<template><img src=x onerror=__siXss()></template>',
  '<noscript><p title="</noscript><img src=x onerror=__siXss()>">',
  '<!--<img src="--><img src=x onerror=__siXss()//">',
  '<img src=x onerror=__siXss()//',
  '<<script>__siXss()//<</script>',
  '<scr<script>ipt>__siXss()</scr</script>ipt>',
  '${__siXss()}',
  '{{constructor.constructor("__siXss()")()}}',
  '<img src=x onerror=&#95;&#95;siXss()>',
  '\u003cscript\u003e__siXss()\u003c/script\u003e',
  '<scr\u0000ipt>__siXss()</script>',
  '\u202e<script>__siXss()</script>',
  '<img src=x onerror=__siXss()>\u2028\u2029',
  '<x contenteditable onfocus=__siXss() autofocus>',
  '<select autofocus onfocus=__siXss()>',
  '<textarea autofocus onfocus=__siXss()>',
  '<keygen autofocus onfocus=__siXss()>',
  '<isindex action=javascript:__siXss() type=submit>',
  '<xmp><img src=x onerror=__siXss()></xmp>',
  '<slot name=x onslotchange=__siXss()>',
  '"onmouseover="__siXss()',
  "' autofocus onfocus='__siXss()",
  '<a href=jAvAsCrIpT:__siXss()>x</a>',
];

/** Hostile URLs: every scheme that must never end up in `href` or `src`. */
export const XSS_URL_PAYLOADS: readonly string[] = [
  'javascript:__siXss()',
  'JAVASCRIPT:__siXss()',
  'JaVaScRiPt:__siXss()',
  ' javascript:__siXss()',
  '\tjavascript:__siXss()',
  'java\tscript:__siXss()',
  'java\nscript:__siXss()',
  'java\rscript:__siXss()',
  '\u0000javascript:__siXss()',
  '\u0001javascript:__siXss()',
  'jav\u200bascript:__siXss()',
  '\ufeffjavascript:__siXss()',
  'javascript&colon;__siXss()',
  'javascript:/*--></title></style></textarea></script><svg/onload=__siXss()>',
  'data:text/html,<script>__siXss()</script>',
  'DATA:text/html;base64,PHNjcmlwdD5fX3NpWHNzKCk8L3NjcmlwdD4=',
  'data:image/svg+xml,<svg onload=__siXss()>',
  'vbscript:msgbox(1)',
  'VbScRiPt:msgbox(1)',
  'file:///etc/passwd',
  'blob:null/abc',
  '//evil.example/x',
];

/** Dangerous schemes a rendered `href`/`src`/`action` must never carry. */
export const UNSAFE_URL = /^\s*(javascript|data|vbscript|file|blob):/i;

/**
 * Walks `root` and every shadow root below it and lists what a successful injection would leave
 * behind: script-capable elements, inline event handlers, dangerous URLs.
 */
export function findInjections(root: Element | ShadowRoot | Document): string[] {
  const found: string[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      const tag = el.localName;
      if (['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'frame', 'frameset'].includes(tag)) {
        // JSON-LD for search engines is data, not code, as long as its type says so.
        if (!(tag === 'script' && (el as HTMLScriptElement).type === 'application/ld+json')) found.push(`<${tag}>`);
      }
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`<${tag} ${attr.name}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster'].includes(attr.name) && (UNSAFE_URL.test(attr.value) || attr.name === 'srcdoc')) {
          found.push(`<${tag} ${attr.name}="${attr.value.slice(0, 40)}">`);
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return found;
}
