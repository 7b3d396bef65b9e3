import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { directoryOptions } from "~db/queries/artist-directory.server";
import { getOwnArtist, saveOwnProfile, UnknownCode, VersionConflict } from "~db/queries/artists.server";
import { listOwnServices } from "~db/queries/own-services.server";
import { getI18n, isLang } from "~/i18n";
import { ProfileSchema } from "~/utils/artist-schemas";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { requireArtistUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { ProfileForm } from "./profile-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requireArtistUser(request, lang);
  const db = await getDb();
  const [artist, options] = await Promise.all([getOwnArtist(db, user.id), directoryOptions(db)]);
  const services = artist ? await listOwnServices(db, artist.id) : [];
  return {
    artist,
    options,
    serviceCounts: {
      total: services.length,
      public: artist?.state === "approved" ? services.filter((s) => s.state === "approved" && !s.hidden).length : 0,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const { user } = await requireArtistUser(request, lang);
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, ProfileSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: form }, { status: 400 });
  const db = await getDb();
  try {
    const saved = await saveOwnProfile(db, user.id, parsed.data);
    return redirect(`/${lang}/me/artist?saved=${saved.state}`);
  } catch (error) {
    if (error instanceof VersionConflict)
      return data({ errors: { _form: "artists:errors.conflict" }, values: form }, { status: 409 });
    if (error instanceof UnknownCode)
      return data({ errors: { _form: "validation.invalid" }, values: form }, { status: 400 });
    throw error;
  }
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:me.title") },
];

export default function MyProfile() {
  const { artist, options, serviceCounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const state = artist?.state ?? "none";
  const saved = search.get("saved");
  return (
    <div>
      <h1>{t("me.title")}</h1>
      {saved && !actionData ? (
        <p className="notice notice-success" role="status">
          {t(saved === "approved" ? "me.savedLive" : saved === "submitted" ? "me.savedSubmitted" : "me.saved")}
        </p>
      ) : null}

      <section className="status-box" aria-labelledby="public-now">
        <h2 id="public-now">{t("me.publicNow")}</h2>
        <p>
          <strong>{t(`state.${state}`)}</strong> – {t(`me.stateExplain.${state}`)}
        </p>
        {artist?.state === "returned" && artist.returnReason ? (
          <p className="return-reason">
            {t("me.returnReason")}: <q>{artist.returnReason}</q>
          </p>
        ) : null}
        {artist?.state === "approved" ? (
          <ul>
            <li>
              <Link to={`/${lang}/artists/${artist.id}`}>{t("me.seePublicPage")}</Link>
            </li>
            <li>{artist.contactConsent ? t("me.contactPublic") : t("me.contactNotPublic")}</li>
            <li>{t("me.publicServices", { count: serviceCounts.public })}</li>
          </ul>
        ) : null}
      </section>

      {artist ? (
        <nav aria-label={t("me.sections")} className="subnav">
          <ul>
            <li>
              <Link to={`/${lang}/me/artist/services`}>{t("me.services", { count: serviceCounts.total })}</Link>
            </li>
            <li>
              <a href={`/${lang}/me/artist/data.json`} download>
                {t("me.download")}
              </a>
            </li>
            <li>
              <Link to={`/${lang}/me/artist/delete`}>{t("me.delete")}</Link>
            </li>
          </ul>
        </nav>
      ) : (
        <p>
          <a href={`/${lang}/me/artist/delete`}>{t("me.delete")}</a>
        </p>
      )}

      <h2>{artist ? t("me.editHeading") : t("me.createHeading")}</h2>
      <ProfileForm artist={artist} options={options} actionData={actionData} />
    </div>
  );
}
