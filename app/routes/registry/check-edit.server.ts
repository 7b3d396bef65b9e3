/** What the check-correction and check-deletion routes share: who may, which check, a stale edit's answer. */
import { data } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { VersionConflict } from "~db/queries/conflict";
import { getCheck } from "~db/queries/continuation-checks.server";
import { pilotHeading } from "~db/queries/pilot-form-data.server";
import { formValues } from "~/utils/forms";
import { requireId, requireLang } from "~/utils/lang.server";
import { notFound, requirePilotEditor } from "~/utils/permissions.server";

/** The pilot's editor, the pilot and its check (404 for a check of another pilot, or one deleted already). */
export async function loadCheckForEdit(request: Request, params: { lang?: string; id?: string; checkId?: string }) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const checkId = requireId(params.checkId);
  const user = await requirePilotEditor(request, lang, id);
  const db = await getDb();
  const [pilot, check] = await Promise.all([pilotHeading(db, id), getCheck(db, id, checkId)]);
  if (!pilot || !check) notFound();
  return { lang, id, checkId, user, db, pilot, check };
}

/** Runs a version-checked write; someone else's change in between answers 409 with the form kept. */
export async function unlessStale(formData: FormData, write: () => Promise<unknown>) {
  try {
    await write();
    return null;
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    return data(
      { errors: { _form: "pilots:checkEdit.stale" } as Record<string, string>, values: formValues(formData) },
      { status: 409 },
    );
  }
}
