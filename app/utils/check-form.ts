/** The continuation check form (on the pilot page): its fields are posted as "check.*". */
import { z } from "zod";
import { V } from "./pilot-form";
import { date, M, optionalText, requiredInt, requiredText, url } from "./validators";
import { readEndedOn } from "./ended-on";

export function checkSchema(statusCodes: string[], today: string) {
  return z.object({
    check: z.preprocess(
      (v) => v ?? {},
      z
        .object({
          checkedOn: date({ min: "1990-01-01" }).transform((d, ctx) => {
            if (d == null) {
              ctx.addIssue({ code: "custom", message: V.requiredAlways });
              return z.NEVER;
            }
            if (d > today) {
              ctx.addIssue({ code: "custom", message: V.future });
              return z.NEVER;
            }
            return d;
          }),
          statusCode: z.preprocess(
            (v) => (typeof v === "string" ? v : ""),
            z.string().transform((s, ctx) => {
              if (!statusCodes.includes(s)) {
                ctx.addIssue({ code: "custom", message: s ? M.invalid : V.requiredAlways });
                return z.NEVER;
              }
              return s;
            }),
          ),
          fundingAfter: optionalText(500),
          evidenceRef: optionalText(500),
          evidenceUrl: url().transform((s) => s || null),
          notes: optionalText(5000, { multiline: true }),
          // "Ended on" (only with the status "ended"), read on its own beside the other fields.
          endedOn: z.unknown().optional(),
        })
        // Checked even when other fields fail, so every error shows at once; `check` then holds what
        // could be read (an unreadable check date is left out of the comparison).
        .superRefine(
          (check, ctx) => {
            const endedOn = readEndedOn(check.endedOn, check.statusCode, isoOrUndefined(check.checkedOn));
            if (!endedOn.ok) ctx.addIssue({ code: "custom", message: endedOn.error, path: ["endedOn"] });
          },
          { when: () => true },
        )
        .transform((check) => {
          const endedOn = readEndedOn(check.endedOn, check.statusCode, check.checkedOn);
          return { ...check, endedOn: endedOn.ok ? endedOn.value : null };
        }),
    ),
  });
}

const isoOrUndefined = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Why a check is corrected or deleted: required, kept in the audit log. */
export const REASON_MESSAGE = "pilots:validation.reasonRequired";
const reason = () => requiredText(500, { multiline: true, message: REASON_MESSAGE });
const version = () => requiredInt({ min: 1, message: M.invalid });

/** Correcting a check: the check form's fields, the version it was read at and the reason. */
export function checkCorrectionSchema(statusCodes: string[], today: string) {
  return checkSchema(statusCodes, today).extend({ version: version(), reason: reason() });
}

/** Deleting a check: the version it was read at and the reason. */
export const checkDeleteSchema = z.object({ version: version(), reason: reason() });
