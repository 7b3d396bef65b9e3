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

export type FieldErrors = Record<string, string>;

/** Conform names list rows as "a[0].b"; the forms post and link "a.0.b". */
export const dottedName = (name: string) => name.replace(/\[(\d+)\]/g, ".$1");

/**
 * Renames the errors of list rows, in place, to the names the form posts ("funding[0].amount" →
 * "funding.0.amount"): conform shows a field's error once that field (by its name) was checked, and
 * its reply is built from the same object.
 */
export function postedNames<S extends object>(submission: S): S {
  const error = "error" in submission ? (submission.error as Record<string, string[] | null> | null) : null;
  if (!error) return submission;
  for (const key of Object.keys(error)) {
    const posted = dottedName(key);
    if (posted === key) continue;
    error[posted] = error[key];
    delete error[key];
  }
  return submission;
}

/** The first message of each field; messages that are not locale keys become "validation.invalid". */
export function firstErrors(error: Record<string, string[] | null> | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, messages] of Object.entries(error ?? {})) {
    const m = messages?.[0];
    if (!m) continue;
    const key = dottedName(name) || "_form";
    if (!out[key]) out[key] = /^(\w+:)?validation\./.test(m) ? m : "validation.invalid";
  }
  return out;
}

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

/** A reply for an error found after parsing (a version conflict, a wrong password, a database check). */
export function replyWithErrors(reply: SubmissionResult | undefined, errors: FieldErrors): SubmissionResult {
  const error: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(errors)) error[k === "_form" ? "" : k] = [v];
  return { ...(reply ?? {}), status: "error", error };
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
