/**
 * The one way a form's POST is parsed (docs/decisions/050): conform's `parseWithZod` over the
 * request's FormData with a schema built from ./validators. The result carries either the typed
 * data, or the errors (the first message per field, keyed by the field's name as the form posts
 * it, "funding.0.amount") and conform's reply, which the page hands to `useForm` as `lastResult`
 * and from which it renders the errors without JavaScript too.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { type FieldErrors, firstErrors, postedNames } from "./form-errors";

export { type FieldErrors, replyWithErrors } from "./form-errors";

export type Parsed<T> =
  | { ok: true; data: T; reply: (options?: { resetForm?: boolean; formErrors?: string[] }) => SubmissionResult }
  | { ok: false; errors: FieldErrors; reply: SubmissionResult; values: Record<string, unknown> };

/** Parses a form with its schema; never throws on what a client posts. */
export function parseSubmission<S extends z.ZodType>(formData: FormData, schema: S): Parsed<z.output<S>> {
  const submission = postedNames(parseWithZod(formData, { schema, disableAutoCoercion: true }));
  if (submission.status === "success") {
    return { ok: true, data: submission.value as z.output<S>, reply: (o) => submission.reply(o) };
  }
  const reply = submission.reply();
  return { ok: false, errors: firstErrors(submission.error), reply, values: formValues(formData) };
}

/** What the user typed, by field name (repeated names as arrays), to fill the form again. */
export function formValues(form: FormData) {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
