/** The continuation check form (on the pilot page): zod schema with i18n-key messages. */
import { z } from "zod";
import { parseDate } from "./format";
import { httpUrl, str, V } from "./pilot-form";
import { readEndedOn } from "./ended-on";

export function checkSchema(statusCodes: string[], today: string) {
  return z.object({
    checkedOn: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s?.trim()) {
          ctx.addIssue({ code: "custom", message: V.requiredAlways });
          return z.NEVER;
        }
        const d = parseDate(s);
        if (!d || d < "1990-01-01" || d > today) {
          ctx.addIssue({ code: "custom", message: d && d > today ? V.future : V.date });
          return z.NEVER;
        }
        return d;
      }),
    statusCode: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s || !statusCodes.includes(s)) {
          ctx.addIssue({ code: "custom", message: V.requiredAlways });
          return z.NEVER;
        }
        return s;
      }),
    fundingAfter: str(500),
    evidenceRef: str(500),
    evidenceUrl: httpUrl,
    notes: str(5000),
  });
}

export function parseCheckForm(input: Record<string, unknown>, statusCodes: string[], today: string) {
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const flat = Object.fromEntries(
    Object.entries(input)
      .filter(([k]) => k.startsWith("check."))
      .map(([k, v]) => [k.slice("check.".length), one(v)]),
  );
  const result = checkSchema(statusCodes, today).safeParse(flat);
  // "Ended on" (only with the status "ended"), read on its own beside the schema.
  const endedOn = readEndedOn(
    flat.endedOn,
    flat.statusCode as string | undefined,
    parseDate(String(flat.checkedOn ?? "")) ?? undefined,
  );
  if (result.success && endedOn.ok) return { ok: true as const, data: { ...result.data, endedOn: endedOn.value } };
  const errors: Record<string, string> = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const key = `check.${issue.path.join(".")}`;
    if (!errors[key]) errors[key] = issue.message.startsWith("pilots:validation.") ? issue.message : V.invalid;
  }
  if (!endedOn.ok) errors["check.endedOn"] = endedOn.error;
  return { ok: false as const, errors };
}
