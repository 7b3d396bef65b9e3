/** The one-click answer's form (docs/decisions/087): shared by the page and its action; messages are locale keys. */
import { z } from "zod";

/** The statuses a link can preselect, in the order the email lists them ("unknown" is "don't know"). */
export const ANSWER_STATUSES = [
  "continues_own",
  "continues_other",
  "continues_partly",
  "transferred",
  "ended",
  "unknown",
] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const isAnswerStatus = (s: unknown): s is AnswerStatus => ANSWER_STATUSES.includes(s as AnswerStatus);

const text = (max: number) => z.string().trim().max(max, "pilots:validation.tooLong").optional();

export const AnswerSchema = z.object({
  /** The pilot the page showed: an answer is refused when the link belongs to another pilot. */
  pilotId: z.coerce.number("pilots:validation.invalid").int("pilots:validation.invalid").min(1).max(2_000_000_000),
  statusCode: z.enum(ANSWER_STATUSES, "pilots:validation.requiredAlways"),
  evidenceRef: text(500),
  fundingAfter: text(500),
  evidenceUrl: z
    .string()
    .trim()
    .max(1000, "pilots:validation.tooLong")
    .refine((s) => {
      try {
        return ["http:", "https:"].includes(new URL(s).protocol);
      } catch {
        return false;
      }
    }, "pilots:validation.url")
    .optional(),
  notes: text(5000),
});
export type AnswerInput = z.infer<typeof AnswerSchema>;
