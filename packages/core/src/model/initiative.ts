import * as v from 'valibot';
import { INITIATIVE_KINDS } from './constants.js';
import {
  ContactSchema, ImageSchema, LIMITS, LinkSchema, PlaceSchema, type Link, SourceSchema, validateItems,
} from './common.js';
import { cappedObject, isIsoDate, requiredText, text, textList } from './fields.js';

const YEAR = /^\d{4}$/;


export const InitiativeSchema = cappedObject({
  id: requiredText(),
  name: requiredText(),
  kind: v.optional(v.picklist(INITIATIVE_KINDS), 'initiative'),
  /** One or two sentences for the card. */
  summary: v.optional(text(600)),
  description: v.optional(text(LIMITS.text)),
  /** Easy-to-read German (Leichte Sprache). */
  easyLanguage: v.optional(text(LIMITS.text)),
  topics: textList(),
  targetGroups: textList(),
  region: v.optional(PlaceSchema),
  contact: v.optional(ContactSchema),
  links: v.optional(
    v.pipe(
      v.array(v.unknown()),
      v.transform((list) => {
        const links: Link[] = [];
        for (const l of list.slice(0, LIMITS.list)) {
          const r = v.safeParse(LinkSchema, l);
          if (r.success) links.push(r.output);
        }
        return links;
      }),
    ),
    [],
  ),
  url: v.optional(text(LIMITS.url)),
  image: v.optional(ImageSchema),
  /** Year or date of founding. One check instead of a union: a union records an issue for every year. */
  founded: v.optional(v.pipe(v.string(), v.check((s) => YEAR.test(s) || isIsoDate(s), 'not a year or an ISO 8601 date'))),
  lastChecked: v.optional(v.pipe(v.string(), v.check(isIsoDate, 'not an ISO 8601 date'))),
  source: v.optional(SourceSchema),
});

export type Initiative = v.InferOutput<typeof InitiativeSchema>;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const validateInitiatives = (input: unknown) => validateItems(InitiativeSchema, input);
