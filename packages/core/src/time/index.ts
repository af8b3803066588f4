// Date and time-zone maths, DOM-free, one module for every adapter and widget: calendar days and
// months, zone offsets, wall time → instant (RFC 5545), ISO strings, zone names. No module here
// has side effects, so a bundle keeps only the functions it calls.
//
// Nothing here may import the valibot schemas: widgets use these functions and would carry the
// validator in their bundles (schemas are built at module load, so bundlers keep them).
export * from './dates.js';
export * from './iso.js';
export * from './range.js';
export * from './zone.js';
