import { type MouseEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "~/utils/messages";

/** The id of a form field named `name` (its label, hint and error hang off it). */
export const fieldId = (name: string) => `f-${name.replace(/[^\w-]/g, "-")}`;

/** A field's error message, in the page's language. */
export function ErrorText({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p className="error-text" id={id}>
      {errorText(t, message)}
    </p>
  );
}

/** How many characters a field holds of its limit: shown once JavaScript runs (the hint says the limit without it). */
function Counter({ id, count, max }: { id: string; count: number; max: number }) {
  const { t } = useTranslation();
  return (
    <p className={`counter ${count > max ? "counter-over" : ""}`} id={id} aria-hidden="true">
      {t("validation.counter", { count, max })}
    </p>
  );
}

/** A labelled input with its error beside it, linked for screen readers. */
export function Field({
  name,
  label,
  error,
  hint,
  type = "text",
  defaultValue,
  required,
  autoComplete,
  inputMode,
  multiline,
  rows,
  lang,
  className,
  list,
  maxLength,
  describedBy: alsoDescribedBy,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "text" | "decimal" | "numeric" | "email" | "url" | "tel";
  multiline?: boolean;
  rows?: number;
  lang?: string;
  className?: string;
  /** A <datalist> of suggestions. */
  list?: string;
  /** Another element that describes the field, e.g. a hint shared by several fields. */
  describedBy?: string;
  /** The schema's limit: said in the hint, and counted as the user types. The form refuses more (nothing is cut). */
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const [count, setCount] = useState<number | null>(null);
  const limit = maxLength ? t("validation.limit", { max: maxLength }) : null;
  const hintText = [hint, limit].filter(Boolean).join(" ");
  const describedBy =
    [hintText ? `${id}-hint` : null, error ? `${id}-error` : null, alsoDescribedBy].filter(Boolean).join(" ") ||
    undefined;
  const common = {
    id,
    name,
    defaultValue,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    lang,
    onInput: maxLength
      ? (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => setCount(e.currentTarget.value.length)
      : undefined,
  };
  return (
    <div className={`field ${error ? "field-error" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </label>
      {hintText ? (
        <p className="hint" id={`${id}-hint`}>
          {hintText}
        </p>
      ) : null}
      {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
      {multiline ? (
        <textarea rows={rows ?? 4} {...common} />
      ) : (
        <input type={type} autoComplete={autoComplete} inputMode={inputMode} list={list} {...common} />
      )}
      {maxLength ? <Counter id={`${id}-counter`} count={count ?? defaultValue?.length ?? 0} max={maxLength} /> : null}
    </div>
  );
}

/**
 * The one date input: a text field typed as dd.mm.yyyy with the format said in its hint (the schemas'
 * `date()` reads it, and ISO too). Not `type="date"`: its format follows the browser's locale, not
 * the page's, and it cannot show what was typed wrong. No numeric keyboard: iOS's has no full stop.
 */
export function DateField({
  hint,
  ...props
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return <Field {...props} hint={[t("form.dateHint"), hint].filter(Boolean).join(" ")} autoComplete="off" />;
}

/**
 * A labelled select: first the empty choice `none` (e.g. "All"), then `children` (extra fixed
 * choices, or option groups), then `options`; its error beside it, linked for screen readers.
 * `multiple` makes it a list box whose `value` is the chosen values.
 */
export function SelectField({
  name,
  label,
  value,
  options,
  none,
  error,
  children,
  required,
  hint,
  id: idProp,
  className,
  lang,
  multiple,
  size,
}: {
  name: string;
  label: string;
  value?: string | number | null | string[];
  options: { value: string; label: string }[];
  /** The empty choice's text ("All", "Choose…"); null when there is no empty choice. */
  none: string | null;
  error?: string;
  children?: ReactNode;
  required?: boolean;
  hint?: string;
  id?: string;
  className?: string;
  lang?: string;
  multiple?: boolean;
  size?: number;
}) {
  const { t } = useTranslation();
  const id = idProp ?? fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${error ? "field-error" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
      <select
        id={id}
        name={name}
        defaultValue={Array.isArray(value) ? value : value == null ? "" : String(value)}
        multiple={multiple}
        size={size}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        lang={lang}
      >
        {none == null ? null : <option value="">{none}</option>}
        {children}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A summary link moves focus to its field and keeps the page as it is: following the hash would
 * be a navigation, which drops the action's data and with it every error shown.
 */
function focusField(e: MouseEvent<HTMLAnchorElement>) {
  const id = e.currentTarget.hash.slice(1);
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  e.preventDefault();
  const field =
    target instanceof HTMLFieldSetElement
      ? (target.querySelector<HTMLElement>("input, select, textarea") ?? target)
      : target;
  // The label (or legend) above the field is shown too.
  (target.closest(".field") ?? target).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

/** The summary of errors at the top of a form, each linking to its field. */
export function ErrorSummary({ errors, labels }: { errors?: Record<string, string>; labels: Record<string, string> }) {
  const { t } = useTranslation();
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t("form.errorSummary", { count: Object.keys(errors).length })}</h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>
            {field === "_form" ? (
              errorText(t, message)
            ) : (
              <a href={`#${fieldId(field)}`} onClick={focusField}>
                {labels[field] ?? field}: {errorText(t, message)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
