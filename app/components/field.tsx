import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The id of a form field named `name` (its label, hint and error hang off it). */
export const fieldId = (name: string) => `f-${name.replace(/[^\w-]/g, "-")}`;

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
}) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null, alsoDescribedBy].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    lang,
  };
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
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
      {multiline ? (
        <textarea rows={rows ?? 4} {...common} />
      ) : (
        <input type={type} autoComplete={autoComplete} inputMode={inputMode} list={list} {...common} />
      )}
    </div>
  );
}

/**
 * A labelled select: first the empty choice `none` (e.g. "All"), then `children` (extra fixed
 * choices), then `options`; its error beside it, linked for screen readers.
 */
export function SelectField({
  name,
  label,
  value,
  options,
  none,
  error,
  children,
}: {
  name: string;
  label: string;
  value?: string | number | null;
  options: { value: string; label: string }[];
  none: string;
  error?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = fieldId(name);
  return (
    <div className={`field ${error ? "field-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={value == null ? "" : String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{none}</option>
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
              t(message)
            ) : (
              <a href={`#f-${field.replace(/[^\w-]/g, "-")}`}>
                {labels[field] ?? field}: {t(message)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
