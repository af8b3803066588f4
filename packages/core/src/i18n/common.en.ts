// The shared messages in English, loaded with a widget's English catalog (see `commonMessages`).
import type { CommonMessages } from './index.js';

const en: CommonMessages = {
  loading: 'Loading …',
  errorTitle: 'The data could not be loaded.',
  retry: 'Try again',
  detail: 'Technical detail from the source:',
  'error.network': 'The data source cannot be reached.',
  'error.timeout': 'The data source does not answer.',
  'error.http': 'The data source reports an error.',
  'error.too-large': 'The data source sends more data than can be shown here.',
  'error.parse': 'The data has an invalid format.',
  'error.unsupported': 'This data source does not provide matching data.',
  'error.config': 'The data source is not set up correctly.',
  'error.unknown': 'An unexpected error occurred.',
  dropped: (n: number) => (n === 1 ? '1 invalid entry was left out.' : `${n} invalid entries were left out.`),
  stale: (time: string) => `The data source cannot be reached right now. Showing the data as of ${time}.`,
  sourcesFailed: (failed: number, total: number, names: string, time: string) =>
    `${failed} of ${total} calendars ${failed === 1 ? 'is' : 'are'} unavailable right now${names && ` (${names})`}. As of ${time}.`,
  preview: 'Preview: the Upper Sorbian translation has not been fully reviewed yet.',
  close: 'Close',
};
export default en;
