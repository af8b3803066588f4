// <si-initiative-cards>: first render of the showcase and the latency of one search keystroke.
// First render starts from the raw JSON (validated by the memory adapter, as by the JSON adapter
// after a fetch) and ends when the status line and every visible card have rendered.
import '@sozial-innovativ/initiative-cards/define';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { generateInitiatives } from '../../demo/data/generate-initiatives.ts';
import { host, register, timed, until } from './harness.js';

const create = (adapter) => {
  const el = document.createElement('si-initiative-cards');
  el.setAttribute('lang', 'de');
  el.adapter = adapter;
  host().append(el);
  return el;
};
const element = () => host().querySelector('si-initiative-cards');
/**
 * Settled: no pending update in the showcase or any of its cards, the status line counts the
 * results, and the list is not busy (a search typed before the index is complete waits for it).
 */
const settled = (q) => () => {
  const el = element();
  const root = el?.shadowRoot;
  const status = root?.querySelector('[part~="status"]');
  if (!status || el.isUpdatePending || (q !== undefined && el.q !== q) || root.querySelector('[aria-busy="true"]')) return false;
  const results = Number(/\d[\d.]*/.exec(status.textContent)?.[0].replace(/\./g, '') ?? NaN);
  if (Number.isNaN(results)) return false;
  const cards = root.querySelectorAll('si-initiative-card');
  for (const card of cards) if (!card.hasUpdated || card.isUpdatePending) return false;
  return { rows: cards.length, results };
};
const type = (value) => {
  const input = element().shadowRoot.querySelector('#q');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value.at(-1), inputType: 'insertText' }));
};

register({
  render: (n) => {
    const data = generateInitiatives(n);
    return () => timed(() => create(createMemoryAdapter({ initiatives: data })), settled(), 'the showcase');
  },
  // "Nachbarschaf" has been typed; the measured keystroke adds the "t".
  keystroke: async (n) => {
    create(createMemoryAdapter({ initiatives: generateInitiatives(n) }));
    await until(settled(), 'the showcase');
    type('Nachbarschaf');
    await until(settled('Nachbarschaf'), 'results for "Nachbarschaf"');
    return () => timed(() => type('Nachbarschaft'), settled('Nachbarschaft'), 'results for "Nachbarschaft"');
  },
});
