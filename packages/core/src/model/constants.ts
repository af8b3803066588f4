// Plain constants of the model, free of the validator, so widgets can import them without
// carrying valibot (its schemas are built at module load, so bundlers cannot drop them).

/** Caps applied at the adapter boundary: untrusted data can never make a widget render megabytes. */
export const LIMITS = {
  shortText: 300,
  text: 8_000,
  url: 2_048,
  list: 50,
  items: 50_000,
} as const;

export const EVENT_FORMATS = ['onsite', 'online', 'hybrid'] as const;
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed'] as const;
export const REGISTRATION_STATES = ['open', 'waitlist', 'closed', 'not-required'] as const;
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
export const INITIATIVE_KINDS = [
  'initiative', 'organisation', 'social-enterprise', 'project', 'network', 'public-body',
] as const;
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'boolean', 'location', 'range'] as const;
