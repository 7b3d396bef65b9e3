/**
 * The browser's check of a form (loaded by ./use-validated-form when a form is first used, not with
 * the page): conform's `parseWithZod` with the action's schema, as ./forms parses the POST.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { postedNames } from "./form-errors";

/** A form's schema, or one chosen by what is posted (the pilot form's submit button's `intent`). */
export type FormSchema = z.ZodType | ((formData: FormData) => z.ZodType);

/** Every field's messages by the name the form posts ("" for the form's own); empty when valid. */
export function checkForm(schema: FormSchema, formData: FormData): Record<string, string[]> {
  const submission = postedNames(
    parseWithZod(formData, {
      schema: typeof schema === "function" ? schema(formData) : schema,
      disableAutoCoercion: true,
    }),
  );
  const out: Record<string, string[]> = {};
  if (submission.status === "success") return out;
  for (const [name, messages] of Object.entries(submission.error ?? {})) if (messages?.length) out[name] = messages;
  return out;
}
