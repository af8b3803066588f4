// embed.iife.js: every widget in one classic script without dynamic imports, for Subresource
// Integrity and old setups. Registration is idempotent, so it may share a page with embed.js.
import '@sozial-innovativ/adapters/register';
import '@sozial-innovativ/core/define/data-source';
import '@sozial-innovativ/event-calendar/define';
import '@sozial-innovativ/initiative-cards/define';
import '@sozial-innovativ/match-finder/define';
import { applyTheme, scan, upgradeHost } from './upgrade.js';

const run = (root: ParentNode & Node): void => {
  const { hosts, elements } = scan(root);
  elements.forEach(applyTheme);
  // Data sources first, so the widgets moved into them find their provider.
  hosts.sort((a, b) => Number(b.dataset.siWidget?.endsWith('data-source')) - Number(a.dataset.siWidget?.endsWith('data-source')));
  hosts.forEach(upgradeHost);
};

// A classic script may run in <head> before the body exists: the observer sees what the parser adds.
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) run(node);
}).observe(document, { childList: true, subtree: true });
run(document);
