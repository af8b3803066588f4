import type { CalendarEvent } from './model/event.js';
import type { Initiative } from './model/initiative.js';
import type { MatchOffer, Questionnaire } from './model/match.js';

/** Passed to every adapter call; widgets abort it when they are removed or the range changes. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** What a widget asks for events. `from`/`to` are ISO date-times; `to` is exclusive. */
export interface EventQuery {
  from: string;
  to: string;
  /** Hint only: an adapter that cannot filter on the server returns everything in range. */
  text?: string;
  topics?: string[];
}

export interface InitiativeQuery {
  /** Hint only; widgets search and filter in the browser. */
  text?: string;
  /** Bounding box `[south, west, north, east]`, for adapters that search by area. */
  bbox?: [number, number, number, number];
  topics?: string[];
}

/** A source of a merged result that failed, and why (usually an {@link AdapterError}). */
export interface SourceFailure {
  label: string;
  error: unknown;
}

/** A list result. `dropped` counts invalid items that were skipped. */
export interface Result<T> {
  items: T[];
  dropped: number;
  /** Total on the server when known (e.g. `X-WP-Total`). */
  total?: number;
  /** When the data was fetched (epoch ms). */
  fetchedAt: number;
  /** True when served from cache after the source failed. */
  stale?: boolean;
  /**
   * Set by a source that merges several (`createMergedAdapter`): how many there are and which
   * failed. The items are those of the others; widgets say that some are missing.
   */
  sources?: { total: number; failed: number; failures?: SourceFailure[] };
}

/**
 * The contract between widgets and data. Every method is optional: a widget asks only for what
 * it needs and checks `supports()` first. Adapters never touch the DOM and must honour
 * `signal`. Errors are thrown as {@link AdapterError}.
 */
export interface DataAdapter {
  /** A short name for messages and debugging, e.g. `ical`. */
  readonly kind: string;
  events?(query: EventQuery, options?: RequestOptions): Promise<Result<CalendarEvent>>;
  initiatives?(query: InitiativeQuery, options?: RequestOptions): Promise<Result<Initiative>>;
  initiative?(id: string, options?: RequestOptions): Promise<Initiative | undefined>;
  questionnaire?(options?: RequestOptions): Promise<Questionnaire>;
  offers?(options?: RequestOptions): Promise<Result<MatchOffer>>;
  /** A URL that calendar apps can subscribe to (`webcal:`/`https:` iCalendar feed), if any. */
  readonly feedUrl?: string;
}

export type Capability = 'events' | 'initiatives' | 'questionnaire' | 'offers';

export function supports(adapter: DataAdapter | undefined, capability: Capability): boolean {
  return typeof adapter?.[capability] === 'function';
}

/** `too-large`: the response was over the byte cap (`FetchOptions.maxBytes`) and was not read. */
export type AdapterErrorKind = 'network' | 'timeout' | 'http' | 'too-large' | 'parse' | 'unsupported' | 'config';

/** The one error type adapters throw; widgets translate `kind` and show `message` as detail. */
export class AdapterError extends Error {
  override name = 'AdapterError';
  constructor(
    readonly kind: AdapterErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isAbortError = (e: unknown): boolean =>
  (e instanceof DOMException || e instanceof Error) && (e.name === 'AbortError');

/** Options a declarative source (`<si-data-source>`, a widget's `src`) passes to a factory. */
export interface AdapterOptions {
  src?: string;
  /** Inline data (already parsed) for the json adapter. */
  data?: unknown;
  /** Adapter-specific options from attributes, e.g. `preset` for rest. */
  [key: string]: unknown;
}

export type AdapterFactory = (options: AdapterOptions) => DataAdapter | Promise<DataAdapter>;

// One registry per page, even with two copies of the library: keyed by a global symbol.
const REGISTRY_KEY = Symbol.for('@sozial-innovativ/adapter-factories');
type Registry = Map<string, AdapterFactory>;
const registry = (): Registry =>
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] ??= new Map()) as Registry;

/** Makes `type` usable in `source-type="…"` / `<si-data-source type="…">`. The first registration wins. */
export function registerAdapterType(type: string, factory: AdapterFactory): void {
  if (!registry().has(type)) registry().set(type, factory);
}

export function registeredAdapterTypes(): string[] {
  return [...registry().keys()];
}

/** Creates an adapter from declarative options; unknown types throw a `config` error. */
export async function createAdapter(type: string, options: AdapterOptions): Promise<DataAdapter> {
  const factory = registry().get(type);
  if (!factory) {
    throw new AdapterError('config', `Unknown source type "${type}". Known: ${registeredAdapterTypes().join(', ') || 'none'}.`);
  }
  return factory(options);
}
