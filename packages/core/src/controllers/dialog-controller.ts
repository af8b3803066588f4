import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DialogHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
}

export interface DialogOptions {
  /** Selects the `<dialog>` in the host's `renderRoot`. */
  dialog: string;
  /** Selects what gets focus on close when what opened the dialog is gone (or nothing did). */
  returnFocus?: string;
  /** When the dialog has closed (Escape, its close button, `close()`), before focus goes back. */
  onClose?: () => void;
}

/**
 * A modal `<dialog>` in a host's shadow root, showing a `value` (an event, an initiative).
 * `show(value)` renders the host with it and then opens the dialog as a modal (so the browser moves
 * focus to the first control in it); on close, `value` goes and focus goes back to what opened
 * the dialog. The host binds `closed` to the dialog's `close` event and `close` to its close button:
 *
 * ```ts
 * html`<dialog @close=${this.dialog.closed}>
 *   ${this.dialog.value ? html`… <button @click=${this.dialog.close}>…</button>` : nothing}
 * </dialog>`
 * ```
 */
export class DialogController<T = unknown> implements ReactiveController {
  /** What the dialog shows, from `show()` until it has closed. */
  value?: T;
  private opening = false;
  private trigger?: HTMLElement | null;

  constructor(
    private readonly host: DialogHost,
    private readonly options: DialogOptions,
  ) {
    host.addController(this);
  }

  /** Shows `value`, opening the dialog after the host's next update; `trigger` gets focus back on close. */
  show(value: T, trigger?: HTMLElement | null): void {
    this.value = value;
    this.trigger = trigger;
    this.opening = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.opening) return;
    this.opening = false;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector(this.options.dialog);
  }

  readonly close = (): void => this.dialog?.close();

  readonly closed = (): void => {
    const { trigger } = this;
    this.value = this.trigger = undefined;
    this.host.requestUpdate();
    this.options.onClose?.();
    const { returnFocus } = this.options;
    (trigger?.isConnected ? trigger : returnFocus ? this.host.renderRoot.querySelector<HTMLElement>(returnFocus) : null)?.focus();
  };
}
