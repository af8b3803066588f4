import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DialogController } from '@sozial-innovativ/core/elements';
import { moveDay } from './month-grid.js';

export interface MonthGridHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
}

export interface MonthGridOptions {
  /** Moves the grid's one tab stop (the cell with `tabindex="0"`) to `day`; focus follows it. */
  move(day: string): void;
  /** Lists the events of a day that has some (Enter, "+N more"); the day cell gets focus back. */
  dayDialog: Pick<DialogController<string>, 'show'>;
  /** Opens an event (a chip); the day cell gets focus back. */
  openEvent(id: string, cell: HTMLElement): void;
}

/**
 * The month grid's keyboard and pointer model (WAI-ARIA APG grid: one tab stop, arrows,
 * Home/End, Page Up/Down, Enter opens the day). Bind `onKeydown` and `onClick` to the grid.
 * A chip or "+N more" is not a tab stop: what they open returns focus to their day cell.
 */
export class MonthGridController implements ReactiveController {
  private focusing?: string;

  constructor(
    private readonly host: MonthGridHost,
    private readonly options: MonthGridOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.focusing) return;
    this.host.renderRoot.querySelector<HTMLElement>(`[role=gridcell][data-day="${this.focusing}"]`)?.focus();
    this.focusing = undefined;
  }

  private focus(day: string): void {
    this.focusing = day;
    this.options.move(day);
    this.host.requestUpdate();
  }

  readonly onKeydown = (e: KeyboardEvent): void => {
    const cell = (e.target as Element).closest<HTMLElement>('[role=gridcell]');
    const day = cell?.dataset.day;
    if (!day || e.altKey) return;
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'F2') {
      if (e.target !== cell) return; // a chip or "+N more" handles its own activation
      e.preventDefault();
      if (cell.querySelector('.chip, .count')) this.options.dayDialog.show(day, cell);
      return;
    }
    const next = moveDay(day, e.key, e);
    if (!next) return;
    e.preventDefault();
    this.focus(next);
  };

  readonly onClick = (e: MouseEvent): void => {
    const target = e.target as Element;
    const cell = target.closest<HTMLElement>('[role=gridcell]');
    const day = cell?.dataset.day;
    if (!cell || !day) return;
    const chip = target.closest<HTMLElement>('[data-id]');
    if (chip) this.options.openEvent(chip.dataset.id!, cell);
    else if (target.closest('.more-link')) this.options.dayDialog.show(day, cell);
    else this.focus(day);
  };
}
