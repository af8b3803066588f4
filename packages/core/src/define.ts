import { VERSION } from './version.js';

type Registered = CustomElementConstructor & { siVersion?: string };

/**
 * Registers a custom element once per page. A second copy of the library (even another version)
 * or a host page that took the tag first gets a console warning, never a `NotSupportedError`.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as Registered | undefined;
  if (existing) {
    if (existing === ctor) return;
    if (!existing.siVersion) {
      console.warn(`[sozial-innovativ] <${tag}> is already defined by other code on this page; Sozial.Innovativ ${VERSION} leaves it alone.`);
    } else if (existing.siVersion !== VERSION) {
      console.warn(`[sozial-innovativ] <${tag}> ${existing.siVersion} is already defined; the copy of version ${VERSION} is not registered.`);
    }
    return;
  }
  Object.defineProperty(ctor, 'siVersion', { value: VERSION });
  customElements.define(tag, ctor);
}
