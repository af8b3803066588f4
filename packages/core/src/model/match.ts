import * as v from 'valibot';
import { QUESTION_KINDS } from './constants.js';
import {
  ContactSchema, ImageSchema, LIMITS, LocalizedTextSchema, PlaceSchema, SourceSchema, cappedString,
  requiredString, urlString, validateItems,
} from './common.js';


const finite = v.pipe(v.number(), v.check((n) => Number.isFinite(n)));

export const AnswerOptionSchema = v.object({
  value: requiredString(100),
  label: LocalizedTextSchema,
});

export const QuestionSchema = v.object({
  id: requiredString(100),
  kind: v.picklist(QUESTION_KINDS),
  label: LocalizedTextSchema,
  /** A short name for the criterion in explanations and summaries ("Miete", "Entfernung"). */
  shortLabel: v.optional(LocalizedTextSchema),
  hint: v.optional(LocalizedTextSchema),
  /** The person must answer; otherwise a question may be skipped. */
  required: v.optional(v.boolean(), false),
  options: v.optional(v.pipe(v.array(AnswerOptionSchema), v.check((a) => a.length <= LIMITS.list)), []),
  min: v.optional(finite),
  max: v.optional(finite),
  step: v.optional(v.pipe(finite, v.check((n) => n >= 0))),
  unit: v.optional(cappedString(20)),
  /** Which offer attribute (`offer.attributes[attribute]`) the answer is compared with. */
  attribute: v.optional(requiredString(100)),
  /** Weight of a soft criterion (default 1); "important to me" doubles it. */
  weight: v.optional(v.pipe(finite, v.check((n) => n >= 0 && n <= 100)), 1),
  /** Whether the person may mark the question "important to me" (doubling its weight). Default: yes, where it changes the score. */
  importance: v.optional(v.boolean()),
  /** A hard constraint excludes offers that do not satisfy it instead of ranking them lower. */
  hard: v.optional(v.boolean(), false),
  /** Two-sided matching: which key of `offer.seeks` this answer describes about the person. */
  seeks: v.optional(requiredString(100)),
  /** Location questions: the radii (km) a person can choose from. */
  radii: v.optional(v.pipe(v.array(v.pipe(finite, v.check((n) => n >= 0))), v.check((a) => a.length <= 20)), [10, 25, 50]),
});

export const QuestionnaireSchema = v.object({
  id: requiredString(100),
  title: LocalizedTextSchema,
  intro: v.optional(LocalizedTextSchema),
  questions: v.pipe(v.array(QuestionSchema), v.check((a) => a.length >= 1 && a.length <= LIMITS.list)),
});

const AttributeValueSchema = v.union([
  cappedString(),
  finite,
  v.boolean(),
  v.pipe(v.array(cappedString()), v.check((a) => a.length <= LIMITS.list)),
  v.object({ min: v.optional(finite), max: v.optional(finite) }),
]);

export const MatchOfferSchema = v.object({
  id: requiredString(),
  name: requiredString(),
  summary: v.optional(cappedString(600)),
  description: v.optional(cappedString(LIMITS.text)),
  easyLanguage: v.optional(cappedString(LIMITS.text)),
  location: v.optional(PlaceSchema),
  url: v.optional(urlString),
  contact: v.optional(ContactSchema),
  image: v.optional(ImageSchema),
  /** What the offer is: compared with the person's answers (`question.attribute`). */
  attributes: v.optional(v.record(v.pipe(v.string(), v.check((k) => k.length <= 100)), AttributeValueSchema), {}),
  /** What the offer looks for in a person (`question.seeks`), for two-sided matching. */
  seeks: v.optional(v.record(v.pipe(v.string(), v.check((k) => k.length <= 100)), AttributeValueSchema), {}),
  source: v.optional(SourceSchema),
});

export type AnswerOption = v.InferOutput<typeof AnswerOptionSchema>;
export type Question = v.InferOutput<typeof QuestionSchema>;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type Questionnaire = v.InferOutput<typeof QuestionnaireSchema>;
export type MatchOffer = v.InferOutput<typeof MatchOfferSchema>;
export type AttributeValue = v.InferOutput<typeof AttributeValueSchema>;

export const validateOffers = (input: unknown) => validateItems(MatchOfferSchema, input);
export function validateQuestionnaire(input: unknown): Questionnaire | undefined {
  const r = v.safeParse(QuestionnaireSchema, input);
  return r.success ? r.output : undefined;
}
