import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/**
 * Validates form data with a zod schema whose messages are i18n keys (validation.*).
 * Returns the data, or the first error per field plus what the user typed, so nothing is lost.
 */
export function parseForm<S extends z.ZodTypeAny>(schema: S, input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true as const, data: result.data as z.infer<S> };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!errors[key]) errors[key] = issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
  }
  return { ok: false as const, errors };
}

/** FormData as a plain object; repeated names become arrays. */
export function formToObject(form: FormData) {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
