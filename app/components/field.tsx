import { useTranslation } from "react-i18next";

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
}) {
  const { t } = useTranslation();
  const id = `f-${name.replace(/[^\w-]/g, "-")}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
      {multiline ? <textarea rows={rows ?? 4} {...common} /> : <input type={type} autoComplete={autoComplete} inputMode={inputMode} {...common} />}
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
