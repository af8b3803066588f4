import * as v from 'valibot';

/*
 * A fast path for valibot schemas. Validating 10,000 events sits in the visitor's critical path
 * (month view at first paint), and valibot's datasets and issue bookkeeping cost more than the
 * checks themselves. `fastValidator(schema)` walks the schema once and returns a function that
 * runs the schema's own transforms and checks (their `operation` and `requirement`) without
 * that bookkeeping. It answers only for an item it finds valid; for anything else, and for any
 * schema part it does not know (nullish, regex, variant …), it answers `UNSURE` and valibot
 * decides. So valibot stays the one definition of the format and decides every drop;
 * fast.node.test.ts checks on generated hostile data that both give the same result.
 */

/** The answer when valibot must decide: the item may be invalid, or a schema part is unknown. */
export const UNSURE = {};

/** Returns the validated output, or {@link UNSURE}. */
export type FastValidator = (input: unknown) => unknown;

// What the fast path reads of a valibot schema or action.
interface Part {
  type: string;
  pipe?: Part[];
  entries?: Record<string, Part>;
  wrapped?: Part;
  item?: Part;
  key?: Part;
  value?: Part;
  options?: unknown[];
  default?: unknown;
  fallback?: unknown;
  requirement?: unknown;
  operation?: (input: unknown) => unknown;
}

// Counts the unknown parts met while building: their `UNSURE` may stand for a valid input,
// which a union must not take for "invalid, try the next option".
let unknownParts = 0;

/** Builds the fast validator of a valibot schema (cheap: once per list, not per item). */
export function fastValidator(part: Part | v.GenericSchema): FastValidator {
  const { type, pipe, wrapped, item, entries, key, value, options, fallback } = part as Part;
  // A pipe is its base schema followed by actions; each step runs on the previous output.
  // (Not with a `fallback`, which valibot puts in place of an invalid value: that part is unknown.)
  if (pipe && fallback === undefined) {
    const steps = pipe.map(fastValidator);
    // Indexed loops here and below: a cold page runs this before the JIT has warmed up, where
    // `for…of` and destructuring cost an iterator per call.
    return (x) => {
      for (let i = 0; i < steps.length && x !== UNSURE; i++) x = steps[i]!(x);
      return x;
    };
  }
  switch (fallback === undefined ? type : 'fallback') {
    case 'string':
    case 'boolean':
    case 'number':
      // `x === x` rejects NaN, as valibot's number() does.
      return (x) => (typeof x === type && x === x ? x : UNSURE);
    case 'unknown':
      return (x) => x;
    case 'picklist':
      return (x) => (options!.includes(x) ? x : UNSURE);
    case 'transform':
      return (x) => (part as Part).operation!(x);
    case 'check':
      return (x) => ((part as { requirement: (x: unknown) => boolean }).requirement(x) ? x : UNSURE);
    case 'optional': {
      const inner = fastValidator(wrapped!);
      return (x) => (x === undefined && (x = v.getDefault(part as never)) === undefined ? x : inner(x));
    }
    case 'array': {
      const each = fastValidator(item!);
      return (x) => {
        if (!Array.isArray(x)) return UNSURE;
        const out: unknown[] = [];
        // Not map(), which skips holes: valibot reads a hole as undefined.
        for (let i = 0; i < x.length; i++) if ((out[i] = each(x[i])) === UNSURE) return UNSURE;
        return out;
      };
    }
    case 'object': {
      const keys = Object.keys(entries!);
      const runs = keys.map((key) => fastValidator(entries![key]!));
      // Per key: 0 required, 1 optional without a default, 2 optional with one.
      const missing = keys.map((key) => (entries![key]!.type !== 'optional' ? 0 : entries![key]!.default === undefined ? 1 : 2));
      return (x) => {
        if (!x || typeof x !== 'object') return UNSURE;
        // A fresh object with the schema's keys in the schema's order, as valibot builds it:
        // a key that is `in` the input is validated even when undefined; a missing optional
        // key takes its default, if any.
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          let value;
          if (key in x) value = runs[i]!((x as Record<string, unknown>)[key]);
          else if (missing[i] === 0) return UNSURE;
          else if (missing[i] === 2) value = runs[i]!(undefined);
          else continue;
          if (value === UNSURE) return UNSURE;
          out[key] = value;
        }
        return out;
      };
    }
    case 'record': {
      const runKey = fastValidator(key!);
      const runValue = fastValidator(value!);
      return (x) => {
        if (!x || typeof x !== 'object') return UNSURE;
        // As valibot: own keys in `for…in` order, but not `__proto__`, `prototype` or `constructor`.
        const out: Record<PropertyKey, unknown> = {};
        for (const k in x) {
          if (v._isValidObjectKey(x, k)) {
            const name = runKey(k) as PropertyKey;
            if (name === UNSURE || (out[name] = runValue((x as Record<string, unknown>)[k])) === UNSURE) return UNSURE;
          }
        }
        return out;
      };
    }
    case 'union': {
      // valibot takes the first option that is valid: the first one the fast path answers for,
      // provided it knows every part of every option (an UNSURE then means invalid). A union
      // with an unknown part is left to valibot.
      const before = unknownParts;
      const runs = (options as Part[]).map(fastValidator);
      if (unknownParts > before) break;
      return (x) => {
        for (const run of runs) {
          const out = run(x);
          if (out !== UNSURE) return out;
        }
        return UNSURE;
      };
    }
  }
  unknownParts++;
  return () => UNSURE;
}
