import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, type DataAdapter } from '@sozial-innovativ/core';
import { failingAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '@sozial-innovativ/initiative-cards/define';
import type { SiInitiativeCard, SiInitiativeCards } from '@sozial-innovativ/initiative-cards';
import demo from '../demo/data/initiatives.json';

/** Stories for <si-initiative-card> and <si-initiative-cards> in every state. */
const data = createMemoryAdapter({ initiatives: demo.initiatives });
const empty = createMemoryAdapter({ initiatives: [] });
const loading = stalledAdapter();
const failing = failingAdapter(() => new AdapterError('network', 'Die Demo-Quelle ist absichtlich nicht erreichbar.'));

interface CardArgs {
  initiativeId: string;
  headingLevel: number;
  details: boolean;
  easyRead: boolean;
  lang: string;
  adapter: DataAdapter;
}

const card: Meta<CardArgs> = {
  title: 'Initiativen/si-initiative-card',
  component: 'si-initiative-card',
  args: { initiativeId: 'bring-together', headingLevel: 3, details: false, easyRead: false, lang: 'de', adapter: data },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    lang: { control: 'select', options: ['de', 'en', 'hsb'] },
    adapter: { table: { disable: true } },
  },
  render: (a) => html`<div class="story-card">
    <si-initiative-card initiative-id=${a.initiativeId} heading-level=${a.headingLevel} ?details=${a.details}
      ?easy-read=${a.easyRead} lang=${a.lang} .adapter=${a.adapter}></si-initiative-card>
  </div>`,
};
export default card;
type CardStory = StoryObj<CardArgs>;

export const CardBringTogether: CardStory = {};
export const CardWithDetailsDialog: CardStory = { args: { initiativeId: 'telux-weisswasser', details: true } };
export const CardEasyRead: CardStory = { args: { easyRead: true } };
/**
 * English and Upper Sorbian texts load on first use (German is bundled): a story in another
 * language is finished once they are there, so snapshots and the docs never show German.
 */
const messagesReady = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  for (const el of canvasElement.querySelectorAll<SiInitiativeCard | SiInitiativeCards>('si-initiative-card, si-initiative-cards')) {
    await el.messagesReady();
    await el.updateComplete;
  }
};

export const CardEnglish: CardStory = { args: { lang: 'en' }, play: messagesReady };
export const CardUpperSorbian: CardStory = { args: { lang: 'hsb' }, play: messagesReady };
export const CardLoading: CardStory = { args: { adapter: loading } };
export const CardError: CardStory = { args: { adapter: failing } };
export const CardNotFound: CardStory = { args: { initiativeId: 'gibt-es-nicht' } };

interface CardsArgs {
  layout: 'grid' | 'list';
  sort: string;
  q: string;
  topics: string;
  districts: string;
  near: string;
  pageSize: number;
  hideFilters: boolean;
  easyRead: boolean;
  heading: string;
  lang: string;
  adapter: DataAdapter;
}

const cards = (a: CardsArgs) => html`<si-initiative-cards layout=${a.layout} sort=${a.sort} q=${a.q} topics=${a.topics}
  districts=${a.districts} near=${a.near} page-size=${a.pageSize} ?hide-filters=${a.hideFilters} ?easy-read=${a.easyRead}
  heading=${a.heading} lang=${a.lang} no-jsonld .adapter=${a.adapter}></si-initiative-cards>`;

const cardsArgs: CardsArgs = {
  layout: 'grid', sort: 'relevance', q: '', topics: '', districts: '', near: '', pageSize: 12, hideFilters: false,
  easyRead: false, heading: 'Soziale Innovationen in Sachsen', lang: 'de', adapter: data,
};
type CardsStory = StoryObj<CardsArgs>;
const story = (args: Partial<CardsArgs>): CardsStory => ({ args: { ...cardsArgs, ...args }, render: cards });

export const Cards = story({});
export const CardsList = story({ layout: 'list' });
export const CardsSearchWithTypo = story({ q: 'Weiswaser' });
export const CardsNearPostcode = story({ near: '02943', sort: 'distance' });
export const CardsCuratedGoerlitz = story({ districts: 'Görlitz', hideFilters: true, heading: 'Initiativen im Landkreis Görlitz' });
export const CardsEasyRead = story({ easyRead: true });
export const CardsUpperSorbian: CardsStory = { ...story({ lang: 'hsb' }), play: messagesReady };
export const CardsLoading = story({ adapter: loading });
export const CardsError = story({ adapter: failing });
export const CardsNoData = story({ adapter: empty });
export const CardsNoMatch = story({ q: 'Raumfahrtbehörde' });
