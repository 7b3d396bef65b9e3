import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { VersionConflict } from "~db/queries/conflict";
import { continuationStatusCodes, correctCheck, getCheck, pilotHeading } from "~db/queries/pilot-write.server";
import { Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { checkCorrectionSchema } from "~/utils/check-form";
import { formatDate } from "~/utils/format";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { notFound, requirePilotEditor } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { errorText } from "~/utils/validators";
import { todayIso } from "~shared/dates";
import { CheckForm } from "./pilot/check-form";

/** The pilot's editor, the pilot and its check (404 for a check of another pilot). */
async function load(request: Request, params: { lang?: string; id?: string; checkId?: string }) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const checkId = requireId(params.checkId);
  const user = await requirePilotEditor(request, lang, id);
  const db = await getDb();
  const [pilot, check] = await Promise.all([pilotHeading(db, id), getCheck(db, id, checkId)]);
  if (!pilot || !check) notFound();
  return { lang, id, checkId, user, db, pilot, check };
}

/** A stored month ("2017-05-01") as the form writes it ("5.2017"); a full date as a date. */
const endedOnText = (iso: string | null) => {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  return d === 1 ? `${m}.${y}` : `${d}.${m}.${y}`;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, id, check, pilot, db } = await load(request, params);
  return {
    id,
    title: localizedString(pilot.title, lang),
    statuses: await continuationStatusCodes(db),
    check,
    values: {
      "check.checkedOn": formatDate(lang, check.checkedOn),
      "check.statusCode": check.statusCode,
      "check.endedOn": endedOnText(check.endedOn),
      "check.fundingAfter": check.fundingAfter ?? "",
      "check.evidenceRef": check.evidenceRef ?? "",
      "check.evidenceUrl": check.evidenceUrl ?? "",
      "check.notes": check.notes ?? "",
    } as Record<string, string>,
  };
}

/** Corrects the check: the editor's capability, one parse path, the version-checked write with its audit. */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { lang, id, checkId, user, db } = await load(request, params);
  const statuses = (await continuationStatusCodes(db)).map((s) => s.code);
  const formData = await request.formData();
  const parsed = parseSubmission(formData, checkCorrectionSchema(statuses, todayIso()));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { check, version, reason } = parsed.data;
  try {
    await correctCheck(db, id, checkId, version, check, reason, user.id);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    return data(
      { errors: { _form: "pilots:checkEdit.stale" } as Record<string, string>, values: formValues(formData) },
      { status: 409 },
    );
  }
  return redirect(`/${lang}/pilots/${id}?done=checkCorrected#continuation`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:checkEdit.title") },
];

export default function CorrectCheck() {
  const { id, title, statuses, check, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const errors = (actionData?.errors ?? {}) as Record<string, string>;
  const posted = (actionData?.values as Record<string, string> | undefined) ?? values;
  const { _form: formError, ...fieldErrors } = errors;
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/pilots/${id}#continuation`}>{title || t("untitled")}</Link>
      </p>
      <h1>{t("checkEdit.title")}</h1>
      <p>{t("checkEdit.lead", { date: formatDate(lang, check.checkedOn) })}</p>
      {formError ? (
        <p className="notice notice-warning" role="alert">
          {errorText(t, formError)}
        </p>
      ) : null}
      <CheckForm
        statuses={statuses}
        posted={posted}
        errors={fieldErrors}
        busy={navigation.state === "submitting"}
        intent="correct"
        title={t("checkEdit.formTitle")}
        submitLabel={t("checkEdit.submit")}
        hidden={{ version: check.version }}
      >
        <Field
          name="reason"
          label={t("checkEdit.reason")}
          hint={t("checkEdit.reasonHint")}
          multiline
          rows={2}
          required
          maxLength={500}
          defaultValue={posted.reason}
          error={fieldErrors.reason}
        />
      </CheckForm>
      <h2>{t("checkEdit.deleteTitle")}</h2>
      <p>
        <Link className="button button-secondary" to={`/${lang}/pilots/${id}/checks/${check.id}/delete`}>
          {t("checkEdit.deleteLink")}
        </Link>
      </p>
    </div>
  );
}
