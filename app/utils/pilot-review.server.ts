/**
 * The pilot page's review of a published pilot's pending edit and its withdrawal (docs/decisions/070,
 * 071): what the loader adds for editors and the council, and the council's intents
 * `approveRevision`, `returnRevision` and `unpublish`.
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "~db/connect";
import {
  approveRevision,
  getRevision,
  returnRevision,
  unpublishPilot,
  type ComposeNotice,
} from "~db/queries/pilot-revisions.server";
import { loadFormOptions, loadPilotInput } from "~db/queries/pilot-form-data.server";
import { getI18n, type Lang } from "~/i18n";
import { deliverEmail, publicUrl } from "./email.server";
import { localizedString } from "./localized";
import { forbidden, isCouncil, type Viewer } from "./permissions.server";
import { pilotDiff } from "./pilot-diff";
import { formValues, parseSubmission } from "./forms";
import { V } from "./pilot-form";
import { M, optionalText, requiredChoice, requiredInt } from "./validators";

export const REVIEW_INTENTS = ["approveRevision", "returnRevision", "unpublish"] as const;
export const isReviewIntent = (intent: unknown): intent is (typeof REVIEW_INTENTS)[number] =>
  REVIEW_INTENTS.includes(intent as (typeof REVIEW_INTENTS)[number]);

/** The pending revision and its difference from the approved version, for the pilot's editors and the council. */
export async function loadReview(db: Db, id: number, lang: Lang) {
  const revision = await getRevision(db, id);
  if (!revision) return null;
  const [approved, options] = await Promise.all([loadPilotInput(db, id), loadFormOptions(db)]);
  if (!approved) return null;
  return {
    state: revision.state,
    returnComment: revision.returnComment,
    author: revision.authorName ?? "",
    updatedAt: revision.updatedAt.toISOString(),
    rows: pilotDiff(approved.input, revision.input, options, lang),
  };
}
export type Review = NonNullable<Awaited<ReturnType<typeof loadReview>>>;

const ReviewSchema = z.object({
  intent: requiredChoice(REVIEW_INTENTS),
  version: requiredInt({ min: 0, message: M.invalid }),
  // The return's comment, or the withdrawal's reason (its own field: both forms can be on the page).
  comment: optionalText(2000, { multiline: true }),
  reason: optionalText(2000, { multiline: true }),
});

/** The council's review intents on the pilot page. The caller has checked origin and that the user may edit. */
export async function handleReviewIntent(
  _request: Request,
  db: Db,
  lang: Lang,
  user: NonNullable<Viewer>,
  id: number,
  formData: FormData,
) {
  if (!isCouncil(user)) forbidden();
  const parsed = parseSubmission(formData, ReviewSchema);
  const form = formValues(formData);
  if (!parsed.ok) {
    const field = form.intent === "unpublish" ? "reason" : "comment";
    if (parsed.errors[field])
      return data({ intent: String(form.intent), errors: parsed.errors, values: form }, { status: 400 });
    throw data({ status: 400 }, { status: 400 });
  }
  const { intent, version } = parsed.data;
  const comment = intent === "unpublish" ? parsed.data.reason : parsed.data.comment;
  const stale = () =>
    data(
      { intent, errors: { _form: "pilots:actions.stale" } as Record<string, string>, values: form },
      { status: 409 },
    );
  if (intent === "approveRevision") {
    if (!(await approveRevision(db, id, version, user.id))) return stale();
    return redirect(`/${lang}/pilots/${id}?done=revisionApproved`);
  }
  if (!comment) {
    return data(
      {
        intent,
        errors: { [intent === "unpublish" ? "reason" : "comment"]: V.commentRequired } as Record<string, string>,
        values: form,
      },
      { status: 400 },
    );
  }
  const base = publicUrl();
  const compose =
    (kind: "Return" | "Unpublish"): ComposeNotice =>
    ({ language, title, comment: c }) => {
      const t = getI18n(language).t;
      const name = localizedString(title, language) || t("pilots:untitled");
      const url = `${base}/${language}/pilots/${id}${kind === "Return" ? "/edit" : ""}`;
      return {
        subject: t(`pilots:revision.email${kind}Subject`, { title: name, interpolation: { escapeValue: false } }),
        body: t(`pilots:revision.email${kind}Body`, {
          title: name,
          comment: c,
          url,
          interpolation: { escapeValue: false },
        }),
      };
    };
  const result =
    intent === "returnRevision"
      ? await returnRevision(db, id, version, comment, user.id, compose("Return"))
      : await unpublishPilot(db, id, version, comment, user.id, compose("Unpublish"));
  if (!result) return stale();
  for (const mail of result.mails) await deliverEmail(db, mail.id, mail.email);
  return redirect(`/${lang}/pilots/${id}?done=${intent === "returnRevision" ? "revisionReturned" : "unpublished"}`);
}
