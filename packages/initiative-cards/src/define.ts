import '@sozial-innovativ/adapters/register';
import { defineElement } from '@sozial-innovativ/core/elements';
import { SiInitiativeCard } from './si-initiative-card.js';
import { SiInitiativeCards } from './si-initiative-cards.js';

defineElement('si-initiative-card', SiInitiativeCard);
defineElement('si-initiative-cards', SiInitiativeCards);

export { SiInitiativeCard, SiInitiativeCards };
