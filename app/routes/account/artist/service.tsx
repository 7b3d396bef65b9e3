import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { deleteOwnService, getOwnService, saveOwnService } from "~db/queries/own-services.server";
import { directoryOptions } from "~db/queries/artist-directory.server";
import { UnknownCode, VersionConflict } from "~db/queries/artists.server";
import { LocalizedText } from "~/components/localized-text";
import { ServiceForm } from "~/components/service-form";
import { getI18n, isLang } from "~/i18n";
import { serviceSchema } from "~/utils/artist-schemas";
import { formValues, parseSubmission } from "~/utils/forms";
import { id as idField } from "~/utils/validators";
import { requireId, requireLang } from "~/utils/lang.server";
import { can, notFound, requireArtistUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import type { FormResult } from "~/utils/use-validated-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const { artistId } = await requireArtistUser(request, lang);
  const db = await getDb();
  // Another artist's service is "not found": its existence is not revealed.
  const service = artistId == null ? null : await getOwnService(db, artistId, id);
  if (!service) notFound();
  const options = await directoryOptions(db);
  return { service, options: { artForms: options.artForms, targetGroups: options.targetGroups } };
}

const DeleteSchema = z.object({
  intent: z.literal("delete"),
  confirm: z.literal("yes", "artists:validation.confirmDelete"),
  version: idField(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const id = requireId(params.id);
  const { user, artistId } = await requireArtistUser(request, lang);
  if (artistId == null || !(await can.editService(user, id))) notFound();
  const formData = await request.formData();
  const form = formValues(formData);
  const db = await getDb();
  try {
    if (form.intent === "delete") {
      const parsed = parseSubmission(formData, DeleteSchema);
      if (!parsed.ok) return data({ errors: parsed.errors, values: form }, { status: 400 });
      await deleteOwnService(db, user.id, artistId, id, parsed.data.version);
      return redirect(`/${lang}/me/artist/services?done=delete`);
    }
    const parsed = parseSubmission(formData, serviceSchema(lang));
    if (!parsed.ok) return data({ errors: parsed.errors, values: form }, { status: 400 });
    await saveOwnService(db, user.id, artistId, id, parsed.data);
    return redirect(`/${lang}/me/artist/services?done=saved`);
  } catch (error) {
    if (error instanceof VersionConflict)
      return data(
        { errors: { _form: "artists:errors.conflict" } as Record<string, string>, values: form },
        { status: 409 },
      );
    if (error instanceof UnknownCode)
      return data({ errors: { _form: "validation.invalid" } as Record<string, string>, values: form }, { status: 400 });
    throw error;
  }
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:service.editTitle") },
];

export default function EditService() {
  const { service, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const confirming = search.get("delete") === "1" || actionData?.values?.intent === "delete";
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/me/artist/services`}>{t("myServices.title")}</Link>
      </p>
      <h1>
        {t("service.editTitle")}: <LocalizedText value={service.title} emptyText={t("untitled")} />
      </h1>
      {confirming ? (
        <section className="confirm-box" aria-labelledby="confirm-delete">
          <h2 id="confirm-delete">{t("service.deleteConfirmTitle")}</h2>
          <p>{t("service.deleteConfirmText")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="confirm" value="yes" />
            <input type="hidden" name="version" value={service.version} />
            <button type="submit" className="button button-danger">
              {t("service.deleteConfirm")}
            </button>{" "}
            <Link to={`/${lang}/me/artist/services/${service.id}`}>{t("common:form.cancel")}</Link>
          </Form>
        </section>
      ) : (
        <>
          <p>{service.state === "approved" ? t("service.liveExplain") : t("service.waitsForApproval")}</p>
          <p>
            <Link to={`/${lang}/me/artist/services/${service.id}?delete=1`}>{t("myServices.delete")}</Link>
          </p>
          <ServiceForm
            service={service}
            options={options}
            result={actionData as FormResult}
            values={actionData?.values as Record<string, string | string[]> | undefined}
          />
        </>
      )}
    </div>
  );
}
