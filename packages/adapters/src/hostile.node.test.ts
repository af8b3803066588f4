import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { clearFetchCache } from '@sozial-innovativ/core';
import { hostileSuite } from './hostile.cases.js';

const server = setupServer();
let requests: string[] = [];
server.events.on('request:start', ({ request }) => {
  requests.push(request.url);
});
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => {
  clearFetchCache();
  requests = [];
});
afterEach(() => server.resetHandlers());

hostileSuite({ describe, it, use: (...handlers) => server.use(...handlers), requests: () => requests });
