// The accessibility statement block (issue #18): the text a partner pastes into their own
// accessibility statement (BITV 2.0 § 7, EU model statement) for a page that embeds one of the
// widgets. One source for docs/accessibility/statement.md (written by generate.mjs) and for the
// configurator (demo/configurator.ts), which fills in the widget and the feedback contact.

/** @typedef {'calendar' | 'cards' | 'match'} Widget */

export const NAMES = {
  calendar: { de: 'Veranstaltungskalender (<si-event-calendar>)', en: 'event calendar (<si-event-calendar>)' },
  cards: { de: 'Initiativen-Übersicht (<si-initiative-cards>, <si-initiative-card>)', en: 'initiative showcase (<si-initiative-cards>, <si-initiative-card>)' },
  match: { de: 'Angebotsfinder (<si-match-finder>)', en: 'match finder (<si-match-finder>)' },
};

/** Known limits per widget, in both languages; each matches a "partially" row of criteria.mjs. */
const LIMITS = {
  all: {
    de: [
      'Kontrast von Rahmen (WCAG 1.4.11): Fokusrahmen erreichen mit allen Farben, die der Konfigurator als ausreichend anzeigt, mindestens 3 : 1 (gemessen); bei den Rahmen von Eingabefeldern ist das nur im Standard-Design geprüft.',
      'Sprache von Textteilen (WCAG 3.1.2): Texte aus den Daten (Titel, Beschreibungen) in einer anderen Sprache als Deutsch sind nicht als solche ausgezeichnet.',
    ],
    en: [
      'Contrast of borders (WCAG 1.4.11): focus rings reach 3:1 with every colour the configurator shows as sufficient (measured); for the borders of input fields this is checked in the default design only.',
      'Language of parts (WCAG 3.1.2): text from the data (titles, descriptions) in a language other than German is not marked as such.',
    ],
  },
  calendar: { de: [], en: [] },
  cards: {
    de: ['Fehlervorschlag (WCAG 3.3.3): Bei einer unbekannten Postleitzahl sagt die Übersicht, dass sie nicht hinterlegt ist, schlägt aber keine Korrektur vor.'],
    en: ['Error suggestion (WCAG 3.3.3): for an unknown postcode the showcase says it is not on its list but suggests no correction.'],
  },
  match: { de: [], en: [] },
};

const CONTACT_SLOT = { de: '[Ihre Kontaktmöglichkeit für Rückmeldungen: E-Mail-Adresse, Telefon, Anschrift]', en: '[your feedback contact: e-mail address, phone, postal address]' };

/**
 * The statement block for `widget` in `lang`; `contact` fills the feedback slot (left as a marked
 * slot when empty), `version` names the widget release the evaluation is for.
 * @param {Widget} widget @param {'de' | 'en'} lang @param {{ contact?: string, version?: string }} [opts]
 */
export function statementBlock(widget, lang, { contact = '', version = '' } = {}) {
  const name = NAMES[widget][lang];
  const limits = [...LIMITS.all[lang], ...LIMITS[widget][lang]].map((l) => `- ${l}`).join('\n');
  const slot = contact.trim() || CONTACT_SLOT[lang];
  const release = version ? (lang === 'de' ? ` (Version ${version})` : ` (version ${version})`) : '';
  if (lang === 'de') {
    return `Eingebundener Baustein: ${name}${release}

Diese Seite bindet einen Baustein des Projekts „Sozial.Innovativ“ ein: ${name}. Für diesen Baustein gilt:

Er ist weitgehend vereinbar mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den Erfolgskriterien der Stufen A und AA der WCAG 2.2 (über die EN 301 549). Grundlage ist ein Konformitätsbericht je Kriterium, dessen Prüfungen bei jeder Änderung automatisch in den Browsern Chromium und Firefox laufen.

Der Baustein
- ist vollständig mit der Tastatur bedienbar; Dialoge halten den Fokus und geben ihn beim Schließen zurück,
- hat für jedes Bedienelement einen zugänglichen Namen, eine Rolle und einen Zustand (geprüft mit Snapshots des Barrierefreiheitsbaums),
- meldet Trefferzahlen, Fortschritt und Fehler über Statusmeldungen an Screenreader,
- bleibt bei 320 Pixel Breite (400 % Zoom), vergrößertem Text und geänderten Textabständen ohne waagerechtes Scrollen und ohne abgeschnittenen Text,
- hat Bedienflächen von mindestens 24 × 24 Pixeln,
- bleibt im Kontrastmodus des Betriebssystems (erzwungene Farben) bedienbar und hält Bewegung an, wenn „Bewegung reduzieren“ eingestellt ist.

Bekannte Einschränkungen:
${limits}

Voraussetzungen auf dieser Website: Hat die Seite eine fixierte Kopfzeile, reserviert sie deren Höhe mit scroll-padding-top, damit fokussierte Elemente nicht darunter verschwinden. Selbst gewählte Farben erreichen die Kontraste, die der Konfigurator anzeigt. Seitentitel, Sprache der Seite und Sprungmarken sind Aufgabe dieser Website.

Feedback und Kontakt: Wenn Ihnen Mängel an diesem Baustein auffallen, schreiben Sie uns: ${slot}. Wir leiten Hinweise, die den Baustein selbst betreffen, an das Projekt weiter.`;
  }
  return `Embedded component: ${name}${release}

This page embeds a component of the "Sozial.Innovativ" project: ${name}. For this component:

It is largely compliant with the German Accessible Information Technology Ordinance (BITV 2.0) and the level A and AA success criteria of WCAG 2.2 (through EN 301 549). The basis is a conformance report per criterion whose checks run automatically in Chromium and Firefox on every change.

The component
- can be used with the keyboard alone; dialogs keep focus and return it when closed,
- gives every control an accessible name, role and state (checked with accessibility-tree snapshots),
- announces result counts, progress and errors to screen readers as status messages,
- at 320 px width (400 % zoom), with enlarged text and changed text spacing, needs no horizontal scrolling and cuts no text off,
- has targets of at least 24 × 24 px,
- stays usable in the operating system's contrast mode (forced colours) and stops motion when "reduce motion" is set.

Known limitations:
${limits}

Conditions on this website: if the page has a fixed header, it reserves the header's height with scroll-padding-top so that focused elements do not disappear beneath it. Colours chosen by the site reach the contrasts the configurator shows. Page title, language of the page and skip links are this website's responsibility.

Feedback and contact: if you notice a barrier in this component, write to us: ${slot}. We pass on reports that concern the component itself to the project.`;
}
