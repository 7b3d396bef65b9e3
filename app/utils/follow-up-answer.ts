/** The one-click answer's form (docs/decisions/087): shared by the page and its action; messages are locale keys. */
import { z } from "zod";
import { id, optionalText, requiredChoice, url } from "./validators";

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

/** Built from the shared validators (docs/decisions/050): its messages are the common "validation.*" keys. */
export const AnswerSchema = z.object({
  /** The pilot the page showed: an answer is refused when the link belongs to another pilot. */
  pilotId: id(),
  statusCode: requiredChoice(ANSWER_STATUSES),
  evidenceRef: optionalText(500),
  fundingAfter: optionalText(500),
  evidenceUrl: url(1000),
  notes: optionalText(5000, { multiline: true }),
});
