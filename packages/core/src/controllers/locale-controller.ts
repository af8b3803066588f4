import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadCommonMessages, type Catalog, type Lang } from '../i18n/index.js';

type Args<M> = M extends (...args: infer A) => string ? A : [];
type Loader<C> = () => Promise<{ default: C }>;
/** A catalog's key: a language, or `ls` for Leichte Sprache (German with `easy-read`). */
type Variant = Lang | 'ls';

/**
 * A widget's messages with German bundled and the other languages loaded on first use, so a
 * German page never downloads English or Upper Sorbian texts. Until a catalog has arrived (one
 * small request to the widget's own origin), German is shown; then the host re-renders.
 * English must be complete (typed as the German catalog); Upper Sorbian may be partial.
 * Leichte Sprache (`ls`, optional and partial) is used when the language is German and the host
 * has `easy-read` set; a German page without `easy-read` never downloads it. Every missing key
 * falls back to standard German. core's shared messages (states, errors) in that language arrive
 * together with the widget's catalog.
 */
export class LocaleController<C extends Catalog> implements ReactiveController {
  private readonly loaded: Partial<Record<Variant, Partial<C>>>;
  private readonly pending = new Set<Variant>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly language: () => Lang,
    de: C,
    private readonly loaders: { en: Loader<C>; hsb: Loader<Partial<C>>; ls?: Loader<Partial<C>> },
  ) {
    this.loaded = { de };
    host.addController(this);
  }

  /** The catalog to read: Leichte Sprache for German with the host's `easy-read`, else the language. */
  private variant(): Variant {
    const lang = this.language();
    return lang === 'de' && this.loaders.ls && (this.host as { easyRead?: boolean }).easyRead ? 'ls' : lang;
  }

  hostUpdate(): void {
    this.ensure(this.variant());
  }

  /** Resolves when the catalog for the current language is there (for tests and stories). */
  async ready(): Promise<void> {
    const v = this.variant();
    if (v !== 'de' && !this.loaded[v]) {
      this.loaded[v] = (await this.load(v)).default;
      this.host.requestUpdate();
    }
  }

  /** The message `key` in the current language, German where a translation is missing. */
  t = <K extends keyof C & string>(key: K, ...args: Args<C[K]>): string => {
    const msg = this.loaded[this.variant()]?.[key] ?? this.loaded.de![key]!;
    return typeof msg === 'function' ? (msg as (...a: unknown[]) => string)(...args) : (msg as string);
  };

  /** The widget's catalog for `v`, and core's shared messages in that language with it. */
  private load(v: Exclude<Variant, 'de'>): Promise<{ default: Partial<C> }> {
    return Promise.all([this.loaders[v]!(), v === 'ls' ? undefined : loadCommonMessages(v)]).then(([catalog]) => catalog);
  }

  private ensure(v: Variant): void {
    if (v === 'de' || this.loaded[v] || this.pending.has(v)) return;
    this.pending.add(v);
    this.load(v).then(
      (m) => {
        this.loaded[v] = m.default;
        this.host.requestUpdate();
      },
      () => this.pending.delete(v),
    );
  }
}
