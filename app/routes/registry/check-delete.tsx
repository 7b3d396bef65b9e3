import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { VersionConflict } from "~db/queries/conflict";
import { deleteCheck, getCheck, pilotHeading } from "~db/queries/pilot-write.server";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { checkDeleteSchema } from "~/utils/check-form";
import { formatDate } from "~/utils/format";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { notFound, requirePilotEditor } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { errorText } from "~/utils/validators";

/** The pilot's editor, the pilot and its check (404 for a check of another pilot, or one deleted already). */
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

/** The confirmation page: what will be deleted, and the reason to give. A GET deletes nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, id, check, pilot } = await load(request, params);
  return { id, title: localizedString(pilot.title, lang), check };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { lang, id, checkId, user, db } = await load(request, params);
  const formData = await request.formData();
  const parsed = parseSubmission(formData, checkDeleteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await deleteCheck(db, id, checkId, parsed.data.version, parsed.data.reason, user.id);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    return data(
      { errors: { _form: "pilots:checkEdit.stale" } as Record<string, string>, values: formValues(formData) },
      { status: 409 },
    );
  }
  return redirect(`/${lang}/pilots/${id}?done=checkDeleted#continuation`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:checkEdit.deleteTitle") },
];

export default function DeleteCheck() {
  const { id, title, check } = useLoaderData<typeof loader>();
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
