/** Shared pieces of the account flows: emails in the recipient's language, the password policy's verdict. */
import { z } from "zod";
import type { Db, DbOrTx } from "~db/connect";
import { getI18n, isLang, type Lang } from "~/i18n";
import { INVITE_ROLES } from "./account-schemas";
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
  role: z.enum(INVITE_ROLES),
  name: z.string().max(200).default(""),
  language: z.enum(["fi", "sv"]),
  municipalities: z.array(z.string()).default([]),
  organisations: z.array(z.number().int()).default([]),
});
export type InvitePayload = z.infer<typeof InvitePayload>;
