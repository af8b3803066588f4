import '@sozial-innovativ/initiative-cards/define';
import '@sozial-innovativ/core/define/data-source';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { generateInitiatives } from './data/generate-initiatives.js';

const button = document.querySelector<HTMLButtonElement>('#load-large')!;
const large = document.getElementById('large') as HTMLElementTagNameMap['si-initiative-cards'];
const status = document.querySelector('#large-status')!;

button.addEventListener('click', () => {
  button.disabled = true;
  status.textContent = 'Erzeuge 10 000 Initiativen …';
  // Let the status paint before the generator runs.
  setTimeout(() => {
    large.adapter = createMemoryAdapter({ initiatives: generateInitiatives(10_000) });
    large.hidden = false;
    status.textContent = '10 000 Initiativen geladen.';
  }, 0);
});
