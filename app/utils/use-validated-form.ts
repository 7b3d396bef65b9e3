/**
 * The client half of the one form pipeline (docs/decisions/050, 095): conform's `useForm` checks
 * a form in the browser with the same zod schema the action parses with, on blur and on submit,
 * and focuses the first invalid field. The server's answer is its `lastResult`, so without
 * JavaScript the page renders the same errors from the action's data.
 *
 * Only client-safe modules may be imported here and by the schemas handed to it (./validators,
 * ~shared/*): whatever a schema imports is shipped to the browser.
 */
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import type { z } from "zod";
import { dottedName, type FieldErrors, firstErrors, postedNames, replyWithErrors } from "./forms";

/** What an action answers with when a form is refused: its reply, or at least its errors. */
export type FormResult = { reply?: SubmissionResult; errors?: FieldErrors } | null | undefined;

/**
 * `schema` may depend on what is posted (the pilot form checks more when it is sent for approval:
 * the submit button's `intent` is in the form data on submit, and absent when a field is left).
 */
export function useValidatedForm(
  schema: z.ZodType | ((formData: FormData) => z.ZodType),
  result: FormResult,
  options: { id?: string } = {},
) {
  // An action that answers only `errors` (e.g. a wrong password) is turned into a reply, so that
  // conform shows them and focuses the first one like its own.
  const lastResult = useMemo((): SubmissionResult | undefined => {
    if (!result) return undefined;
    if (result.reply) return result.reply;
    if (result.errors && Object.keys(result.errors).length) return replyWithErrors(undefined, result.errors);
    // An answer without errors (a password changed) clears the errors the browser found before.
    return { initialValue: null };
  }, [result]);
  const [form] = useForm({
    id: options.id,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      postedNames(
        parseWithZod(formData, {
          schema: typeof schema === "function" ? schema(formData) : schema,
          disableAutoCoercion: true,
        }),
      ),
  });
  // Messages the server sent (a wrong password, "account:password.mismatch") are shown as sent;
  // firstErrors keeps only validation.* keys from the schema.
  const sent = new Set(Object.values(result?.errors ?? {}));
  const errors = firstErrors(form.allErrors);
  for (const [name, messages] of Object.entries(form.allErrors)) {
    const m = messages?.[0];
    if (m && sent.has(m)) errors[dottedName(name) || "_form"] = m;
  }
  // A form-level error from the server (a wrong password) stays until the next answer.
  const formError = result?.errors?._form;
  if (formError && !errors._form) errors._form = formError;
  return {
    form,
    /** Spread on the <Form>: its id, `noValidate` and conform's submit check. */
    formProps: getFormProps(form),
    /** The first message per field, by posted name; undefined when there is none. */
    errors: Object.keys(errors).length ? errors : undefined,
  };
}
