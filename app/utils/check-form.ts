/** The continuation check form (on the pilot page): its fields are posted as "check.*". */
import { z } from "zod";
import { V } from "./pilot-form";
import { date, M, optionalText, url } from "./validators";

export function checkSchema(statusCodes: string[], today: string) {
  return z.object({
    check: z.preprocess(
      (v) => v ?? {},
      z.object({
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
      }),
    ),
  });
}
