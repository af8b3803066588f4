import { css, html, nothing, type TemplateResult } from 'lit';
import { dateFormat, safeUrl, utcNoon, type CalendarEvent, type Lang } from '@sozial-innovativ/core';
import type { DialogController } from '@sozial-innovativ/core/elements';
import { eventsToIcs, icsFileName } from './ics/index.js';
import type { DayEvent } from './days.js';
import { dialogStyles } from './dialog.js';
import type { Translate } from './messages.js';

/**
 * The event details and the .ics download, loaded by the calendar when a visitor first opens an
 * event (most visits never do), with the dialog's behaviour.
 */
export { calendarDialog } from './dialog.js';

/** The details' German texts (see `addMessages` in messages.ts). */
export const messages = {
  when: 'Wann',
  where: 'Wo',
  accessibility: 'Barrierefreiheit',
  format: 'Format',
  registration: 'Anmeldung',
  'reg.open': 'Anmeldung möglich',
  'reg.waitlist': 'Nur noch Warteliste',
  'reg.closed': 'Anmeldung geschlossen',
  'reg.not-required': 'Keine Anmeldung nötig',
  register: 'Zur Anmeldung',
  deadline: (date: string) => `Anmeldeschluss: ${date}`,
  organizer: 'Veranstalter',
  easyLanguage: 'In Leichter Sprache',
  description: 'Beschreibung',
  moreInfo: 'Mehr erfahren',
  joinOnline: 'Online teilnehmen',
  addToCalendar: 'In meinen Kalender (.ics)',
  close: 'Schließen',
  timeZone: (tz: string) => `Zeitzone: ${tz}`,
};

export const styles = css`
  ${dialogStyles}
  .status-banner,
  .facts,
  .description,
  .easy {
    margin-block-end: 0.75em;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(6em, max-content) minmax(0, 1fr);
    gap: 0.35em 1em;
  }
  dt {
    font-weight: 600;
  }
  @container (max-width: 24em) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .description {
    white-space: pre-line;
  }
  .easy {
    padding: 0.75em;
    border-inline-start: 0.3em solid var(--_cal-accent);
    background: var(--_surface-alt);
    font-size: 1.05em;
  }
  .easy h3 {
    font-size: 1em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
`;

/** Date and time in the viewer's language, in the event's time zone (Europe/Berlin by default). */
export function whenText(lang: Lang, t: Translate, item: DayEvent): string {
  const e = item.event;
  if (e.allDay) {
    const f = dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const text = item.firstDay === item.lastDay ? f.format(utcNoon(item.firstDay)) : f.formatRange(utcNoon(item.firstDay), utcNoon(item.lastDay));
    return `${text} (${t('allDay')})`;
  }
  const f = dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: e.timeZone });
  return item.end > item.start ? f.formatRange(item.start, item.end) : f.format(item.start);
}

/** Makes the .ics in the browser and hands it to the browser's download (no third-party service). */
export function downloadIcs(event: CalendarEvent, calendarName: string, root: Node): void {
  const ics = eventsToIcs([event], { calendarName });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = icsFileName(event.title);
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute later it is done.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface DetailsProps {
  /** The event dialog; its `value` is the event shown. */
  dialog: Pick<DialogController<DayEvent>, 'value' | 'close'>;
  lang: Lang;
  t: Translate;
  /** Easy-to-read German first, before the description. */
  easyRead: boolean;
  /** The name of the calendar in the .ics file. */
  calendarName: string;
}

/** The content of the event dialog (while it has an event). */
export function renderDetails({ dialog, lang, t, easyRead, calendarName }: DetailsProps): TemplateResult {
  const item = dialog.value!;
  const e = item.event;
  const l = e.location;
  const dataLang = lang === 'de' ? nothing : 'de';
  const registerUrl = safeUrl(e.registration?.url);
  const onlineUrl = safeUrl(e.onlineUrl);
  const moreUrl = safeUrl(e.url);
  const addressLine = [l?.postalCode, l?.town].filter(Boolean).join(' ');
  const deadline = e.registration?.deadline;
  const deadlineText = deadline
    ? deadline.length === 10 // a validated date (`2026-10-16`) or date-time
      ? dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(utcNoon(deadline))
      : dateFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: e.timeZone }).format(Date.parse(deadline))
    : '';
  const easy = e.easyLanguage
    ? html`<section class="easy" lang="de"><h3>${t('easyLanguage')}</h3><p>${e.easyLanguage}</p></section>`
    : nothing;
  const open = e.status !== 'cancelled';
  return html`<div class="dialog-head">
      <h2 id="event-title" lang=${dataLang}>${e.title}</h2>
      <button type="button" class="si-button close" part="close-button" @click=${dialog.close}><span aria-hidden="true">✕</span> ${t('close')}</button>
    </div>
    ${e.status !== 'scheduled'
      ? html`<p class="status-banner ${e.status}"><span class="badge ${e.status}" part="status">${t(`status.${e.status}`)}</span></p>`
      : nothing}
    <dl class="facts">
      <dt>${t('when')}</dt>
      <dd>${whenText(lang, t, item)}${e.timeZone !== 'Europe/Berlin' ? html`<br />${t('timeZone', e.timeZone)}` : nothing}</dd>
      ${l && (l.name || l.address || addressLine)
        ? html`<dt>${t('where')}</dt>
            <dd>${[l.name, l.address, addressLine].filter(Boolean).map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}</dd>`
        : nothing}
      ${l?.accessibility ? html`<dt>${t('accessibility')}</dt><dd>${l.accessibility}</dd>` : nothing}
      ${e.format ? html`<dt>${t('format')}</dt><dd>${t(`format.${e.format}`)}</dd>` : nothing}
      ${e.registration?.state || registerUrl
        ? html`<dt>${t('registration')}</dt>
            <dd>${e.registration?.state ? t(`reg.${e.registration.state}`) : nothing}${deadlineText ? html`<br />${t('deadline', deadlineText)}` : nothing}</dd>`
        : nothing}
      ${e.organizer?.name ? html`<dt>${t('organizer')}</dt><dd>${e.organizer.name}</dd>` : nothing}
    </dl>
    ${easyRead ? easy : nothing}
    ${e.description ? html`<p class="description" lang=${dataLang}>${e.description}</p>` : nothing}
    ${easyRead ? nothing : easy}
    <div class="actions">
      <button type="button" class="si-button primary" part="ics-button" @click=${(click: Event) => downloadIcs(e, calendarName, (click.currentTarget as Node).getRootNode())}>${t('addToCalendar')}</button>
      ${registerUrl && e.registration?.state !== 'closed' && open ? html`<a class="si-button" href=${registerUrl}>${t('register')}</a>` : nothing}
      ${onlineUrl && open ? html`<a class="si-button" href=${onlineUrl}>${t('joinOnline')}</a>` : nothing}
      ${moreUrl ? html`<a class="si-button" href=${moreUrl}>${t('moreInfo')}</a>` : nothing}
    </div>`;
}
