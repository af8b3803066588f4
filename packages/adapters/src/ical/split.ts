// Splits iCalendar text into the components of its VCALENDARs, so that each VEVENT is parsed on
// its own: one broken event costs that event, not the feed, and parsing can pause between events.

/** The top-level parts of a feed, as text blocks ready for `ICAL.parse`. */
export interface FeedBlocks {
  /** Property lines of the VCALENDARs (X-WR-CALNAME, X-WR-TIMEZONE …), physical lines. */
  header: string[];
  vtimezones: string[];
  vevents: string[];
  /** VEVENTs whose END is missing or does not match, or that nest too deep. */
  broken: number;
}

const TOP_LEVEL = new Set(['VEVENT', 'VTIMEZONE', 'VTODO', 'VJOURNAL', 'VFREEBUSY']);

/** Deeper than VCALENDAR › VEVENT › VALARM › … is not iCalendar. */
const MAX_DEPTH = 6;

/** `BEGIN:X` / `END:X` of a logical (unfolded) line, upper case, or undefined. */
function boundary(line: string): { begin: boolean; name: string } | undefined {
  const m = /^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$/i.exec(line);
  return m ? { begin: m[1]!.toUpperCase() === 'BEGIN', name: m[2]!.toUpperCase() } : undefined;
}

/**
 * Splits `text` (CRLF, LF or CR, with or without BOM, folded lines, any case) into the children
 * of its VCALENDARs. Lines are kept as they are, folds included; only the boundary lines are
 * read unfolded. Yields every few thousand lines so a caller can slice the work.
 */
export function* splitBlocks(text: string): Generator<void, FeedBlocks> {
  // Lines are read one at a time: splitting megabytes at once would be one long task.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const breaks = /\r\n|\n|\r/g;
  let position = 0;
  const readLine = (): string | undefined => {
    if (position > body.length) return undefined;
    breaks.lastIndex = position;
    const m = breaks.exec(body);
    const end = m ? m.index : body.length;
    const line = body.slice(position, end);
    position = m ? end + m[0].length : body.length + 1;
    return line;
  };
  let read = 0;
  const feed: FeedBlocks = { header: [], vtimezones: [], vevents: [], broken: 0 };
  let inCalendar = false;
  /** Open components below VCALENDAR; the first is the block being collected. */
  const stack: string[] = [];
  let block: string[] = [];
  let tooDeep = false;
  let name = '';
  const close = (complete: boolean) => {
    if (name === 'VEVENT') {
      if (complete && !tooDeep) feed.vevents.push(block.join('\r\n'));
      else feed.broken++;
    } else if (name === 'VTIMEZONE' && complete && !tooDeep) {
      feed.vtimezones.push(block.join('\r\n'));
    }
    stack.length = 0;
    block = [];
    tooDeep = false;
    name = '';
  };
  let next = readLine();
  while (next !== undefined) {
    const physical = [next];
    let logical = next;
    // A folded line continues on lines that start with a space or a tab. Only short logical
    // lines can be BEGIN/END, so a long one is not assembled.
    for (next = readLine(); next !== undefined && (next.startsWith(' ') || next.startsWith('\t')); next = readLine()) {
      if ((++read & 4095) === 0) yield;
      physical.push(next);
      if (logical.length < 200) logical += next.slice(1);
    }
    if ((++read & 4095) === 0) yield;
    const b = logical.length < 200 ? boundary(logical) : undefined;
    if (!inCalendar) {
      if (b?.begin && b.name === 'VCALENDAR') inCalendar = true;
      continue;
    }
    if (!stack.length) {
      if (b?.begin) {
        stack.push(b.name);
        name = b.name;
        for (const line of physical) block.push(line);
      } else if (b && b.name === 'VCALENDAR') {
        inCalendar = false;
      } else if (!b && logical.trim() !== '') {
        for (const line of physical) feed.header.push(line);
      }
      continue;
    }
    if (b?.begin) {
      if (b.name === 'VCALENDAR') {
        // A new calendar starts inside an open component: that component never ended.
        close(false);
        continue;
      }
      if (TOP_LEVEL.has(b.name)) {
        // These never nest: the open one lacks its END. Only it is lost, not the rest of the feed.
        close(false);
        stack.push(b.name);
        name = b.name;
        for (const line of physical) block.push(line);
        continue;
      }
      stack.push(b.name);
      if (stack.length > MAX_DEPTH) tooDeep = true;
    } else if (b) {
      const at = stack.lastIndexOf(b.name);
      if (at < 0 && b.name === 'VCALENDAR') {
        close(false);
        inCalendar = false;
        continue;
      }
      if (at < 0) {
        tooDeep = true;
      } else {
        const mismatched = at !== stack.length - 1;
        stack.length = at;
        if (!tooDeep) for (const line of physical) block.push(line);
        if (!stack.length) {
          close(!mismatched);
        } else if (mismatched) {
          tooDeep = true;
        }
        continue;
      }
    }
    // A hostile block that grows without bound would only be dropped later: stop copying it.
    if (!tooDeep) for (const line of physical) block.push(line);
  }
  if (stack.length) close(false);
  return feed;
}

/** The TZIDs a block refers to (`DTSTART;TZID=Europe/Berlin:…`), unfolded. */
export function tzidsOf(block: string): string[] {
  if (!/TZID/i.test(block)) return [];
  const unfolded = block.replace(/\r\n[ \t]/g, '');
  const ids: string[] = [];
  for (const m of unfolded.matchAll(/;TZID=("[^"]*"|[^;:\r\n]*)/gi)) ids.push(m[1]!.replace(/^"|"$/g, ''));
  return ids;
}

/**
 * A URL from the feed, absolute: a relative one (`/termine/42`) is read against the feed's URL,
 * as a browser reads a link in the page it came from. Without a base it stays as it is.
 */
export function resolveAgainst(url: string | undefined, base: string | undefined): string | undefined {
  if (url === undefined || !base || /^[a-z][a-z0-9+.-]*:/i.test(url.trim())) return url;
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return url;
  }
}
