/**
 * The errors of the one form pipeline (./forms), by the names the forms post: shared by the action's
 * parse (./forms) and the browser's check (./use-validated-form), and free of zod and conform's
 * runtime, so that a page loads them without the schema library.
 */
import type { SubmissionResult } from "@conform-to/react";

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

/** A reply for an error found after parsing (a version conflict, a wrong password, a database check). */
export function replyWithErrors(reply: SubmissionResult | undefined, errors: FieldErrors): SubmissionResult {
  const error: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(errors)) error[k === "_form" ? "" : k] = [v];
  return { ...(reply ?? {}), status: "error", error };
}
