// The shared messages in Upper Sorbian (preview), loaded with a widget's Upper Sorbian catalog (see `commonMessages`).
import { plural, type CommonMessages } from './index.js';

const hsb: Partial<CommonMessages> = {
  loading: 'Začita so …',
  errorTitle: 'Daty njedachu so začitać.',
  retry: 'Hišće raz spytać',
  'error.network': 'Žórło datow njeje docpějomne.',
  'error.timeout': 'Žórło datow njewotmołwja.',
  'error.too-large': 'Žórło datow pósyła wjace datow, hač da so tu pokazać.',
  dropped: (n: number) => plural('hsb', n, { one: '{n} njepłaćiwy zapisk je so wuwostajił.', two: '{n} njepłaćiwej zapiskaj staj so wuwostajiłoj.', few: '{n} njepłaćiwe zapiski su so wuwostajili.', other: '{n} njepłaćiwych zapiskow je so wuwostajiło.' }),
  preview: 'Přehlad: Hornjoserbski přełožk hišće njeje dospołnje přepruwowany.',
  close: 'Začinić',
};
export default hsb;
