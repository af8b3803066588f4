import { css, html, nothing, type TemplateResult } from 'lit';
import { dateFormat, safeUrl, utcNoon, type DataAdapter, type Lang } from '@sozial-innovativ/core';
import type { DialogController } from '@sozial-innovativ/core/elements';
import { eventsToIcs, icsFileName } from './ics/index.js';
import { googleCalendarUrl, outlookCalendarUrl } from './ics/links.js';
import type { DayEvent } from './days.js';
import { dialogStyles } from './dialog.js';
import type { Translate } from './messages.js';

/**
 * The event details and the .ics download, loaded by the calendar when a visitor first opens an
 * event (most visits never do), with the dialog's behaviour.
 */
export { calendarDialog } from './dialog.js';
export { eventsToIcs };

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
  addToCalendar: 'In meinen Kalender',
  icsOne: 'Diesen Termin (.ics)',
  icsSeries: 'Alle Termine der Reihe (.ics)',
  handsOver: (provider: string) => `${provider} (übergibt den Termin an ${provider})`,
  icsHelp: 'Die .ics-Datei öffnet sich in der Kalender-App Ihres Geräts, etwa auf iPhone, Android, Outlook oder Thunderbird.',
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
  .actions,
  .add-menu > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .add-menu {
    flex-basis: 100%;
  }
  .add-menu > summary {
    display: inline-flex;
  }
  .add-menu > div {
    align-items: center;
    margin-block-start: 0.5em;
  }
  .help {
    flex-basis: 100%;
    color: var(--_muted);
    font-size: 0.95em;
  }
  /* Paper: the links written out after their text; nothing to click. */
  @media print {
    .add-menu {
      display: none;
    }
    .actions a.si-button {
      display: inline;
      min-height: 0;
      padding: 0;
      border: 0;
    }
    .actions a::after {
      content: ' (' attr(href) ')';
    }
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

/**
 * Hands an .ics made in the browser to the browser's download (no third-party service): a Blob URL
 * with the `text/calendar` type, which iOS Safari and Android open in their calendar apps. Where
 * `<a download>` is missing, the file opens in a new tab instead, which offers it to the calendar too.
 */
export function downloadIcs(ics: string, fileName: string, root: Node): void {
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  if ('download' in HTMLAnchorElement.prototype) a.download = fileName;
  else a.target = '_blank';
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute later it is done.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * What a source may offer for "the whole series": the iCal adapter's `seriesIcs`, the feed's own
 * VEVENTs of a UID (RRULE, EXDATE and overrides kept). Sources without it offer single dates only.
 */
export interface SeriesSource {
  seriesIcs?(uid: string): string | undefined;
}

const seriesCache = new WeakMap<SeriesSource, Map<string, string | undefined>>();
/** The series file of `uid`, when the source has it and it recurs; asked once per source and UID. */
export function seriesFile(source: SeriesSource | undefined, uid: string): string | undefined {
  if (typeof source?.seriesIcs !== 'function') return undefined;
  let cache = seriesCache.get(source);
  if (!cache) seriesCache.set(source, (cache = new Map()));
  if (!cache.has(uid)) {
    const ics = source.seriesIcs(uid);
    cache.set(uid, ics && /^(RRULE|RDATE)[;:]/m.test(ics) ? ics : undefined);
  }
  return cache.get(uid);
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
  /** The calendar's source: "whole series" is offered when it can write one. */
  source?: DataAdapter & SeriesSource;
}

/** The content of the event dialog (while it has an event). */
export function renderDetails({ dialog, lang, t, easyRead, calendarName, source }: DetailsProps): TemplateResult {
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
  const series = seriesFile(source, e.uid);
  const save = (ics: string) => (click: Event) => downloadIcs(ics, icsFileName(e.title), (click.currentTarget as Node).getRootNode());
  const provider = (name: string, url: string) =>
    html`<a class="si-button" part="provider-link" href=${url} target="_blank" rel="noopener noreferrer">${t('handsOver', name)}</a>`;
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
      ${e.source?.name ? html`<dt>${t('source')}</dt><dd>${e.source.name}</dd>` : nothing}
    </dl>
    ${easyRead ? easy : nothing}
    ${e.description ? html`<p class="description" lang=${dataLang}>${e.description}</p>` : nothing}
    ${easyRead ? nothing : easy}
    <div class="actions">
      <details class="add-menu" part="add-menu">
        <summary class="si-button primary">${t('addToCalendar')}</summary>
        <div>
          <button type="button" class="si-button" part="ics-button" @click=${save(eventsToIcs([e], { calendarName }))}>${t('icsOne')}</button>
          ${series ? html`<button type="button" class="si-button" part="ics-series-button" @click=${save(series)}>${t('icsSeries')}</button>` : nothing}
          ${open ? [provider('Google', googleCalendarUrl(e)), provider('Outlook.com', outlookCalendarUrl(e))] : nothing}
          <p class="help">${t('icsHelp')}</p>
        </div>
      </details>
      ${registerUrl && e.registration?.state !== 'closed' && open ? html`<a class="si-button" href=${registerUrl}>${t('register')}</a>` : nothing}
      ${onlineUrl && open ? html`<a class="si-button" href=${onlineUrl}>${t('joinOnline')}</a>` : nothing}
      ${moreUrl ? html`<a class="si-button" href=${moreUrl}>${t('moreInfo')}</a>` : nothing}
    </div>`;
}
