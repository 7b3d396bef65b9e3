/**
 * Validation messages: a locale key with parameters after a "|" ("validation.tooLong|max=300"), made
 * by the validators (app/utils/validators.ts) and rendered by the forms. Kept apart from the
 * validators so that a page that only shows messages does not load the schema library.
 */
export const M = {
  required: "validation.required",
  tooLong: "validation.tooLong",
  controlChars: "validation.controlChars",
  date: "validation.date",
  dateNotExist: "validation.dateNotExist",
  dateRange: "validation.dateRange",
  email: "validation.email",
  url: "validation.url",
  integer: "validation.integer",
  decimal: "validation.decimal",
  amount: "validation.amount",
  invalid: "validation.invalid",
} as const;

/** A message key with parameters: withParams("validation.tooLong", { max: 300 }) → "validation.tooLong|max=300". */
export function withParams(key: string, params: Record<string, string | number>) {
  return `${key}|${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** Splits a message into its locale key and parameters. */
function splitMessage(message: string): [string, Record<string, string>] {
  const bar = message.indexOf("|");
  if (bar < 0) return [message, {}];
  return [message.slice(0, bar), Object.fromEntries(new URLSearchParams(message.slice(bar + 1)))];
}

/** Renders a validation message in the page's language. */
export function errorText(t: (key: string, options?: Record<string, unknown>) => string, message: string) {
  const [key, params] = splitMessage(message);
  return t(key, params);
}
