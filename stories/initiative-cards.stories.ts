import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, type DataAdapter } from '@sozial-innovativ/core';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import '@sozial-innovativ/initiative-cards/define';
import type { SiInitiativeCard, SiInitiativeCards } from '@sozial-innovativ/initiative-cards';
import demo from '../demo/data/initiatives.json';

/** Stories for <si-initiative-card> and <si-initiative-cards> in every state. */
const data = createMemoryAdapter({ initiatives: demo.initiatives });
const empty = createMemoryAdapter({ initiatives: [] });
const loading: DataAdapter = { kind: 'never', initiatives: () => new Promise<never>(() => {}), initiative: () => new Promise<never>(() => {}) };
const failing: DataAdapter = {
  kind: 'failing',
  initiatives: () => Promise.reject(new AdapterError('network', 'Die Demo-Quelle ist absichtlich nicht erreichbar.')),
  initiative: () => Promise.reject(new AdapterError('network', 'Die Demo-Quelle ist absichtlich nicht erreichbar.')),
};

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

interface ShowcaseArgs {
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

const showcase = (a: ShowcaseArgs) => html`<si-initiative-cards layout=${a.layout} sort=${a.sort} q=${a.q} topics=${a.topics}
  districts=${a.districts} near=${a.near} page-size=${a.pageSize} ?hide-filters=${a.hideFilters} ?easy-read=${a.easyRead}
  heading=${a.heading} lang=${a.lang} no-jsonld .adapter=${a.adapter}></si-initiative-cards>`;

const showcaseArgs: ShowcaseArgs = {
  layout: 'grid', sort: 'relevance', q: '', topics: '', districts: '', near: '', pageSize: 12, hideFilters: false,
  easyRead: false, heading: 'Soziale Innovationen in Sachsen', lang: 'de', adapter: data,
};
type ShowcaseStory = StoryObj<ShowcaseArgs>;
const story = (args: Partial<ShowcaseArgs>): ShowcaseStory => ({ args: { ...showcaseArgs, ...args }, render: showcase });

export const Showcase = story({});
export const ShowcaseList = story({ layout: 'list' });
export const ShowcaseSearchWithTypo = story({ q: 'Weiswaser' });
export const ShowcaseNearPostcode = story({ near: '02943', sort: 'distance' });
export const ShowcaseCuratedGoerlitz = story({ districts: 'Görlitz', hideFilters: true, heading: 'Initiativen im Landkreis Görlitz' });
export const ShowcaseEasyRead = story({ easyRead: true });
export const ShowcaseUpperSorbian: ShowcaseStory = { ...story({ lang: 'hsb' }), play: messagesReady };
export const ShowcaseLoading = story({ adapter: loading });
export const ShowcaseError = story({ adapter: failing });
export const ShowcaseNoData = story({ adapter: empty });
export const ShowcaseNoMatch = story({ q: 'Raumfahrtbehörde' });
