/**
 * The admin's account forms: inviting a user, and a user's role and scope. Client-safe (built from
 * ./validators and ~shared/codes only): the actions parse with these and the pages check with the same
 * schemas in the browser (docs/decisions/095).
 */
import { z } from "zod";
import { ROLES } from "~shared/codes";
import { M, one, requiredChoice, requiredEmail, text } from "./validators";

/** The roles an admin invites to; artists register themselves. */
export const INVITE_ROLES = ["staff", "council", "admin"] as const;

/** A multi-select's values: missing, one string or several, as a list without blanks. */
const manyStrings = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [one(v)]),
  z.array(z.string().max(20, M.invalid)).max(400, M.invalid),
);

/** Role and scope as the admin's forms send them; staff need at least one municipality or organisation. */
export const ScopeSchema = z.object({
  role: requiredChoice(INVITE_ROLES, M.invalid),
  municipalities: manyStrings.pipe(z.array(z.string().regex(/^\d{3}$/, M.invalid))),
  organisations: manyStrings.pipe(z.array(z.string().regex(/^\d{1,9}$/, M.invalid)).transform((a) => a.map(Number))),
});

/** The scope a role keeps: staff their municipalities and organisations, other roles none. */
export function scopeErrors(data: { role: string; municipalities: string[]; organisations: number[] }) {
  if (data.role === "staff" && data.municipalities.length === 0 && data.organisations.length === 0) {
    return { municipalities: "admin:scope.required" } as Record<string, string>;
  }
  return null;
}

/** The admin's invitation form. */
export const InviteSchema = ScopeSchema.extend({
  email: requiredEmail(),
  name: text(200),
  language: requiredChoice(["fi", "sv"] as const, M.invalid),
});

/** Which of the user page's forms was sent. */
export const UserIntentSchema = z.object({
  intent: requiredChoice(["update", "disable", "enable"] as const, M.invalid),
});

/** The user page's role and scope form: any role, artists included. */
export const UserUpdateSchema = ScopeSchema.extend({ role: requiredChoice(ROLES, M.invalid) });
