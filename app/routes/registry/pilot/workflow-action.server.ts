import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { DbOrTx } from "~db/connect";
import { VersionConflict } from "~db/queries/conflict";
import { transitionPilot } from "~db/queries/pilot-write.server";
import { formValues, parseSubmission } from "~/utils/forms";
import { can, forbidden, type requirePilotEditor } from "~/utils/permissions.server";
import { V } from "~/utils/pilot-form";
import { int, M, optionalText, requiredChoice } from "~/utils/validators";
import { workflowMail } from "~/utils/workflow-mail.server";
import { checkAction } from "./check-action.server";

type Editor = Awaited<ReturnType<typeof requirePilotEditor>>;

const WorkflowSchema = z.object({
  intent: requiredChoice(["publish", "return", "addCheck"]),
  version: int({ min: 0, message: M.invalid }),
  comment: optionalText(2000, { multiline: true }),
});

/**
 * The pilot page's own intents after the review intents: publish or return (the council's), or add a
 * continuation check (any editor's). Errors come back as action data, so the page shows them beside
 * the form that was posted, with JavaScript or without.
 */
export async function workflowAction(db: DbOrTx, lang: string, id: number, user: Editor, formData: FormData) {
  const parsed = parseSubmission(formData, WorkflowSchema);
  if (!parsed.ok) {
    // The workflow buttons post nothing a person typed but the comment: a bad one is shown beside it.
    if (parsed.errors.comment && formData.get("intent") === "return")
      return data(
        { intent: "return" as const, errors: parsed.errors, values: parsed.values, reply: parsed.reply },
        { status: 400 },
      );
    throw data({ status: 400 }, { status: 400 });
  }
  const form = formValues(formData);
  const { intent, version, comment } = parsed.data;
  if (intent === "addCheck") return checkAction(db, lang, id, user, formData);
  // Publishing and returning are the council's.
  if (!can.publish(user)) forbidden();
  if (version == null) throw data({ status: 400 }, { status: 400 });
  if (intent === "return" && !comment) {
    return data(
      { intent, errors: { comment: V.commentRequired } as Record<string, string>, values: form, reply: undefined },
      { status: 400 },
    );
  }
  try {
    await transitionPilot(
      db,
      id,
      version,
      intent === "publish"
        ? { state: "published", from: ["submitted"] }
        : { state: "draft", from: ["submitted"], comment },
      user.id,
      workflowMail(user, intent === "return" ? (comment ?? null) : null),
    );
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    return data(
      { intent, errors: { _form: "pilots:actions.stale" } as Record<string, string>, values: form, reply: undefined },
      { status: 409 },
    );
  }
  return redirect(`/${lang}/pilots/${id}?done=${intent === "publish" ? "published" : "returnedDone"}`);
}
