import * as v from 'valibot';
import { INITIATIVE_KINDS } from './constants.js';
import {
  ContactSchema, ImageSchema, LIMITS, LinkSchema, PlaceSchema, SourceSchema, cappedString, isoDate,
  requiredString, stringList, validateItems,
} from './common.js';


export const InitiativeSchema = v.object({
  id: requiredString(),
  name: requiredString(),
  kind: v.optional(v.picklist(INITIATIVE_KINDS), 'initiative'),
  /** One or two sentences for the card. */
  summary: v.optional(cappedString(600)),
  description: v.optional(cappedString(LIMITS.text)),
  /** Easy-to-read German (Leichte Sprache). */
  easyLanguage: v.optional(cappedString(LIMITS.text)),
  topics: stringList(),
  targetGroups: stringList(),
  region: v.optional(PlaceSchema),
  contact: v.optional(ContactSchema),
  links: v.optional(
    v.pipe(
      v.array(v.unknown()),
      // A bad link is dropped, not fatal (validateItems: the fast path first, as for the list).
      v.transform((list) =>
        validateItems(LinkSchema, list.slice(0, LIMITS.list)).items,
      ),
    ),
    [],
  ),
  url: v.optional(cappedString(LIMITS.url)),
  image: v.optional(ImageSchema),
  /** Year or date of founding. */
  founded: v.optional(v.union([isoDate, v.pipe(v.string(), v.check((s) => /^\d{4}$/.test(s)))])),
  lastChecked: v.optional(isoDate),
  source: v.optional(SourceSchema),
});

export type Initiative = v.InferOutput<typeof InitiativeSchema>;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const validateInitiatives = (input: unknown) => validateItems(InitiativeSchema, input);
