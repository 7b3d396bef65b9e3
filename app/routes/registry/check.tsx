import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { continuationStatusCodes, correctCheck } from "~db/queries/continuation-checks.server";
import { Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { checkCorrectionSchema } from "~/utils/check-form";
import { formatDate } from "~/utils/format";
import { parseSubmission } from "~/utils/forms";
import { localizedString } from "~/utils/localized";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { loadCheckForEdit, unlessStale } from "./check-edit.server";
import { errorText } from "~/utils/messages";
import { todayIso } from "~shared/dates";
import { CheckForm } from "./pilot/check-form";

/** A stored month ("2017-05-01") as the form writes it ("5.2017"); a full date as a date. */
const endedOnText = (iso: string | null) => {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  return d === 1 ? `${m}.${y}` : `${d}.${m}.${y}`;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, id, check, pilot, db } = await loadCheckForEdit(request, params);
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
  const { lang, id, checkId, user, db } = await loadCheckForEdit(request, params);
  const statuses = (await continuationStatusCodes(db)).map((s) => s.code);
  const formData = await request.formData();
  const parsed = parseSubmission(formData, checkCorrectionSchema(statuses, todayIso()));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, reply: parsed.reply }, { status: 400 });
  const { check, version, reason } = parsed.data;
  const stale = await unlessStale(formData, () => correctCheck(db, id, checkId, version, check, reason, user.id));
  if (stale) return stale;
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
  const { _form: formError } = errors;
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
        result={actionData}
        busy={navigation.state === "submitting"}
        intent="correct"
        title={t("checkEdit.formTitle")}
        submitLabel={t("checkEdit.submit")}
        hidden={{ version: check.version }}
      >
        {(found) => (
          <Field
            name="reason"
            label={t("checkEdit.reason")}
            hint={t("checkEdit.reasonHint")}
            multiline
            rows={2}
            required
            maxLength={500}
            defaultValue={posted.reason}
            error={found.reason}
          />
        )}
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
