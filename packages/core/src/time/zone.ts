// Creating an Intl.DateTimeFormat to test a zone costs ~0.1 ms; feeds repeat a handful of zones.
// The default zone and UTC are known everywhere: asking Intl would cost a cold page ~12 ms.
const known = new Map<string, boolean>([['Europe/Berlin', true], ['UTC', true]]);

/** Whether `timeZone` is an IANA zone (or an alias such as `UTC`) that this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  let ok = known.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    // Bounded: a hostile feed may name a million zones.
    if (known.size < 1000) known.set(timeZone, ok);
  }
  return ok;
}
