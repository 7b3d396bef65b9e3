/** Shared pieces of the account flows: emails in the recipient's language, scope writes, form schemas. */
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "~db/connect";
import { auditEvents, userMunicipalities, userOrganisations } from "~db/schema";
import { getI18n, isLang, type Lang } from "~/i18n";
import { deliverEmail, queueEmail, type Email } from "./email.server";
import { formatDateTime } from "./format";
import { checkPassword } from "./password-policy.server";

export type AccountEmailKind = "invite" | "reset" | "verify" | "exists";

/** Subject and body from locales/{lang}/account.json (email.<kind>), in the recipient's language. */
export function accountEmail(
  kind: AccountEmailKind,
  to: string,
  language: string,
  vars: Record<string, string | Date>,
): Email {
  const lang: Lang = isLang(language) ? language : "fi";
  const t = getI18n(lang).getFixedT(lang, "account");
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) values[k] = v instanceof Date ? formatDateTime(lang, v) : v;
  return {
    kind,
    to,
    language: lang,
    subject: t(`email.${kind}.subject`, values),
    body: t(`email.${kind}.body`, values),
  };
}

/**
 * Queues an email inside the caller's transaction and returns what to deliver after the commit.
 * Use: `const send = await db.transaction(async (tx) => { …; return queueAccountEmail(tx, email); }); await send();`
 */
export async function queueAccountEmail(tx: DbOrTx, email: Email) {
  const id = await queueEmail(tx, email);
  return (db: Db) => deliverEmail(db, id, email);
}

/** Replaces a user's municipalities and organisations. */
export async function setUserScope(
  tx: DbOrTx,
  userId: number,
  scope: { municipalities: string[]; organisations: number[] },
) {
  await tx.delete(userMunicipalities).where(eq(userMunicipalities.userId, userId));
  await tx.delete(userOrganisations).where(eq(userOrganisations.userId, userId));
  if (scope.municipalities.length) {
    await tx
      .insert(userMunicipalities)
      .values(scope.municipalities.map((municipalityCode) => ({ userId, municipalityCode })));
  }
  if (scope.organisations.length) {
    await tx
      .insert(userOrganisations)
      .values(scope.organisations.map((organisationId) => ({ userId, organisationId })));
  }
}

/** A form value that may be missing, one string or several, as a list. */
export const manyStrings = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
  z.array(z.string().max(20, "validation.invalid")).max(400, "validation.invalid"),
);

/** The policy's verdict on a new password (docs/decisions/016), then whether the repetition matches; null when fine. */
export function passwordErrors(
  password: string,
  confirm: string,
  personal: { email?: string | null; name?: string | null } = {},
): Record<string, string> | null {
  const policy = checkPassword(password, personal);
  if (policy) return { password: policy };
  if (password !== confirm) return { passwordConfirm: "account:password.mismatch" };
  return null;
}

/** What an invitation carries: the role and, for staff, the scope, chosen by the admin. */
export const InvitePayload = z.object({
  role: z.enum(["staff", "council", "admin"]),
  name: z.string().max(200).default(""),
  language: z.enum(["fi", "sv"]),
  municipalities: z.array(z.string()).default([]),
  organisations: z.array(z.number().int()).default([]),
});
export type InvitePayload = z.infer<typeof InvitePayload>;

/** Role and scope as the admin's forms send them; staff need at least one municipality or organisation. */
export const ScopeSchema = z.object({
  role: z.enum(["staff", "council", "admin"], { message: "validation.invalid" }),
  municipalities: manyStrings.pipe(z.array(z.string().regex(/^\d{3}$/, "validation.invalid"))),
  organisations: manyStrings.pipe(
    z.array(z.string().regex(/^\d{1,9}$/, "validation.invalid")).transform((a) => a.map(Number)),
  ),
});

/** The scope a role keeps: staff their municipalities and organisations, other roles none. */
export function scopeErrors(data: z.infer<typeof ScopeSchema>): Record<string, string> | null {
  if (data.role === "staff" && data.municipalities.length === 0 && data.organisations.length === 0) {
    return { municipalities: "admin:scope.required" };
  }
  return null;
}

/** At most this many messages an hour go to one address from the public forms (registration, reset). */
export const PUBLIC_MAIL_PER_HOUR = 5;

/** The audit actions of the messages the public forms send (registration, reset); only these count. */
const PUBLIC_MAIL_ACTIONS = ["register", "register.existing", "register.resendVerification", "password.resetRequested"];

/**
 * Has the address had its share of mail from the public forms this hour? Then they send nothing more
 * (and answer exactly as usual), so they cannot be used to flood someone's mailbox. Mail the app sends
 * on its own (follow-up requests, workflow notices) does not use up the quota.
 */
export async function mailQuotaReached(tx: DbOrTx, to: string) {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, "user"),
        inArray(auditEvents.action, PUBLIC_MAIL_ACTIONS),
        sql`${auditEvents.entityId} in (select id::text from users where email = ${to})`,
        gt(auditEvents.at, sql`now() - interval '1 hour'`),
      ),
    );
  return n >= PUBLIC_MAIL_PER_HOUR;
}
