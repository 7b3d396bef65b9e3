import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { deleteOwnAccount } from "~db/queries/artist-data.server";
import { ErrorSummary } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { requireArtistUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { sessionCookie } from "~/utils/session.server";
import { useLang } from "~/utils/use-lang";
import { useValidatedForm } from "~/utils/use-validated-form";
import { DeleteProfileSchema } from "~/utils/artist-schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, artistId } = await requireArtistUser(request, lang);
  return { email: user.email, hasProfile: artistId != null };
}

/** The schema, for the browser's check of the form (loaded when it is needed, docs/decisions/146). */
const loadDeleteSchema = () => import("~/utils/artist-schemas").then((m) => m.DeleteProfileSchema);

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const { user } = await requireArtistUser(request, lang);
  const parsed = parseSubmission(await request.formData(), DeleteProfileSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const db = await getDb();
  await deleteOwnAccount(db, user.id);
  // The session row went with the account; clear the cookie too.
  return redirect(`/${lang}/artists?accountDeleted=1`, {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:deleteAccount.title") },
];

export default function DeleteAccount() {
  const { email, hasProfile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const { formProps, errors } = useValidatedForm(loadDeleteSchema, actionData);
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/me/artist`}>{t("me.title")}</Link>
      </p>
      <h1>{t("deleteAccount.title")}</h1>
      <p>{t("deleteAccount.intro", { email })}</p>
      <ul>
        {hasProfile ? <li>{t("deleteAccount.removesProfile")}</li> : null}
        <li>{t("deleteAccount.removesAccount")}</li>
        <li>{t("deleteAccount.keepsEmployments")}</li>
      </ul>
      <p>
        <a href={`/${lang}/me/artist/data.json`} download>
          {t("deleteAccount.downloadFirst")}
        </a>
      </p>
      <Form method="post" {...formProps}>
        <ErrorSummary errors={errors} labels={{ confirm: t("deleteAccount.confirm") }} />
        <div className={`field checkbox-field ${errors?.confirm ? "field-error" : ""}`}>
          <input type="checkbox" id="f-confirm" name="confirm" aria-invalid={errors?.confirm ? true : undefined} />{" "}
          <label htmlFor="f-confirm">{t("deleteAccount.confirm")}</label>
        </div>
        <button type="submit" className="button button-danger">
          {t("deleteAccount.submit")}
        </button>{" "}
        <Link to={`/${lang}/me/artist`}>{t("common:form.cancel")}</Link>
      </Form>
    </div>
  );
}
