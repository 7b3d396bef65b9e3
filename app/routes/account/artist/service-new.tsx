import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { directoryOptions } from "~db/queries/artist-directory.server";
import { saveOwnService } from "~db/queries/own-services.server";
import { UnknownCode } from "~db/queries/artists.server";
import { ServiceForm } from "~/components/service-form";
import { getI18n, isLang } from "~/i18n";
import { serviceSchema } from "~/utils/artist-schemas";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { requireArtistUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { artistId } = await requireArtistUser(request, lang);
  if (artistId == null) throw redirect(`/${lang}/me/artist`);
  const db = await getDb();
  const options = await directoryOptions(db);
  return { options: { artForms: options.artForms, targetGroups: options.targetGroups } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const { user, artistId } = await requireArtistUser(request, lang);
  if (artistId == null)
    return data(
      { errors: { _form: "artists:errors.noProfile" } as Record<string, string>, values: {} },
      { status: 400 },
    );
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, serviceSchema(lang));
  if (!parsed.ok) return data({ errors: parsed.errors, values: form }, { status: 400 });
  const db = await getDb();
  try {
    await saveOwnService(db, user.id, artistId, null, parsed.data);
  } catch (error) {
    if (error instanceof UnknownCode)
      return data({ errors: { _form: "validation.invalid" } as Record<string, string>, values: form }, { status: 400 });
    throw error;
  }
  return redirect(`/${lang}/me/artist/services?done=saved`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:myServices.add") },
];

export default function NewService() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("artists");
  const lang = useLang();
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/me/artist/services`}>{t("myServices.title")}</Link>
      </p>
      <h1>{t("myServices.add")}</h1>
      <p>{t("service.waitsForApproval")}</p>
      <ServiceForm
        service={null}
        options={options}
        result={actionData}
        values={actionData?.values as Record<string, string | string[]> | undefined}
      />
    </div>
  );
}
