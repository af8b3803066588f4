// An event's start and end are each parsed twice (format check, then end ≥ start), and
// Date.parse is the largest cost of validating an event: remember the last two strings.
let lastKey = '';
let lastTime = NaN;
let prevKey = '';
let prevTime = NaN;
/** `Date.parse(s)`, without parsing either of the last two strings again. */
export const parseTime = (s: string): number =>
  s === lastKey ? lastTime : s === prevKey ? prevTime : ((prevKey = lastKey), (prevTime = lastTime), (lastTime = Date.parse((lastKey = s))));
