import '@sozial-innovativ/adapters/register';
import { defineElement } from '@sozial-innovativ/core/elements';
import { SiMatchFinder } from './si-match-finder.js';

defineElement('si-match-finder', SiMatchFinder);
