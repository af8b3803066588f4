import { setupWorker } from 'msw/browser';
import { clearFetchCache } from '@sozial-innovativ/core';
import { hostileSuite } from './hostile.cases.js';

const worker = setupWorker();
let requests: string[] = [];
worker.events.on('request:start', ({ request }) => {
  requests.push(request.url);
});
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
after(() => worker.stop());
beforeEach(() => {
  clearFetchCache();
  requests = [];
});
afterEach(() => worker.resetHandlers());

hostileSuite({ describe, it, use: (...handlers) => worker.use(...handlers), requests: () => requests });
