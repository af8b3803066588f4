import { AdapterError, createAdapter, type AdapterOptions, type DataAdapter } from '../adapter.js';
import type { SourceHost } from './source-controller.js';

// The one declarative source path, for `<si-data-source>` and a widget's own `src`/`source-type`.
// A widget loads this module only when it has its own source, so it stays out of every widget's
// first chunk.

/** `events.ics` → ical, anything else → json. */
export function guessSourceType(src: string): string {
  return /\.ics(\?|#|$)/i.test(src) || /^webcal:/i.test(src) ? 'ical' : 'json';
}

/** An adapter whose every call fails with `error`: a misconfigured source becomes an error state. */
export function failingAdapter(error: unknown): DataAdapter {
  const fail = () => Promise.reject(error);
  return { kind: 'error', events: fail, initiatives: fail, initiative: fail, questionnaire: fail, offers: fail };
}

/** Attributes that place, label or style an element: never an adapter option. */
const NOT_OPTIONS = /^(id|class|style|lang|dir|title|role|hidden|inert|slot|tabindex|part)$|^(data|aria)-/;

/**
 * The options of a declarative source: its `src` and every attribute that the element does not
 * declare itself (`observedAttributes`), camel-cased, as a string (`max-bytes="500"` →
 * `maxBytes: "500"`, `per-page` → `perPage`). Each adapter parses the options it knows.
 */
export function sourceOptions(el: HTMLElement & { src?: string }): AdapterOptions {
  const own = (el.constructor as { observedAttributes?: string[] }).observedAttributes ?? [];
  const options: AdapterOptions = { src: el.src };
  for (const { name, value } of el.attributes) {
    if (!own.includes(name) && !NOT_OPTIONS.test(name)) options[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return options;
}

/**
 * The adapter of a declarative source; `json` is the text of its inline data, if any. A
 * misconfigured source becomes an adapter that fails, so the widget shows the error.
 */
async function createSourceAdapter(type: string, options: AdapterOptions, json?: string): Promise<DataAdapter> {
  try {
    if (json !== undefined) {
      try {
        options = { ...options, data: JSON.parse(json) };
      } catch (e) {
        throw new AdapterError('parse', 'The inline JSON data is not valid JSON', undefined, { cause: e });
      }
    }
    return await createAdapter(type, options);
  } catch (e) {
    return failingAdapter(e instanceof AdapterError ? e : new AdapterError('config', String(e)));
  }
}

/** One source of a merge: its adapter and the label its events are shown with. */
export interface LabelledSource {
  adapter: DataAdapter;
  label: string;
}

/**
 * The adapter of a `merge` source over `sources` (the nested sources' adapters, `undefined` while
 * one is still loading), made by the registered `merge` type. Returns the key (the adapters and
 * labels), and a new adapter when every source is ready and one changed since `known`.
 */
export function mergeSources(known: unknown, sources: (LabelledSource | undefined)[]): [key: unknown, adapter?: Promise<DataAdapter>] {
  if (sources.some((s) => !s)) return [known];
  const key = sources.flatMap((s) => [s!.adapter, s!.label]);
  const same = Array.isArray(known) && known.length === key.length && key.every((x, i) => x === known[i]);
  return same ? [known] : [key, createSourceAdapter('merge', { sources })];
}

const watchers = new WeakMap<Element, MutationObserver>();

/**
 * Reads `el`'s source: `type`, {@link sourceOptions} (+ `extra`) and, without `src`, the inline data
 * of a child `<script type="application/json">` (strict Content-Security-Policies allow it because
 * it never runs). Returns their key, and a new adapter when the key differs from `known`. `el`'s
 * attributes, children and data script are watched with the first call's `changed`, since options
 * other than declared properties cause no update.
 */
export function loadSource(
  el: HTMLElement & { src?: string },
  type: string,
  known: string | undefined,
  changed: () => void,
  extra?: AdapterOptions,
): [key: string, adapter?: Promise<DataAdapter>] {
  const observer = (watchers.get(el) ?? watchers.set(el, new MutationObserver(changed)).get(el))!;
  const script = el.querySelector(':scope > script[type="application/json"]');
  // Attributes, the children (a data script added or removed) and the data script's text.
  observer.observe(el, { attributes: true, childList: true });
  if (script) observer.observe(script, { characterData: true, childList: true, subtree: true });
  const options = { ...sourceOptions(el), ...extra };
  const json = options.src ? undefined : (script?.textContent ?? undefined);
  // Stringified JSON has no line break, so one separates the inline text (compared, not escaped).
  const key = JSON.stringify([type, options]) + (json === undefined ? '' : `\n${json}`);
  return key === known ? [key] : [key, createSourceAdapter(type, options, json)];
}

/** A widget's own source: the adapter made from its latest options, and their key. */
export interface OwnSource {
  key?: string;
  /** Type and `src` the options were last read for; cleared when an attribute or the data changes. */
  stamp?: string;
  adapter?: DataAdapter;
}

/**
 * Makes `own.adapter` again when `host`'s type (`source-type`, else guessed from `src`) or
 * options changed, then updates `host`. `changed` is called when an attribute changes.
 */
export async function loadOwnSource(host: SourceHost, own: OwnSource, changed: () => void): Promise<void> {
  const type = host.sourceType || guessSourceType(host.src ?? '');
  // Every update of the widget asks; the options (and megabytes of inline data) are read again
  // only after `src`, the type, an attribute or the data changed.
  const stamp = `${type} ${host.src}`;
  if (own.stamp === stamp) return;
  own.stamp = stamp;
  const [key, adapter] = loadSource(host, type, own.key, () => ((own.stamp = undefined), changed()));
  if (!adapter) return;
  own.key = key;
  own.adapter = undefined;
  const ready = await adapter;
  if (own.key !== key) return;
  own.adapter = ready;
  host.requestUpdate();
}
