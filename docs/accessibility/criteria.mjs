// The criteria table behind the conformance reports (issue #18): every WCAG 2.2 level A and AA
// success criterion, per widget "supports", "partially" or "n/a", how it is verified, and the BITV
// test step (BIK BITV-Test, numbered after EN 301 549 clause 9) it maps to.
//
// `tests` names browser tests as [file, test name, widgets?]; docs/accessibility/generate.mjs
// checks that every named test exists, so a renamed or deleted test breaks the report, not the
// claim. `manual` is a review a person did, with its date. Edit this file, then run
// `node docs/accessibility/generate.mjs`.

/** @typedef {'calendar' | 'cards' | 'match'} Widget */
/** @typedef {'supports' | 'partially' | 'n/a'} Status */

export const WIDGETS = {
  calendar: { file: 'event-calendar.md', title: '<si-event-calendar>', package: '@sozial-innovativ/event-calendar' },
  cards: { file: 'initiative-cards.md', title: '<si-initiative-cards> and <si-initiative-card>', package: '@sozial-innovativ/initiative-cards' },
  match: { file: 'match-finder.md', title: '<si-match-finder>', package: '@sozial-innovativ/match-finder' },
};

// Test files and names used more than once.
const A11Y = 'quality/a11y.test.ts';
const TREE = 'quality/a11y-tree.test.ts';
const WCAG = 'quality/wcag22.test.ts';
const LAYOUT = 'quality/layout.test.ts';
const MEDIA = 'quality/media/forced-colors.test.ts';
const FOCUS = 'quality/focus-ring.test.ts';
const JOURNEY = 'quality/match-journey.test.ts';
const rings = [[FOCUS, '${widget}, ${name}'], [FOCUS, 'a ring in the surface colour, a 1 px ring and no ring are found']];
const axe = [
  [A11Y, 'list, month, filtered-empty, stale, event dialog, day dialog', ['calendar']],
  [A11Y, 'showcase: data, filtered-empty, stale, facets open, details dialog', ['cards']],
  [A11Y, 'card: loading, error, not found, data, details dialog', ['cards']],
  [A11Y, 'start, every step, error summary, check, results, share: keyboard only, focus on each new heading', ['match']],
];
const tree = [
  [TREE, 'list, event dialog, month, day dialog', ['calendar']],
  [TREE, 'showcase with data, facets open, filtered to nothing', ['cards']],
  [TREE, 'card with a link, card with details and its dialog', ['cards']],
  [TREE, 'start, first step, error summary, check answers, results', ['match']],
];
const keyboard = [
  [A11Y, 'keyboard only: Tab to an event, Enter opens the dialog, focus stays inside, Escape returns it', ['calendar']],
  [A11Y, 'keyboard only: Tab to a card, Enter opens details, Tab cycles inside, Escape returns focus', ['cards']],
  [A11Y, 'start, every step, error summary, check, results, share: keyboard only, focus on each new heading', ['match']],
];
const REVIEW = '2026-12-06';
const all = (status) => ({ calendar: status, cards: status, match: status });
const na = (why) => ({ status: all('n/a'), note: why });

/**
 * @type {{ sc: string, title: string, level: 'A' | 'AA', status: Record<Widget, Status>, note?: string,
 *   tests?: [string, string, Widget[]?][], manual?: { steps: string, date: string } }[]}
 */
export const CRITERIA = [
  { sc: '1.1.1', title: 'Non-text Content', level: 'A', status: all('supports'), note: 'Icons are decorative and hidden from assistive technology; images from data carry their alt text or are marked decorative.', tests: [...axe, ...tree] },
  { sc: '1.2.1', title: 'Audio-only and Video-only (Prerecorded)', level: 'A', ...na('The widgets play no audio or video.') },
  { sc: '1.2.2', title: 'Captions (Prerecorded)', level: 'A', ...na('The widgets play no audio or video.') },
  { sc: '1.2.3', title: 'Audio Description or Media Alternative (Prerecorded)', level: 'A', ...na('The widgets play no audio or video.') },
  { sc: '1.2.4', title: 'Captions (Live)', level: 'AA', ...na('The widgets play no audio or video.') },
  { sc: '1.2.5', title: 'Audio Description (Prerecorded)', level: 'AA', ...na('The widgets play no audio or video.') },
  { sc: '1.3.1', title: 'Info and Relationships', level: 'A', status: all('supports'), note: 'Headings, lists, groups, labels and dialogs are in the accessible tree in both browsers.', tests: [...tree, ...axe] },
  { sc: '1.3.2', title: 'Meaningful Sequence', level: 'A', status: all('supports'), note: 'The reading order of the accessible tree is the visual order.', tests: [...tree, ...keyboard] },
  { sc: '1.3.3', title: 'Sensory Characteristics', level: 'A', status: all('supports'), manual: { steps: 'Read every interface text (packages/*/src/messages.ts and messages.en.ts): no instruction refers to shape, colour, size, position or sound.', date: REVIEW } },
  { sc: '1.3.4', title: 'Orientation', level: 'AA', status: all('supports'), note: 'No orientation is locked; the layout follows the width.', tests: [[WCAG, 'calendar month view, error state; showcase facets; card dialog; match finder step, error summary, results']] },
  { sc: '1.3.5', title: 'Identify Input Purpose', level: 'AA', status: { calendar: 'n/a', cards: 'supports', match: 'supports' }, note: 'The only fields about the user are postcodes, marked `autocomplete="postal-code"`; the calendar asks nothing about the user.', manual: { steps: 'Inspect every input of the showcase filters and the match finder location step for its autocomplete token.', date: REVIEW } },
  { sc: '1.4.1', title: 'Use of Color', level: 'A', status: all('supports'), note: 'States (cancelled, selected, pressed) have text or a border, also in forced colours.', tests: [...axe, [MEDIA, 'forced colours: every button keeps a border, keyboard focus keeps a 2 px outline (screenshot kept)']] },
  { sc: '1.4.2', title: 'Audio Control', level: 'A', ...na('The widgets play no audio.') },
  { sc: '1.4.3', title: 'Contrast (Minimum)', level: 'AA', status: all('supports'), note: 'Measured by axe for the default theme. Colours a partner sets through `--si-*` properties are theirs to check: the configurator shows the contrast ratio of every pair it lets them choose.', tests: axe },
  { sc: '1.4.4', title: 'Resize Text', level: 'AA', status: all('supports'), tests: [[LAYOUT, 'at 320 px with 200 % text (text-only zoom) nothing is clipped and nothing scrolls sideways']] },
  { sc: '1.4.5', title: 'Images of Text', level: 'AA', status: all('supports'), note: 'All text is text; images come only from data (logos, photos).', tests: tree },
  { sc: '1.4.10', title: 'Reflow', level: 'AA', status: all('supports'), tests: [[WCAG, 'calendar month view, error state; showcase facets; card dialog; match finder step, error summary, results'], [LAYOUT, 'at 320 px CSS width no widget scrolls horizontally, nor does a dialog']] },
  { sc: '1.4.11', title: 'Non-text Contrast', level: 'AA', status: all('partially'), note: 'Focus rings: every interactive element of every widget, focused from the keyboard under seven themes the configurator accepts (default, and its AA check\'s edges: grey accent on white, mid-grey and blue surfaces, dark and black surfaces), shows a ring of at least 2 px at 3:1 or more against the background next to it, in both browsers (measured; the ring follows the accent, the alternate surface the surface). Borders of controls stay in forced colours (measured). Partially: the 3:1 contrast of field borders against a partner\'s surface is not yet measured, and the border colour is not among the colours the configurator checks.', tests: [...rings, [MEDIA, 'forced colours: every button keeps a border, keyboard focus keeps a 2 px outline (screenshot kept)']] },
  { sc: '1.4.12', title: 'Text Spacing', level: 'AA', status: all('supports'), tests: [[WCAG, 'calendar, showcase, card dialog and match finder step and results']] },
  { sc: '1.4.13', title: 'Content on Hover or Focus', level: 'AA', ...na('No content appears on hover or focus; details open on activation, in dialogs or disclosures.') },
  { sc: '2.1.1', title: 'Keyboard', level: 'A', status: all('supports'), tests: keyboard },
  { sc: '2.1.2', title: 'No Keyboard Trap', level: 'A', status: all('supports'), note: 'Dialogs are left with Escape; Tab leaves every widget.', tests: keyboard },
  { sc: '2.1.4', title: 'Character Key Shortcuts', level: 'A', ...na('No single-character shortcuts; the month grid uses arrow keys only while it has focus.') },
  { sc: '2.2.1', title: 'Timing Adjustable', level: 'A', ...na('No time limits.') },
  { sc: '2.2.2', title: 'Pause, Stop, Hide', level: 'A', status: all('supports'), note: 'Nothing moves but the loading indicator, which stops with reduced motion.', tests: [[MEDIA, 'reduced motion: no animation runs, and the spinners are still shown']] },
  { sc: '2.3.1', title: 'Three Flashes or Below Threshold', level: 'A', status: all('supports'), note: 'Nothing flashes.', tests: [[MEDIA, 'reduced motion: no animation runs, and the spinners are still shown']] },
  { sc: '2.4.1', title: 'Bypass Blocks', level: 'A', ...na('A property of the whole page, the partner\'s: the widgets are one block with one heading.') },
  { sc: '2.4.2', title: 'Page Titled', level: 'A', ...na('A property of the whole page, the partner\'s.') },
  { sc: '2.4.3', title: 'Focus Order', level: 'A', status: all('supports'), note: 'Focus moves into dialogs and back, to each new step\'s heading, to the error summary.', tests: keyboard },
  { sc: '2.4.4', title: 'Link Purpose (In Context)', level: 'A', status: all('supports'), tests: [...tree, ...axe] },
  { sc: '2.4.5', title: 'Multiple Ways', level: 'AA', ...na('A property of the set of pages, the partner\'s.') },
  { sc: '2.4.6', title: 'Headings and Labels', level: 'AA', status: all('supports'), tests: tree },
  { sc: '2.4.7', title: 'Focus Visible', level: 'AA', status: all('supports'), tests: [...rings, [MEDIA, 'forced colours: every button keeps a border, keyboard focus keeps a 2 px outline (screenshot kept)'], [LAYOUT, 'leaves the widgets usable and readable: buttons shown, text >= 12 px, focus visible, a journey works']] },
  { sc: '2.4.11', title: 'Focus Not Obscured (Minimum)', level: 'AA', status: all('supports'), note: 'Nothing of the widgets covers focus. Under a sticky header of the host page, backwards Tab needs the host\'s `scroll-padding-top` (WCAG technique C43), as the statement says.', tests: [[WCAG, '${widget}: Tab and Shift+Tab through the widget below a sticky 80 px header']] },
  { sc: '2.5.1', title: 'Pointer Gestures', level: 'A', status: all('supports'), manual: { steps: 'Review of the event handlers: single clicks and taps only, no multipoint or path-based gesture.', date: REVIEW } },
  { sc: '2.5.2', title: 'Pointer Cancellation', level: 'A', status: all('supports'), manual: { steps: 'Review of the event handlers: actions run on `click` (the up event) of native buttons and links, none on pointer down.', date: REVIEW } },
  { sc: '2.5.3', title: 'Label in Name', level: 'A', status: all('supports'), note: 'Every accessible name starts with the visible label ("Merken Alte Gärtnerei").', tests: tree },
  { sc: '2.5.4', title: 'Motion Actuation', level: 'A', ...na('Nothing reacts to device motion.') },
  { sc: '2.5.7', title: 'Dragging Movements', level: 'AA', ...na('Nothing is dragged.') },
  { sc: '2.5.8', title: 'Target Size (Minimum)', level: 'AA', status: all('supports'), tests: [[WCAG, 'calendar: list, month, event dialog', ['calendar']], [WCAG, 'showcase with facets open, card details dialog', ['cards']], [WCAG, 'match finder: start, a step with options, results', ['match']]] },
  { sc: '3.1.1', title: 'Language of Page', level: 'A', ...na('A property of the whole page, the partner\'s (`<html lang="de">`).') },
  { sc: '3.1.2', title: 'Language of Parts', level: 'AA', status: all('partially'), note: 'Interface texts follow the `lang` attribute; technical error details of a data source are marked English. Text from the data (titles, descriptions) carries no language of its own: a passage in another language is not marked.', manual: { steps: 'Inspect the error state and the data fields for `lang` attributes.', date: REVIEW } },
  { sc: '3.1.5', title: 'Reading Level (AAA, beyond the A/AA target)', level: 'AAA', status: all('partially'), note: 'With `easy-read` on a German page, the widgets\' own interface texts switch to Leichte Sprache (`messages.ls.ts`, loaded only then; missing texts fall back to standard German), and the data\'s easy-to-read summaries are shown. Every Leichte Sprache text is checked by rule (at most 15 words per sentence, no abbreviations, numbers as digits, no semicolons, at most one comma: `messages.ls.node.test.ts` in each package). Partially: not yet reviewed by a Leichte Sprache test group, and the shared loading and error texts stay standard German.', tests: [['packages/event-calendar/src/easy-read.test.ts', 'shows its own texts in Leichte Sprache with easy-read on a German page', ['calendar']], ['packages/initiative-cards/src/easy-read.test.ts', 'labels search, filters and sorting in Leichte Sprache with easy-read on a German page', ['cards']], ['packages/match-finder/src/easy-read.test.ts', 'guides through questions and results in Leichte Sprache with easy-read on a German page', ['match']]] },
  { sc: '3.2.1', title: 'On Focus', level: 'A', status: all('supports'), tests: keyboard },
  { sc: '3.2.2', title: 'On Input', level: 'A', status: all('supports'), note: 'Filters change the list in place and announce the count; nothing navigates or submits on input.', tests: [[WCAG, 'calendar: result count after filtering, new period after navigation', ['calendar']], [WCAG, 'showcase: result count after a search', ['cards']], [A11Y, 'start, every step, error summary, check, results, share: keyboard only, focus on each new heading', ['match']]] },
  { sc: '3.2.3', title: 'Consistent Navigation', level: 'AA', ...na('A property of the set of pages, the partner\'s.') },
  { sc: '3.2.4', title: 'Consistent Identification', level: 'AA', status: all('supports'), note: 'The same function has the same name in every widget (shared messages: "Erneut versuchen", "Schließen").', tests: tree },
  { sc: '3.2.6', title: 'Consistent Help', level: 'A', status: { calendar: 'n/a', cards: 'n/a', match: 'supports' }, note: 'The match finder\'s help on its steps is the hint of a question: on every step it sits directly under the question, before the answers, at the same place, named as the group\'s description, also with an error shown (measured). Contact and feedback help is the partner\'s page; the calendar and the showcase repeat no help across pages.', tests: [[JOURNEY, 'a hint on every step: after the question, before the answers, described, at the same spot', ['match']], [JOURNEY, 'with an error shown the hint keeps its place, above the error message', ['match']], [JOURNEY, 'the fixture questionnaire: only the question with a hint shows one, in that place', ['match']]] },
  { sc: '3.3.1', title: 'Error Identification', level: 'A', status: { calendar: 'n/a', cards: 'supports', match: 'supports' }, note: 'The match finder names each error in an error summary that takes focus; the showcase says when a postcode is unknown. The calendar has no input that can be wrong.', tests: [[A11Y, 'start, every step, error summary, check, results, share: keyboard only, focus on each new heading', ['match']], [TREE, 'start, first step, error summary, check answers, results', ['match']], [WCAG, 'showcase: an unknown postcode is named as the error it is', ['cards']]] },
  { sc: '3.3.2', title: 'Labels or Instructions', level: 'A', status: all('supports'), tests: [...tree, ...axe] },
  { sc: '3.3.3', title: 'Error Suggestion', level: 'AA', status: { calendar: 'n/a', cards: 'partially', match: 'supports' }, note: 'The match finder says what to do ("Wählen Sie eine Antwort aus."). The showcase says a postcode is unknown ("Diese Postleitzahl ist nicht hinterlegt.") but suggests no correction.', tests: [[TREE, 'start, first step, error summary, check answers, results', ['match']], [WCAG, 'showcase: an unknown postcode is named as the error it is', ['cards']]] },
  { sc: '3.3.4', title: 'Error Prevention (Legal, Financial, Data)', level: 'AA', ...na('Nothing legal, financial or stored is committed; sharing answers as a link asks first.') },
  { sc: '3.3.7', title: 'Redundant Entry', level: 'A', status: { calendar: 'n/a', cards: 'n/a', match: 'supports' }, note: 'Each question is asked once per journey; Back, the check page and "Ändern" show every answer given (choices, fields, "important"), and going on again keeps them; a value that failed validation stays as typed (measured).', tests: [[JOURNEY, 'each question is asked once; Back shows every answer given; going on again keeps them', ['match']], [JOURNEY, '"Ändern" on the check page opens that one question filled in, and returns to the check page', ['match']], [JOURNEY, 'an answer that failed validation keeps what was typed; an answer skipped stays skipped', ['match']], [TREE, 'start, first step, error summary, check answers, results', ['match']]] },
  { sc: '3.3.8', title: 'Accessible Authentication (Minimum)', level: 'AA', ...na('No login.') },
  { sc: '4.1.1', title: 'Parsing (obsolete in WCAG 2.2)', level: 'A', ...na('Removed in WCAG 2.2; BITV 2.0 via EN 301 549 still lists it: the widgets render through Lit templates, which cannot produce malformed markup.') },
  { sc: '4.1.2', title: 'Name, Role, Value', level: 'A', status: all('supports'), tests: [...tree, ...axe] },
  { sc: '4.1.3', title: 'Status Messages', level: 'AA', status: all('supports'), tests: [[WCAG, 'calendar: result count after filtering, new period after navigation', ['calendar']], [WCAG, 'showcase: result count after a search', ['cards']], [WCAG, 'match finder: the error after an empty answer, the matches so far after an answer', ['match']], [WCAG, 'loading to error: the failure is an alert']] },
];

/** The BITV test step (BIK BITV-Test, EN 301 549 clause 9) of a success criterion. */
/** EN 301 549 clause 9 holds the A and AA criteria only; an AAA criterion has no BITV test step. */
export const bitvStep = (sc) => (CRITERIA.find((c) => c.sc === sc)?.level === 'AAA' ? '— (AAA; BITV 2.0 § 4 asks for Leichte Sprache on the site, not per step)' : `9.${sc}`);
