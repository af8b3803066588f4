import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readFragment, writeFragment, type UrlState } from './url-state.js';

export interface UrlSyncHost extends ReactiveControllerHost, HTMLElement {
  /** Sync only while this is on (the `sync-url` attribute). */
  syncUrl: boolean;
}

/**
 * Keeps a calendar's state in the URL fragment under the prefix `<id>-` (`kalender-` without an
 * id): `read()` hands a link's state to `apply`, `write()` records the state without a history
 * entry (no `hashchange` either), and the fragment is read again when the visitor changes it.
 */
export class UrlSyncController implements ReactiveController {
  constructor(
    private readonly host: UrlSyncHost,
    private readonly apply: (state: UrlState) => void,
  ) {
    host.addController(this);
  }

  private get prefix(): string {
    return `${this.host.id || 'kalender'}-`;
  }

  hostConnected(): void {
    if (this.host.syncUrl) window.addEventListener('hashchange', this.read);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.read);
  }

  readonly read = (): void => {
    const state = readFragment(location.hash, this.prefix);
    if (state) this.apply(state);
  };

  write(state: UrlState): void {
    if (!this.host.syncUrl) return;
    const hash = writeFragment(location.hash, this.prefix, state);
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }
}
