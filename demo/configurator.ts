// The embed configurator for CMS editors: pick a widget, test a data source, set options and
// colours (with a WCAG contrast check), see a live preview, copy the snippet. The preview is
// built from the same attribute list as the snippet, through DOM APIs only (never innerHTML),
// and upgraded by the real loader, so what the editor sees is what the snippet does.
import '@sozial-innovativ/embed/embed.js';
import '@sozial-innovativ/adapters/register';
import { AdapterError, createAdapter, registeredAdapterTypes, VERSION, type DataAdapter } from '@sozial-innovativ/core';
import { guessSourceType } from '@sozial-innovativ/core/elements';
import { statementBlock, type Widget as StatementWidget } from '../docs/accessibility/statement.mjs';

type Widget = 'event-calendar' | 'initiative-cards' | 'initiative-card' | 'match-finder';
interface Option {
  attr: string;
  label: string;
  kind: 'select' | 'text' | 'number' | 'checkbox';
  choices?: [value: string, label: string][];
  hint?: string;
}

const COMMON: Option[] = [
  { attr: 'lang', label: 'Sprache', kind: 'select', choices: [['', 'Wie die Seite'], ['de', 'Deutsch'], ['en', 'Englisch'], ['hsb', 'Obersorbisch (Vorschau)']] },
  { attr: 'easy-read', label: 'Leichte Sprache zeigen, wo vorhanden', kind: 'checkbox' },
];
/** Options an editor needs; each is shown only if the loaded element really has that attribute. */
const OPTIONS: Record<Widget, Option[]> = {
  'event-calendar': [
    { attr: 'view', label: 'Ansicht', kind: 'select', choices: [['', 'Standard (Liste)'], ['list', 'Liste'], ['month', 'Monat']] },
    { attr: 'heading', label: 'Überschrift', kind: 'text' },
    { attr: 'months', label: 'Zeitraum der Liste in Monaten', kind: 'number' },
    { attr: 'limit', label: 'Höchstens so viele Termine', kind: 'number' },
    { attr: 'topics', label: 'Nur diese Themen (durch Komma getrennt)', kind: 'text' },
    { attr: 'towns', label: 'Nur diese Orte (durch Komma getrennt)', kind: 'text' },
    { attr: 'format', label: 'Format', kind: 'select', choices: [['', 'Alle'], ['onsite', 'Vor Ort'], ['online', 'Online'], ['hybrid', 'Hybrid']] },
    { attr: 'hide-filters', label: 'Filter ausblenden', kind: 'checkbox' },
  ],
  'initiative-cards': [
    { attr: 'heading', label: 'Überschrift', kind: 'text' },
    { attr: 'layout', label: 'Darstellung', kind: 'select', choices: [['', 'Standard (Kacheln)'], ['grid', 'Kacheln'], ['list', 'Liste']] },
    { attr: 'topics', label: 'Nur diese Themen (durch Komma getrennt)', kind: 'text' },
    { attr: 'districts', label: 'Nur diese Landkreise (durch Komma getrennt)', kind: 'text' },
    { attr: 'page-size', label: 'Karten pro Seite', kind: 'number' },
    { attr: 'hide-filters', label: 'Filter ausblenden', kind: 'checkbox' },
  ],
  'initiative-card': [
    { attr: 'initiative-id', label: 'Kennung (id) der Initiative', kind: 'text' },
    { attr: 'layout', label: 'Darstellung', kind: 'select', choices: [['', 'Standard (Kachel)'], ['grid', 'Kachel'], ['list', 'Zeile']] },
    { attr: 'details', label: 'Schaltfläche „Details“ zeigen', kind: 'checkbox' },
  ],
  'match-finder': [
    { attr: 'heading', label: 'Überschrift', kind: 'text' },
    { attr: 'share', label: 'Ergebnis teilen erlauben (Link ohne Server)', kind: 'checkbox' },
  ],
};
const SOURCE_ATTRS = new Set(['src', 'source-type']);
const SAMPLE_SRC: Record<Widget, string> = {
  'event-calendar': 'data/events.json',
  'initiative-cards': 'data/initiatives.json',
  'initiative-card': 'data/initiatives.json',
  'match-finder': 'data/cohousing.json',
};
const COLOURS: [token: string, label: string, fallback: string][] = [
  ['text', 'Textfarbe', '#1b1b1b'],
  ['surface', 'Hintergrund', '#ffffff'],
  ['accent', 'Akzent (Links, Knöpfe)', '#0b5cad'],
  ['accent-contrast', 'Schrift auf Akzent', '#ffffff'],
];
const CHECKS: [fg: string, bg: string, label: string][] = [
  ['text', 'surface', 'Text auf Hintergrund'],
  ['accent', 'surface', 'Akzent auf Hintergrund'],
  ['accent-contrast', 'accent', 'Schrift auf Akzent'],
];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('config');
const widgetSelect = $<HTMLSelectElement>('widget');
const srcInput = $<HTMLInputElement>('src');
const typeSelect = $<HTMLSelectElement>('source-type');
const bundleInput = $<HTMLInputElement>('bundle-url');
const snippetArea = $<HTMLTextAreaElement>('snippet');
const cssArea = $<HTMLTextAreaElement>('css-snippet');

bundleInput.value = `https://www.example.de/sozial-innovativ/${VERSION}/embed.js`;
const widget = (): Widget => widgetSelect.value as Widget;
const radio = (name: string) => (form.elements.namedItem(name) as RadioNodeList).value;

function field(id: string, labelText: string, control: HTMLElement, checkbox = false): HTMLElement {
  const label = document.createElement('label');
  label.htmlFor = id;
  control.id = id;
  if (checkbox) label.append(control, ` ${labelText}`);
  else label.textContent = labelText;
  const wrap = document.createElement('div');
  wrap.append(label);
  if (!checkbox) wrap.append(control);
  return wrap;
}

/** Rebuilds the option fields for the chosen widget, limited to the attributes it really has. */
async function renderOptions(): Promise<void> {
  const w = widget();
  const tag = `si-${w}`;
  await Promise.race([customElements.whenDefined(tag), new Promise((r) => setTimeout(r, 3000))]);
  const observed = (customElements.get(tag) as { observedAttributes?: string[] } | undefined)?.observedAttributes;
  const curated = [...COMMON, ...OPTIONS[w]];
  const known = new Set(curated.map((o) => o.attr));
  const extra: Option[] = (observed ?? [])
    .filter((a) => !known.has(a) && !SOURCE_ATTRS.has(a) && !a.startsWith('theme-'))
    .map((attr) => ({ attr, label: `Attribut „${attr}“`, kind: 'text' }));
  const shown = [...curated.filter((o) => !observed || observed.includes(o.attr)), ...extra];
  const fields = shown.map((o) => {
    const id = `opt-${o.attr}`;
    if (o.kind === 'select') {
      const select = document.createElement('select');
      for (const [value, text] of o.choices ?? []) select.append(new Option(text, value));
      return field(id, o.label, select);
    }
    const input = document.createElement('input');
    input.type = o.kind;
    if (o.kind === 'number') input.min = '1';
    return field(id, o.label, input, o.kind === 'checkbox');
  });
  if (!fields.length) {
    const p = document.createElement('p');
    p.textContent = 'Dieser Baustein braucht außer der Datenquelle keine Einstellungen.';
    fields.push(p);
  }
  $('option-fields').replaceChildren(...fields);
  optionAttrs = shown.map((o) => o.attr);
}
let optionAttrs: string[] = [];

function renderColours(): void {
  $('colour-fields').replaceChildren(
    ...COLOURS.map(([token, label, fallback]) => {
      const input = document.createElement('input');
      input.type = 'color';
      input.value = fallback;
      input.dataset.token = token;
      const wrap = field(`colour-${token}`, label, input);
      wrap.className = 'colour';
      return wrap;
    }),
  );
}

const colour = (token: string): string =>
  ($<HTMLInputElement>(`colour-${token}`)?.value ?? COLOURS.find(([t]) => t === token)![2]).toLowerCase();
const changedColours = () => COLOURS.filter(([token, , fallback]) => colour(token) !== fallback).map(([token]) => token);

/** WCAG 2.2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function renderContrast(): void {
  const format = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  $('contrast').replaceChildren(
    ...CHECKS.map(([fg, bg, label]) => {
      const ratio = contrastRatio(colour(fg), colour(bg));
      const ok = ratio >= 4.5;
      const li = document.createElement('li');
      li.className = ok ? 'pass' : 'fail';
      li.textContent = `${label}: ${format.format(ratio)} : 1 – ${ok ? 'erfüllt WCAG AA' : 'zu wenig Kontrast, WCAG AA verlangt 4,5 : 1'}`;
      return li;
    }),
  );
}

/** The attributes of the widget, in snippet order. */
function widgetAttributes(): [string, string][] {
  const attrs: [string, string][] = [];
  if (srcInput.value.trim()) attrs.push(['src', srcInput.value.trim()]);
  if (typeSelect.value) attrs.push(['source-type', typeSelect.value]);
  for (const attr of optionAttrs) {
    const control = document.getElementById(`opt-${attr}`) as HTMLInputElement | HTMLSelectElement | null;
    if (!control) continue;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      if (control.checked) attrs.push([attr, '']);
    } else if (control.value.trim()) attrs.push([attr, control.value.trim()]);
  }
  if (radio('theme-mode') === 'attributes') for (const token of changedColours()) attrs.push([`theme-${token}`, colour(token)]);
  return attrs;
}

/** The element (or div) to insert: the same description feeds the snippet and the preview. */
function describe(): { tag: string; attrs: [string, string][] } {
  const attrs = widgetAttributes();
  if (radio('form') === 'div') return { tag: 'div', attrs: [['data-si-widget', widget()], ...attrs.map(([n, v]): [string, string] => [`data-${n}`, v])] };
  return { tag: `si-${widget()}`, attrs };
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function snippet(): string {
  const { tag, attrs } = describe();
  const lines: string[] = [];
  if ($<HTMLInputElement>('include-script').checked) lines.push(`<script type="module" src="${escapeAttr(bundleInput.value.trim())}"></script>`);
  const attrText = attrs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('');
  lines.push(`<${tag}${attrText}></${tag}>`);
  return `${lines.join('\n')}\n`;
}

function cssSnippet(): string {
  const decls = changedColours().map((token) => `  --si-color-${token}: ${colour(token)};`);
  return decls.length ? `si-${widget()} {\n${decls.join('\n')}\n}\n` : `/* Keine Farben geändert: die Standardfarben gelten. */\n`;
}

/** The statement block a partner pastes into their accessibility statement, for the chosen widget. */
const STATEMENT_WIDGET: Record<Widget, StatementWidget> = { 'event-calendar': 'calendar', 'initiative-cards': 'cards', 'initiative-card': 'cards', 'match-finder': 'match' };
function renderStatement(): void {
  const w = STATEMENT_WIDGET[widget()];
  const opts = { contact: $<HTMLInputElement>('statement-contact').value, version: VERSION };
  $<HTMLTextAreaElement>('statement-de').value = statementBlock(w, 'de', opts);
  $<HTMLTextAreaElement>('statement-en').value = statementBlock(w, 'en', opts);
  $('statement-report').textContent = `docs/accessibility/${{ calendar: 'event-calendar', cards: 'initiative-cards', match: 'match-finder' }[w]}.md`;
}

let lastPreview = '';
function update(): void {
  renderContrast();
  renderStatement();
  snippetArea.value = snippet();
  const cssMode = radio('theme-mode') === 'css';
  $('css-block').hidden = !cssMode;
  cssArea.value = cssSnippet();
  // The preview is rebuilt only when the element would differ, so typing does not refetch.
  const { tag, attrs } = describe();
  const key = JSON.stringify([tag, attrs, cssMode && changedColours().map(colour)]);
  if (key === lastPreview) return;
  lastPreview = key;
  const el = document.createElement(tag);
  for (const [n, v] of attrs) el.setAttribute(n, v);
  // The CSS-block mode is previewed through CSSOM custom properties, as the site stylesheet would.
  if (cssMode) for (const token of changedColours()) el.style.setProperty(`--si-color-${token}`, colour(token));
  $('preview').replaceChildren(el);
}

async function describeSource(adapter: DataAdapter, w: Widget): Promise<string> {
  const skipped = (n: number) => (n ? ` (${n} ungültige Einträge übersprungen)` : '');
  if (w === 'event-calendar') {
    if (!adapter.events) return `Die Quelle (${adapter.kind}) liefert keine Veranstaltungen.`;
    const now = Date.now();
    const r = await adapter.events({ from: new Date(now - 30 * 864e5).toISOString(), to: new Date(now + 365 * 864e5).toISOString() });
    return `${r.items.length} Veranstaltungen gefunden (letzte 30 Tage bis in einem Jahr)${skipped(r.dropped)}.`;
  }
  if (w === 'match-finder') {
    if (!adapter.questionnaire || !adapter.offers) return `Die Quelle (${adapter.kind}) liefert keinen Fragebogen mit Angeboten.`;
    const [q, offers] = await Promise.all([adapter.questionnaire(), adapter.offers()]);
    return `Fragebogen mit ${q.questions.length} Fragen und ${offers.items.length} Angebote gefunden${skipped(offers.dropped)}.`;
  }
  if (!adapter.initiatives) return `Die Quelle (${adapter.kind}) liefert keine Initiativen.`;
  const r = await adapter.initiatives({});
  return `${r.items.length} Initiativen gefunden${skipped(r.dropped)}.`;
}

async function testSource(): Promise<void> {
  const status = $('source-status');
  const error = $('source-error');
  status.textContent = '';
  error.textContent = '';
  const src = srcInput.value.trim();
  if (!src) {
    error.textContent = 'Bitte zuerst die Adresse der Daten eintragen.';
    srcInput.focus();
    return;
  }
  const type = typeSelect.value || guessSourceType(src);
  status.textContent = 'Quelle wird geladen …';
  try {
    const adapter = await createAdapter(type, { src: new URL(src, document.baseURI).href });
    status.textContent = await describeSource(adapter, widget());
  } catch (e) {
    status.textContent = '';
    const detail = e instanceof Error ? e.message : String(e);
    const kind = e instanceof AdapterError ? e.kind : 'unknown';
    const hint = kind === 'network' ? ' Ist die Adresse erreichbar und erlaubt der Server Anfragen von dieser Seite (CORS)?' : kind === 'config' ? ` Verfügbare Arten: ${registeredAdapterTypes().join(', ')}.` : '';
    error.textContent = `Die Quelle konnte nicht geladen werden (${type}): ${detail}${hint}`;
  }
}

async function copy(area: HTMLTextAreaElement, statusId = 'copy-status', what = 'Code'): Promise<void> {
  const status = $(statusId);
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = `${what} in die Zwischenablage kopiert.`;
  } catch {
    // No clipboard permission (e.g. an http intranet): select the text so Strg+C copies it.
    area.focus();
    area.select();
    status.textContent = `${what} ist markiert: kopieren Sie ihn mit Strg+C (Mac: Cmd+C).`;
  }
}

form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('input', (e) => {
  const target = e.target as HTMLInputElement;
  if (target.type === 'color') update();
});
form.addEventListener('change', async (e) => {
  if (e.target === widgetSelect) {
    if (!srcInput.value || Object.values(SAMPLE_SRC).includes(srcInput.value)) srcInput.value = SAMPLE_SRC[widget()];
    await renderOptions();
  }
  update();
});
$('test-source').addEventListener('click', () => void testSource());
$('copy').addEventListener('click', () => void copy(snippetArea));
$('copy-css').addEventListener('click', () => void copy(cssArea));
$('copy-statement-de').addEventListener('click', () => void copy($<HTMLTextAreaElement>('statement-de'), 'statement-status', 'Der Text'));
$('copy-statement-en').addEventListener('click', () => void copy($<HTMLTextAreaElement>('statement-en'), 'statement-status', 'Der Text'));
$('statement-contact').addEventListener('input', renderStatement);
$('reset-colours').addEventListener('click', () => {
  renderColours();
  update();
});

srcInput.value = SAMPLE_SRC[widget()];
renderColours();
void renderOptions().then(update);
update();
