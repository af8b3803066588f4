import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog, Lang } from '../i18n/index.js';

type Args<M> = M extends (...args: infer A) => string ? A : [];
type Loader<C> = () => Promise<{ default: C }>;

/**
 * A widget's messages with German bundled and the other languages loaded on first use, so a
 * German page never downloads English or Upper Sorbian texts. Until a catalog has arrived (one
 * small request to the widget's own origin), German is shown; then the host re-renders.
 * English must be complete (typed as the German catalog); Upper Sorbian may be partial.
 */
export class LocaleController<C extends Catalog> implements ReactiveController {
  private readonly loaded: Partial<Record<Lang, Partial<C>>>;
  private readonly pending = new Set<Lang>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly language: () => Lang,
    de: C,
    private readonly loaders: { en: Loader<C>; hsb: Loader<Partial<C>> },
  ) {
    this.loaded = { de };
    host.addController(this);
  }

  hostUpdate(): void {
    this.ensure(this.language());
  }

  /** Resolves when the catalog for the current language is there (for tests and stories). */
  async ready(): Promise<void> {
    const lang = this.language();
    if (lang !== 'de' && !this.loaded[lang]) {
      this.loaded[lang] = (await this.loaders[lang]()).default;
      this.host.requestUpdate();
    }
  }

  /** The message `key` in the current language, German where a translation is missing. */
  t = <K extends keyof C & string>(key: K, ...args: Args<C[K]>): string => {
    const lang = this.language();
    const msg = this.loaded[lang]?.[key] ?? this.loaded.de![key]!;
    return typeof msg === 'function' ? (msg as (...a: unknown[]) => string)(...args) : (msg as string);
  };

  private ensure(lang: Lang): void {
    if (lang === 'de' || this.loaded[lang] || this.pending.has(lang)) return;
    this.pending.add(lang);
    this.loaders[lang]().then(
      (m) => {
        this.loaded[lang] = m.default;
        this.host.requestUpdate();
      },
      () => this.pending.delete(lang),
    );
  }
}
