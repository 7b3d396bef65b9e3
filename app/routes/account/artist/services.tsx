import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { getOwnArtist, VersionConflict } from "~db/queries/artists.server";
import { setServiceHidden } from "~db/queries/own-services.server";
import { listOwnServices } from "~db/queries/own-services.server";
import { LocalizedText } from "~/components/localized-text";
import { RowTable } from "~/components/row-table";
import { getI18n, isLang } from "~/i18n";
import { parseSubmission } from "~/utils/forms";
import { id } from "~/utils/validators";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { can, notFound, requireArtistUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import type { Localized } from "~shared/codes";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requireArtistUser(request, lang);
  const db = await getDb();
  const artist = await getOwnArtist(db, user.id);
  if (!artist) throw redirect(`/${lang}/me/artist`);
  const services = await listOwnServices(db, artist.id);
  return { artist: { id: artist.id, state: artist.state, name: artist.name }, services };
}

const VisibilitySchema = z.object({
  intent: z.enum(["hide", "show"]),
  id: id(),
  version: id(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const { user, artistId } = await requireArtistUser(request, lang);
  const parsed = parseSubmission(await request.formData(), VisibilitySchema);
  if (!parsed.ok) return data({ error: "validation.invalid" }, { status: 400 });
  // Another artist's service, or one that does not exist: the same answer, nothing changes.
  if (artistId == null || !(await can.editService(user, parsed.data.id))) notFound();
  const db = await getDb();
  try {
    await setServiceHidden(db, user.id, artistId, parsed.data.id, parsed.data.version, parsed.data.intent === "hide");
  } catch (error) {
    if (error instanceof VersionConflict) return data({ error: "artists:errors.conflict" }, { status: 409 });
    throw error;
  }
  return redirect(`/${lang}/me/artist/services?done=${parsed.data.intent}`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:myServices.title") },
];

export default function MyServices() {
  const { artist, services } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const done = search.get("done");
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/me/artist`}>{t("me.title")}</Link>
      </p>
      <h1>{t("myServices.title")}</h1>
      {done && !actionData ? (
        <p className="notice notice-success" role="status">
          {t(
            `myServices.done.${done === "hide" || done === "show" || done === "delete" || done === "saved" ? done : "saved"}`,
          )}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="notice notice-warning" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      <p>{artist.state === "approved" ? t("myServices.explainApproved") : t("myServices.explainNotPublic")}</p>
      <p>
        <Link to={`/${lang}/me/artist/services/new`} className="button">
          {t("myServices.add")}
        </Link>
      </p>
      {services.length === 0 ? (
        <p className="empty">{t("myServices.none")}</p>
      ) : (
        <RowTable
          caption={t("myServices.title")}
          captionHidden
          rows={services}
          rowKey={(s) => s.id}
          columns={[
            {
              key: "title",
              header: t("service.title"),
              cell: (s) => <LocalizedText value={s.title} emptyText={t("untitled")} />,
            },
            { key: "format", header: t("filters.format"), cell: (s) => t(`format.${s.format}`) },
            {
              key: "status",
              header: t("myServices.status"),
              cell: (s) => (
                <>
                  {t(`state.${s.state}`)}
                  {s.hidden ? ` · ${t("myServices.hidden")}` : ""}
                  {s.state === "approved" && !s.hidden && artist.state === "approved"
                    ? ` · ${t("myServices.public")}`
                    : ""}
                  {s.state === "returned" && s.returnReason ? (
                    <>
                      <br />
                      {t("me.returnReason")}: <q>{s.returnReason}</q>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              key: "actions",
              header: t("myServices.actions"),
              cell: (s) => <ServiceActions service={s} />,
            },
          ]}
        />
      )}
    </div>
  );
}

/** Edit, hide or show, and delete one service; each control names the service for screen readers. */
function ServiceActions({
  service: s,
}: {
  service: { id: number; version: number; hidden: boolean; title: Localized };
}) {
  const { t } = useTranslation("artists");
  const lang = useLang();
  const title = localizedString(s.title, lang) || t("untitled");
  return (
    <>
      <Link to={`/${lang}/me/artist/services/${s.id}`} aria-label={t("myServices.editNamed", { title })}>
        {t("myServices.edit")}
      </Link>{" "}
      <Form method="post" className="inline-form">
        <input type="hidden" name="id" value={s.id} />
        <input type="hidden" name="version" value={s.version} />
        <button
          type="submit"
          name="intent"
          value={s.hidden ? "show" : "hide"}
          className="button-link"
          aria-label={t(s.hidden ? "myServices.showNamed" : "myServices.hideNamed", { title })}
        >
          {t(s.hidden ? "myServices.show" : "myServices.hide")}
        </button>
      </Form>{" "}
      <Link to={`/${lang}/me/artist/services/${s.id}?delete=1`} aria-label={t("myServices.deleteNamed", { title })}>
        {t("myServices.delete")}
      </Link>
    </>
  );
}
