import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { deleteCheck } from "~db/queries/continuation-checks.server";
import { deletingReopens } from "~db/queries/follow-up-requests.server";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { checkDeleteSchema } from "~/utils/check-form";
import { formatDate } from "~/utils/format";
import { parseSubmission } from "~/utils/forms";
import { localizedString } from "~/utils/localized";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { loadCheckForEdit, unlessStale } from "./check-edit.server";
import { errorText } from "~/utils/messages";

/** The confirmation page: what will be deleted, and the reason to give. A GET deletes nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, id, check, pilot, db } = await loadCheckForEdit(request, params);
  return { id, title: localizedString(pilot.title, lang), check, reopens: await deletingReopens(db, check.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { lang, id, checkId, user, db } = await loadCheckForEdit(request, params);
  const formData = await request.formData();
  const parsed = parseSubmission(formData, checkDeleteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const stale = await unlessStale(formData, () =>
    deleteCheck(db, id, checkId, parsed.data.version, parsed.data.reason, user.id),
  );
  if (stale) return stale;
  return redirect(`/${lang}/pilots/${id}?done=checkDeleted#continuation`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:checkEdit.deleteTitle") },
];

export default function DeleteCheck() {
  const { id, title, check, reopens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const errors = (actionData?.errors ?? {}) as Record<string, string>;
  const { _form: formError, ...fieldErrors } = errors;
  const values = (actionData?.values ?? {}) as unknown as Record<string, string>;
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/pilots/${id}#continuation`}>{title || t("untitled")}</Link>
      </p>
      <h1>{t("checkEdit.deleteTitle")}</h1>
      <p>
        {t("checkEdit.deleteText", {
          date: formatDate(lang, check.checkedOn),
          status: t(`status.${check.statusCode}`),
          title: title || t("untitled"),
        })}
      </p>
      {reopens ? <p>{t("checkEdit.deleteReopens")}</p> : null}
      {formError ? (
        <p className="notice notice-warning" role="alert">
          {errorText(t, formError)}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <ErrorSummary errors={fieldErrors} labels={{ reason: t("checkEdit.reason") }} />
        <input type="hidden" name="version" value={check.version} />
        <Field
          name="reason"
          label={t("checkEdit.reason")}
          hint={t("checkEdit.reasonHint")}
          multiline
          rows={2}
          required
          maxLength={500}
          defaultValue={values.reason}
          error={fieldErrors.reason}
        />
        <button type="submit" className="button button-danger" disabled={navigation.state === "submitting"}>
          {t("checkEdit.deleteConfirm")}
        </button>{" "}
        <Link to={`/${lang}/pilots/${id}/checks/${check.id}`}>{t("form.cancel")}</Link>
      </Form>
    </div>
  );
}
