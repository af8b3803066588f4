// The partner's whole script: the widget's define entry, which registers the lazy ical adapter.
// Measuring happens outside the page (bench/longtask.mjs injects its observer before this runs).
import '@sozial-innovativ/event-calendar/define';
