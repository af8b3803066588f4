// The floor of issue #15's cold cases: the least any Lit widget can do for the same picture. One
// element, no adapter, no validation, no i18n, no styles beyond a grid: the raw events grouped by
// day into a 6-week March grid (3 chips a day and "+ n more", as ours shows) or the first 50 rows
// of a list, and a "next month" button. Built as one ES module with Lit (bench/cold.mjs); what it
// takes from the clock's start to settled is what loading Lit, one render and the browser's
// layout cost on this machine, below which no Lit calendar can go.
import { LitElement, css, html } from 'lit';

const DAY = 86_400_000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

class FloorCalendar extends LitElement {
  static properties = { view: {}, month: {} };
  static styles = css`
    :host { display: block; font: 16px/1.4 system-ui, sans-serif; }
    .grid { display: grid; grid-template-columns: repeat(7, 1fr); gap: 2px; }
    .day { min-height: 6em; border: 1px solid #ccc; padding: 2px; overflow: hidden; }
    .chip { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 0.85em; }
    li { padding: 0.25em 0; border-bottom: 1px solid #eee; }
  `;

  constructor() {
    super();
    this.events = [];
    this.view = 'month';
    this.month = '2026-03';
  }

  render() {
    if (this.view === 'list') {
      const rows = this.events.filter((e) => e.start.startsWith(this.month)).sort((a, b) => (a.start < b.start ? -1 : 1)).slice(0, 50);
      return html`<ul>${rows.map((e) => html`<li part="list-item"><time>${e.start.slice(11, 16)}</time> ${e.title}</li>`)}</ul>`;
    }
    const byDay = new Map();
    for (const e of this.events) {
      const d = e.start.slice(0, 10);
      const list = byDay.get(d);
      if (list) list.push(e);
      else byDay.set(d, [e]);
    }
    const first = Date.parse(`${this.month}-01T00:00:00Z`);
    const start = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY;
    const days = Array.from({ length: 42 }, (_, i) => iso(start + i * DAY));
    const [y, m] = this.month.split('-').map(Number);
    const next = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}`;
    return html`
      <button data-step="1" @click=${() => (this.month = next)}>›</button>
      <div role="grid" class="grid">
        ${days.map((d) => {
          const list = (byDay.get(d) ?? []).sort((a, b) => (a.start < b.start ? -1 : 1));
          return html`<div class="day" data-day=${d}>${d.slice(8)}
            ${list.slice(0, 3).map((e) => html`<div class="chip" part="event-chip">${e.start.slice(11, 16)} ${e.title}</div>`)}
            ${list.length > 3 ? html`<div>+ ${list.length - 3} weitere</div>` : ''}</div>`;
        })}
      </div>`;
  }
}
customElements.define('floor-calendar', FloorCalendar);
