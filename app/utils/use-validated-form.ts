/**
 * The client half of the one form pipeline (docs/decisions/050, 095, 146): a form is checked in the
 * browser with the same zod schema the action parses with, on leaving a field (again on each input
 * once a field was checked) and on submit, and the first invalid field gets focus. The server's
 * answer (`result`) is shown as it came, so without JavaScript the page renders the same errors.
 *
 * The schema library is not part of a page's first load: `load` imports the schema (and
 * ./form-check, conform's `parseWithZod`) when the browser is idle after hydration. A submit before
 * it has arrived goes to the server, which checks it as it checks a form without JavaScript; a field
 * left before then is checked when it arrives. `load` must be stable: a module-level function, or one
 * memoized on what the schema depends on (it is loaded again when it changes).
 *
 * Whatever a schema module imports is shipped to the browser (lazily): only client-safe modules
 * (./validators, ~shared/*).
 */
import type { SubmissionResult } from "@conform-to/react";
import { type FocusEvent, type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { FormSchema } from "./form-check";
import { dottedName, firstErrors, replyWithErrors, type FieldErrors } from "./form-errors";

/** What an action answers with when a form is refused: its reply, or at least its errors. */
export type FormResult = { reply?: SubmissionResult; errors?: FieldErrors } | null | undefined;

/** Imports a form's schema (or the function choosing it by what is posted). */
export type SchemaLoader = () => FormSchema | Promise<FormSchema>;

type Messages = Record<string, string[]>;
/** The errors shown (of the fields checked so far) and which fields were checked, by posted name. */
type Shown = { error: Messages; checked: Record<string, boolean> };
type Ready = { load: SchemaLoader; check: (formData: FormData) => Messages };

const importCheck = () => import("./form-check");

function fromReply(reply: SubmissionResult | undefined): Shown {
  const shown: Shown = { error: {}, checked: {} };
  if (!reply || reply.initialValue === null) return shown;
  for (const name of Object.keys(reply.state?.validated ?? {})) shown.checked[dottedName(name)] = true;
  for (const [name, messages] of Object.entries(reply.error ?? {})) {
    if (!messages?.length) continue;
    shown.error[dottedName(name)] = messages;
    shown.checked[dottedName(name)] = true;
  }
  return shown;
}

/** The errors of the checked fields (a checked list or group shows its rows' errors too). */
function ofChecked(error: Messages, checked: Shown["checked"]): Messages {
  const names = Object.keys(checked).filter((n) => checked[n]);
  const out: Messages = {};
  for (const [name, messages] of Object.entries(error)) {
    if (checked[name] || names.some((n) => n && name.startsWith(`${n}.`))) out[name] = messages;
  }
  return out;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;
const isControl = (el: unknown): el is Control =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLSelectElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLButtonElement;

function focusFirstInvalid(form: HTMLFormElement, error: Messages) {
  for (const el of Array.from(form.elements)) {
    if (isControl(el) && el.name && error[el.name]) return el.focus();
  }
}

/** The form's data as a submit posts it: the pressed button's name and value included. */
function submitted(form: HTMLFormElement, submitter: HTMLElement | null) {
  try {
    return new FormData(form, submitter);
  } catch {
    const data = new FormData(form);
    if (isControl(submitter) && submitter.name) data.append(submitter.name, submitter.value);
    return data;
  }
}

/**
 * `load` may choose the schema by what is posted (the pilot form checks more when it is sent for
 * approval: the submit button's `intent` is in the form data on submit, and absent when a field is left).
 */
export function useValidatedForm(load: SchemaLoader, result: FormResult, options: { id?: string } = {}) {
  const ownId = useId();
  const id = options.id ?? ownId;
  // An action that answers only `errors` (e.g. a wrong password) is turned into a reply, so that
  // it is shown and focused like the browser's own.
  const lastResult = useMemo((): SubmissionResult | undefined => {
    if (!result) return undefined;
    if (result.reply) return result.reply;
    if (result.errors && Object.keys(result.errors).length) return replyWithErrors(undefined, result.errors);
    // An answer without errors (a password changed) clears the errors the browser found before.
    return { initialValue: null };
  }, [result]);
  const [shown, setShown] = useState(() => fromReply(lastResult));
  const current = useRef({ shown, load });
  current.current = { shown, load };

  // A new answer from the server replaces what is shown; its first invalid field gets focus.
  const reported = useRef(lastResult);
  useEffect(() => {
    if (!lastResult || reported.current === lastResult) return;
    reported.current = lastResult;
    const next = fromReply(lastResult);
    setShown(next);
    const form = document.getElementById(id);
    if (lastResult.status === "error" && form instanceof HTMLFormElement) focusFirstInvalid(form, next.error);
  }, [lastResult, id]);

  const ready = useRef<Ready | null>(null);
  const ensure = useCallback(async (): Promise<Ready> => {
    const wanted = current.current.load;
    if (ready.current?.load === wanted) return ready.current;
    const [{ checkForm }, schema] = await Promise.all([importCheck(), wanted()]);
    const next = { load: wanted, check: (formData: FormData) => checkForm(schema, formData) };
    if (current.current.load === wanted) ready.current = next;
    return next;
  }, []);
  // Loaded when the browser is idle after hydration (and again when the schema's inputs change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is read through `current`
  useEffect(() => {
    const start = () => void ensure().catch(() => undefined);
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(start, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(start, 1);
    return () => clearTimeout(handle);
  }, [ensure, load]);

  /** Checks the form when the schema is there, and shows the errors of `names` and of those checked before. */
  const checkFields = (form: HTMLFormElement, names: string[]) =>
    ensure()
      .then(({ check }) => {
        const error = check(new FormData(form));
        setShown((prev) => {
          const checked = { ...prev.checked };
          for (const name of names) checked[name] = true;
          return { error: ofChecked(error, checked), checked };
        });
      })
      .catch(() => undefined);

  const formProps = {
    id,
    noValidate: true,
    onBlur(event: FocusEvent<HTMLFormElement>) {
      const el = event.target;
      if (!isControl(el) || !el.name || el.form !== event.currentTarget) return;
      if (!current.current.shown.checked[el.name]) void checkFields(event.currentTarget, [el.name]);
    },
    onInput(event: FormEvent<HTMLFormElement>) {
      const el = event.target;
      if (!isControl(el) || !el.name || el.form !== event.currentTarget) return;
      if (current.current.shown.checked[el.name]) void checkFields(event.currentTarget, [el.name]);
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      const form = event.currentTarget;
      const loaded = ready.current?.load === current.current.load ? ready.current : null;
      // Not loaded yet: the server checks the form, as without JavaScript.
      if (!loaded) return void ensure().catch(() => undefined);
      const error = loaded.check(submitted(form, (event.nativeEvent as SubmitEvent).submitter));
      const checked: Shown["checked"] = { "": true };
      for (const el of Array.from(form.elements)) if (isControl(el) && el.name) checked[el.name] = true;
      for (const name of Object.keys(error)) checked[name] = true;
      setShown({ error, checked });
      if (Object.keys(error).length) {
        event.preventDefault();
        focusFirstInvalid(form, error);
      }
    },
  };

  // Messages the server sent (a wrong password, "account:password.mismatch") are shown as sent;
  // firstErrors keeps only validation.* keys from the schema.
  const sent = new Set(Object.values(result?.errors ?? {}));
  const errors = firstErrors(shown.error);
  for (const [name, messages] of Object.entries(shown.error)) {
    const m = messages?.[0];
    if (m && sent.has(m)) errors[dottedName(name) || "_form"] = m;
  }
  // A form-level error from the server (a wrong password) stays until the next answer.
  const formError = result?.errors?._form;
  if (formError && !errors._form) errors._form = formError;
  return {
    /** Spread on the <Form>: its id, `noValidate` and the browser's checks. */
    formProps,
    /** The first message per field, by posted name; undefined when there is none. */
    errors: Object.keys(errors).length ? errors : undefined,
  };
}
