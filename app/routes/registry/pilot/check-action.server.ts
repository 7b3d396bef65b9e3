import { data, redirect } from "@remix-run/node";
import type { DbOrTx } from "~db/connect";
import { addContinuationCheck, continuationStatusCodes } from "~db/queries/continuation-checks.server";
import { checkSchema } from "~/utils/check-form";
import { parseSubmission } from "~/utils/forms";
import type { requirePilotEditor } from "~/utils/permissions.server";
import { todayIso } from "~shared/dates";

type Editor = Awaited<ReturnType<typeof requirePilotEditor>>;

/** Adds a continuation check posted from the pilot page's check form (`intent=addCheck`). */
export async function checkAction(db: DbOrTx, lang: string, id: number, user: Editor, formData: FormData) {
  const intent = "addCheck" as const;
  const statuses = (await continuationStatusCodes(db)).map((s) => s.code);
  const check = parseSubmission(formData, checkSchema(statuses, todayIso()));
  if (!check.ok)
    return data({ intent, errors: check.errors, values: check.values, reply: check.reply }, { status: 400 });
  await addContinuationCheck(db, id, check.data.check, user);
  return redirect(`/${lang}/pilots/${id}?done=checkAdded#continuation`);
}
