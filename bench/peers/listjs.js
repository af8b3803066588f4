// List.js 2 (listjs.com), the searchable, sortable, filterable list most sites use for a showcase:
// cards from raw objects, a search field, 24 per page. Built as one classic script (bench/cold.mjs).
export { default as List } from 'list.js';
