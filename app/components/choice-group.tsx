import { useTranslation } from "react-i18next";
import { ErrorText, fieldId } from "./field";

/** A fieldset of checkboxes (or radios) with a legend and its error, linked for screen readers. */
export function ChoiceGroup({
  name,
  legend,
  options,
  selected,
  error,
  type = "checkbox",
  required,
  columns,
  id: idProp,
}: {
  id?: string;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  error?: string;
  type?: "checkbox" | "radio";
  required?: boolean;
  columns?: boolean;
}) {
  const { t } = useTranslation();
  const id = idProp ?? fieldId(name);
  return (
    <fieldset
      className={`field choice-group ${error ? "field-error" : ""}`}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {legend}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </legend>
      {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
      <div className={columns ? "choices choices-columns" : "choices"}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type={type} name={name} value={o.value} defaultChecked={selected.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A single checkbox with its label and an optional hint. */
export function Checkbox({
  name,
  label,
  hint,
  checked,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
}) {
  const id = fieldId(name);
  return (
    <div className="field checkbox-field">
      <input
        type="checkbox"
        id={id}
        name={name}
        defaultChecked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />{" "}
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Values of a repeated form field as an array. */
export function asArray(v: unknown): string[] {
  if (v == null || v === "") return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}
