import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, type DataAdapter } from '@sozial-innovativ/core';
import { failingAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '@sozial-innovativ/match-finder/define';
import type { SiMatchFinder } from '@sozial-innovativ/match-finder';
import cohousing from '../demo/data/cohousing.json';
import volunteering from '../demo/data/volunteering.json';

/** Stories for <si-match-finder>: every state and every step, driven by clicking as a person would. */
const cohousingAdapter = createMemoryAdapter(cohousing);
const volunteeringAdapter = createMemoryAdapter(volunteering);
const empty = createMemoryAdapter({ questionnaire: cohousing.questionnaire, offers: [] });
const loading = stalledAdapter();
const failing = failingAdapter(() => new AdapterError('network', 'Die Demo-Quelle ist absichtlich nicht erreichbar.'));

interface Args {
  lang: string;
  easyRead: boolean;
  showScore: boolean;
  share: boolean;
  heading: string;
  adapter: DataAdapter;
}

const until = async (el: SiMatchFinder, selector: string) => {
  for (let i = 0; i < 100; i++) {
    await el.updateComplete;
    const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => requestAnimationFrame(r));
  }
  throw new Error(`${selector} did not appear`);
};

/** Starts and answers (or skips) `steps` questions: the first option of each, the first town for a place. */
async function walk(canvas: HTMLElement, steps: number, options: { results?: boolean; check?: boolean } = {}) {
  const el = canvas.querySelector('si-match-finder')!;
  (await until(el, '[part~=start-button]')).click();
  for (let i = 0; i < steps; i++) {
    const root = el.shadowRoot!;
    await until(el, 'form');
    const first = root.querySelector<HTMLInputElement>('input[name=answer]');
    if (first) first.checked = true;
    const place = root.querySelector<HTMLSelectElement>('#place');
    if (place) place.selectedIndex = 1;
    const max = root.querySelector<HTMLInputElement>('#max');
    if (max) max.value = '800';
    root.querySelector<HTMLButtonElement>('[part~=next-button]')!.click();
    await el.updateComplete;
  }
  if (options.check || options.results) {
    for (let guard = 0; guard < 20 && !el.shadowRoot!.querySelector('[part~=results-button]'); guard++) {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=skip-button], [part~=next-button]')?.click();
      await el.updateComplete;
    }
  }
  if (options.results) (await until(el, '[part~=results-button]')).click();
}

const meta: Meta<Args> = {
  title: 'Match-Finder/si-match-finder',
  component: 'si-match-finder',
  args: { lang: 'de', easyRead: false, showScore: true, share: false, heading: '', adapter: cohousingAdapter },
  argTypes: {
    lang: { control: 'select', options: ['de', 'en', 'hsb'] },
    adapter: { table: { disable: true } },
  },
  render: (a) => html`<si-match-finder lang=${a.lang} ?easy-read=${a.easyRead} show-score=${String(a.showScore)} ?share=${a.share}
    heading=${a.heading || ''} .adapter=${a.adapter}></si-match-finder>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Start: Story = {};
export const Loading: Story = { args: { adapter: loading } };
export const LoadingError: Story = { args: { adapter: failing } };
export const Empty: Story = { args: { adapter: empty } };
export const StepSingleChoice: Story = { play: ({ canvasElement }) => walk(canvasElement, 0) };
export const ErrorSummary: Story = {
  play: async ({ canvasElement }) => {
    await walk(canvasElement, 0);
    canvasElement.querySelector('si-match-finder')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=next-button]')!.click();
  },
};
export const StepLocation: Story = { play: ({ canvasElement }) => walk(canvasElement, 1) };
export const StepRangeBudget: Story = { play: ({ canvasElement }) => walk(canvasElement, 2) };
export const StepRangeHouseholdSize: Story = { play: ({ canvasElement }) => walk(canvasElement, 3) };
export const StepYesNo: Story = { play: ({ canvasElement }) => walk(canvasElement, 4) };
export const StepScale: Story = { play: ({ canvasElement }) => walk(canvasElement, 5) };
export const StepMultipleChoice: Story = { play: ({ canvasElement }) => walk(canvasElement, 6) };
export const StepTwoSidedMultiple: Story = { play: ({ canvasElement }) => walk(canvasElement, 7) };
export const CheckAnswers: Story = { play: ({ canvasElement }) => walk(canvasElement, 3, { check: true }) };
export const Results: Story = { play: ({ canvasElement }) => walk(canvasElement, 3, { results: true }) };
export const ResultsWithSharing: Story = { args: { share: true }, play: ({ canvasElement }) => walk(canvasElement, 3, { results: true }) };
export const ResultsWithoutScore: Story = { args: { showScore: false }, play: ({ canvasElement }) => walk(canvasElement, 3, { results: true }) };
/** Picks the first `count` results for the comparison and opens it. */
async function compare(canvas: HTMLElement, count: number) {
  const el = canvas.querySelector('si-match-finder')!;
  await walk(canvas, 0, { results: true });
  await until(el, '[part~=result]');
  for (const box of [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.pick input')].slice(0, count)) box.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=compare-button]')!.click();
  await until(el, 'table');
}
export const Compare: Story = { play: ({ canvasElement }) => compare(canvasElement, 3) };
export const CompareEnglish: Story = { args: { lang: 'en' }, play: ({ canvasElement }) => compare(canvasElement, 2) };
export const CompareVolunteering: Story = { args: { adapter: volunteeringAdapter }, play: ({ canvasElement }) => compare(canvasElement, 4) };
export const Shortlist: Story = {
  args: { share: true },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('si-match-finder')!;
    await walk(canvasElement, 0, { results: true });
    await until(el, '[part~=result]');
    for (const button of [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=keep-button]')].slice(0, 2)) button.click();
  },
};
export const PreparedEmail: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('si-match-finder')!;
    await walk(canvasElement, 0, { results: true });
    (await until(el, '[part~=write-button]')).click();
    (await until(el, '#mail-answers')).click();
  },
};
/**
 * The printout (or PDF), previewed on screen: the widget's own `@media print` rules applied as a
 * screen sheet. The browser's print preview (Ctrl+P) shows the same.
 */
async function printPreview(el: Element) {
  const root = el.shadowRoot!;
  const rules = root.adoptedStyleSheets.flatMap((s) => [...s.cssRules])
    .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === 'print')
    .flatMap((r) => [...r.cssRules].map((x) => x.cssText));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
export const Print: Story = {
  play: async ({ canvasElement }) => {
    await walk(canvasElement, 3, { results: true });
    const el = canvasElement.querySelector('si-match-finder')!;
    await until(el, '[part~=result]');
    await printPreview(el);
  },
};
export const PrintComparison: Story = {
  play: async ({ canvasElement }) => {
    await compare(canvasElement, 3);
    await printPreview(canvasElement.querySelector('si-match-finder')!);
  },
};
export const EasyRead: Story = { args: { easyRead: true } };
export const EasyReadStep: Story = { args: { easyRead: true }, play: ({ canvasElement }) => walk(canvasElement, 0) };
export const English: Story = { args: { lang: 'en' }, play: ({ canvasElement }) => walk(canvasElement, 0) };
export const UpperSorbianPreview: Story = { args: { lang: 'hsb' } };
export const Volunteering: Story = { args: { adapter: volunteeringAdapter } };
export const VolunteeringResults: Story = { args: { adapter: volunteeringAdapter }, play: ({ canvasElement }) => walk(canvasElement, 1, { results: true }) };
