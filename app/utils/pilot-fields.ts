/**
 * The pilot form's translatable fields and their limits, and the shape of its values: what the form's
 * components need without the schema (./pilot-form), which the browser loads only to check the form.
 */
export const LOCALIZED_FIELDS = [
  "title",
  "summary",
  "easyRead",
  "description",
  "gpProblem",
  "gpSolution",
  "gpResultsClient",
  "gpResultsService",
  "gpResultsSociety",
] as const;
export type LocalizedField = (typeof LOCALIZED_FIELDS)[number];
/** The most characters each translatable text holds (the form says it and counts). */
export const TEXT_LIMITS: Record<LocalizedField, number> = {
  title: 300,
  summary: 1000,
  easyRead: 1500,
  description: 20000,
  gpProblem: 5000,
  gpSolution: 5000,
  gpResultsClient: 5000,
  gpResultsService: 5000,
  gpResultsSociety: 5000,
};

export type FormValues = Record<string, string | string[]>;
