// @sozial-innovativ/embed for developers and tools: the facts about the bundles, no side effects.
// The bundles themselves are `@sozial-innovativ/embed/embed.js` (lazy loader) and
// `@sozial-innovativ/embed/embed.iife.js` (everything, classic script).
export { WIDGET_TAGS, THEME_TOKENS, isPlainColour, widgetTag, type WidgetTag } from './tags.js';
