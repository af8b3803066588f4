// WCAG 2.2 in the match finder's journey, against the real element in both browsers (issue #18):
// consistent help (3.2.6): a question's hint sits in the same place on every step, and
// redundant entry (3.3.7): no answer is asked for twice in one journey, and Back, the check page
// and "Ändern" show every answer given, so nothing has to be typed again.
import { expect, html, waitUntil } from '@open-wc/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { $, $$, ALL_DATA, QUESTIONNAIRE, finderReady, mount, nextFrame, text, type SiMatchFinder } from './fixtures.js';

type Question = (typeof QUESTIONNAIRE.questions)[number];
const QUESTIONS: readonly Question[] = QUESTIONNAIRE.questions;
const TOTAL = QUESTIONS.length;

async function journey(questionnaire: object = QUESTIONNAIRE): Promise<SiMatchFinder> {
  const adapter = createMemoryAdapter({ ...ALL_DATA, questionnaire });
  const el = await mount<SiMatchFinder>(html`<si-match-finder .adapter=${adapter}></si-match-finder>`, 'si-match-finder');
  await finderReady(el);
  $(el, '[part~=start-button]')!.click();
  await atStep(el, 1);
  return el;
}

const heading = (el: SiMatchFinder) => text($(el, '#heading'));
const atStep = (el: SiMatchFinder, n: number) =>
  waitUntil(() => heading(el).startsWith(`Schritt ${n} von ${TOTAL}`) && $(el, 'form.step'), `never reached step ${n}`);
const atCheck = (el: SiMatchFinder) => waitUntil(() => $(el, '[part~=check]'), 'never reached the check page');
const button = (el: SiMatchFinder, label: string) => $$(el, 'button').find((b) => text(b) === label || b.textContent?.trim().startsWith(label));
async function next(el: SiMatchFinder) {
  $(el, '[part~=next-button]')!.click();
  await el.updateComplete;
}
async function back(el: SiMatchFinder) {
  $(el, '[part~=back-button]')!.click();
  await el.updateComplete;
}

// ── Answers: one per question kind, written into the step's controls and read back ────────

/** What was answered, as the controls show it: checked choices, field values, "important". */
interface Shown { checked: string[]; fields: Record<string, string>; important: boolean }

const ANSWERS: Record<string, Shown> = {
  household: { checked: ['senior'], fields: {}, important: false },
  where: { checked: [], fields: { place: 'Leipzig', postcode: '', radius: '' }, important: true },
  rent: { checked: [], fields: { min: '300', max: '650' }, important: false },
  stepFree: { checked: ['yes'], fields: {}, important: true },
  community: { checked: ['4'], fields: {}, important: false },
  setting: { checked: ['city', 'village'], fields: {}, important: false },
};

/** The step's controls as they are now. */
function shown(el: SiMatchFinder): Shown {
  const form = $<HTMLFormElement>(el, 'form.step')!;
  const fields: Record<string, string> = {};
  for (const f of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[type=text], select')) fields[f.name] = f.value;
  return {
    checked: [...form.querySelectorAll<HTMLInputElement>('input[name=answer]:checked')].map((i) => i.value),
    fields,
    important: !!form.querySelector<HTMLInputElement>('#important')?.checked,
  };
}

/** Fills the current step with the answer for `q` (the radius: the second choice). */
async function fill(el: SiMatchFinder, q: Question): Promise<Shown> {
  const form = $<HTMLFormElement>(el, 'form.step')!;
  const want = ANSWERS[q.id]!;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name=answer]')) {
    if (want.checked.includes(input.value) !== input.checked) input.click();
  }
  for (const [name, value] of Object.entries(want.fields)) {
    const f = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
    if (name === 'radius') continue;
    f.value = value;
    f.dispatchEvent(new Event('input', { bubbles: true }));
    f.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const radius = form.querySelector<HTMLSelectElement>('[name=radius]');
  if (radius) radius.selectedIndex = 1;
  const important = form.querySelector<HTMLInputElement>('#important');
  if (important && important.checked !== want.important) important.click();
  await el.updateComplete;
  const now = shown(el);
  // Guard against a vacuous pass: the step really holds the answer before it is compared later.
  expect(now.checked, `${q.id}: chosen`).to.deep.equal(want.checked);
  for (const [name, value] of Object.entries(want.fields)) if (name !== 'radius') expect(now.fields[name], `${q.id}: ${name}`).to.equal(value);
  if (important) expect(now.important, `${q.id}: important`).to.equal(want.important);
  return now;
}

// ── 3.3.7 redundant entry ────────────────────────────────────────────────────────────────

describe('WCAG 3.3.7 redundant entry: the match finder never asks for an answer twice', () => {
  it('each question is asked once; Back shows every answer given; going on again keeps them', async () => {
    const el = await journey();
    const given: Shown[] = [];
    const asked: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      await atStep(el, i + 1);
      asked.push(heading(el).replace(/^Schritt \d+ von \d+/, '').trim());
      const first = shown(el);
      expect([first.checked, first.important, first.fields.min ?? '', first.fields.place ?? ''], `step ${i + 1} the first time`).to.deep.equal([[], false, '', '']);
      given.push(await fill(el, QUESTIONS[i]!));
      await next(el);
    }
    await atCheck(el);
    expect(new Set(asked).size, `a question was asked twice: ${asked.join(' | ')}`).to.equal(TOTAL);
    const summary = text($(el, '[part~=check] .summary'));
    expect(summary).not.to.contain('Übersprungen');

    // Back from the check page, step by step to the first: every control still holds its answer.
    await back(el);
    for (let i = TOTAL - 1; i >= 0; i--) {
      await atStep(el, i + 1);
      expect(shown(el), `step ${i + 1} after Back`).to.deep.equal(given[i]);
      if (i > 0) await back(el);
    }
    // Forward again without touching anything: the same answers reach the check page.
    for (let i = 0; i < TOTAL; i++) {
      await atStep(el, i + 1);
      await next(el);
    }
    await atCheck(el);
    expect(text($(el, '[part~=check] .summary')), 'answers after Back and Weiter').to.equal(summary);
  });

  it('"Ändern" on the check page opens that one question filled in, and returns to the check page', async () => {
    const el = await journey();
    const given: Shown[] = [];
    for (let i = 0; i < TOTAL; i++) {
      await atStep(el, i + 1);
      given.push(await fill(el, QUESTIONS[i]!));
      await next(el);
    }
    await atCheck(el);
    const summary = text($(el, '[part~=check] .summary'));
    for (const i of [0, 2, 5]) {
      $$(el, '[part~=change-button]')[i]!.click();
      await atStep(el, i + 1);
      expect(shown(el), `step ${i + 1} opened by "Ändern"`).to.deep.equal(given[i]);
      await next(el);
      // Straight back to the check page: the questions after it are not asked again.
      await atCheck(el);
      expect(text($(el, '[part~=check] .summary')), `answers after changing nothing on step ${i + 1}`).to.equal(summary);
    }
    // Back from a changed step also returns to the check page, answers kept.
    $$(el, '[part~=change-button]')[3]!.click();
    await atStep(el, 4);
    await back(el);
    await atCheck(el);
    expect(text($(el, '[part~=check] .summary'))).to.equal(summary);
  });

  it('an answer that failed validation keeps what was typed; an answer skipped stays skipped', async () => {
    const el = await journey();
    await fill(el, QUESTIONS[0]!);
    await next(el);
    await atStep(el, 2);
    const where = await fill(el, QUESTIONS[1]!);
    await next(el);
    await atStep(el, 3);
    const min = $<HTMLInputElement>(el, '#min')!;
    min.value = '900';
    $<HTMLInputElement>(el, '#max')!.value = '400';
    await next(el);
    await waitUntil(() => $(el, '.error-summary'), 'no error for min > max');
    expect([$<HTMLInputElement>(el, '#min')!.value, $<HTMLInputElement>(el, '#max')!.value], 'typed values after the error').to.deep.equal(['900', '400']);
    // Skipping drops the answer (the person chose to); Back shows the step empty, as skipped.
    button(el, 'Frage überspringen')!.click();
    await atStep(el, 4);
    await back(el);
    await atStep(el, 3);
    expect(shown(el).fields, 'a skipped question after Back').to.deep.equal({ min: '', max: '' });
    // The answers before it are still there.
    await back(el);
    await atStep(el, 2);
    expect(shown(el), 'step 2 after Back').to.deep.equal(where);
  });
});

/** Skips an optional question, answers a required one. */
async function onwards(el: SiMatchFinder, q: Question) {
  const skip = button(el, 'Frage überspringen');
  if (skip) skip.click();
  else {
    await fill(el, q);
    $(el, '[part~=next-button]')!.click();
  }
  await el.updateComplete;
}

// ── 3.2.6 consistent help ────────────────────────────────────────────────────────────────

/** The questionnaire with a hint on every question (the fixture has one). */
const HINTED = { ...QUESTIONNAIRE, questions: QUESTIONS.map((q, i) => ({ ...q, hint: 'hint' in q && q.hint ? q.hint : `Hinweis zu Frage ${i + 1}` })) };

interface HelpPlace { order: string[]; hintLeft: number; gapAbove: number; describedBy: boolean }

/**
 * Where the step's hint sits relative to the rest of the step: the order of Back, heading, hint,
 * first answer control and "Weiter" in the document, the hint's left edge, and the space between
 * the heading and the hint; whether the fieldset names the hint as its description.
 */
function helpPlace(el: SiMatchFinder): HelpPlace {
  const form = $<HTMLFormElement>(el, 'form.step')!;
  const parts: [string, Element | null][] = [
    ['back', $(el, '[part~=back-button]')],
    ['heading', $(el, '#heading')],
    ['hint', $(el, '#hint')],
    ['control', form.querySelector('fieldset input, fieldset select')],
    ['next', $(el, '[part~=next-button]')],
  ];
  const present = parts.filter(([, n]) => n) as [string, Element][];
  const order = [...present].sort(([, a], [, b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)).map(([name]) => name);
  const hint = $(el, '#hint');
  const h = $(el, '#heading')!.getBoundingClientRect();
  const r = hint?.getBoundingClientRect();
  const fieldset = form.querySelector('fieldset')!;
  return {
    order,
    hintLeft: Math.round((r?.left ?? NaN) - form.getBoundingClientRect().left),
    gapAbove: Math.round((r?.top ?? NaN) - h.bottom),
    describedBy: (fieldset.getAttribute('aria-describedby') ?? '').split(' ').includes('hint'),
  };
}

describe('WCAG 3.2.6 consistent help: the hint of a question sits in the same place on every step', () => {
  it('a hint on every step: after the question, before the answers, described, at the same spot', async () => {
    const el = await journey(HINTED);
    const places: HelpPlace[] = [];
    for (let i = 0; i < TOTAL; i++) {
      await atStep(el, i + 1);
      await nextFrame();
      const place = helpPlace(el);
      expect(place.order, `step ${i + 1}: order`).to.deep.equal(['back', 'heading', 'hint', 'control', 'next']);
      expect(place.describedBy, `step ${i + 1}: the fieldset names the hint`).to.equal(true);
      // Directly after the legend: nothing else comes between the question and its hint.
      const hint = $(el, '#hint')!;
      expect(hint.previousElementSibling?.localName, `step ${i + 1}: what precedes the hint`).to.equal('legend');
      places.push(place);
      await onwards(el, QUESTIONS[i]!);
    }
    await atCheck(el);
    const first = places[0]!;
    for (const [i, p] of places.entries()) {
      expect(p.hintLeft, `step ${i + 1}: hint's left edge`).to.be.closeTo(first.hintLeft, 1);
      expect(p.gapAbove, `step ${i + 1}: space between question and hint`).to.be.closeTo(first.gapAbove, 1);
    }
  });

  it('with an error shown the hint keeps its place, above the error message', async () => {
    const el = await journey(HINTED);
    const before = helpPlace(el);
    await next(el);
    await waitUntil(() => $(el, '.error-summary'), 'no error for a missing answer');
    await nextFrame();
    const after = helpPlace(el);
    expect(after.order).to.deep.equal(before.order);
    expect(after.gapAbove, 'space between question and hint with an error').to.be.closeTo(before.gapAbove, 1);
    const hint = $(el, '#hint')!;
    expect(hint.compareDocumentPosition($(el, '#error')!) & Node.DOCUMENT_POSITION_FOLLOWING, 'the error follows the hint').to.be.greaterThan(0);
    expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('hint error');
  });

  it('the fixture questionnaire: only the question with a hint shows one, in that place', async () => {
    const el = await journey();
    for (let i = 0; i < TOTAL; i++) {
      await atStep(el, i + 1);
      const q = QUESTIONS[i]!;
      const hint = $(el, '#hint');
      if ('hint' in q && q.hint) {
        expect(text(hint)).to.equal(q.hint);
        expect(hint!.previousElementSibling?.localName).to.equal('legend');
      } else {
        expect(hint, `step ${i + 1} shows an empty hint`).to.equal(null);
      }
      await onwards(el, q);
    }
    await atCheck(el);
  });
});
