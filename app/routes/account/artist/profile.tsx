import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { errorText } from "~/utils/validators";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import {
  directoryOptions,
  getOwnArtist,
  saveOwnProfile,
  UnknownCode,
  VersionConflict,
} from "~db/queries/artists.server";
import { listOwnServices } from "~db/queries/own-services.server";
import { ARTIST_KINDS, PROGRAMME_REGIONS, WORKING_LANGUAGES } from "~shared/codes";
import { asArray, Checkbox, ChoiceGroup } from "~/components/choice-group";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { ProfileSchema } from "~/utils/artist-schemas";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { requireArtistUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";

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
  const navigation = useNavigation();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const v = actionData?.values as Record<string, string | string[]> | undefined;
  const str = (key: string, fallback: string | null | undefined) => (v ? String(v[key] ?? "") : (fallback ?? ""));
  const arr = (key: string, fallback: string[] | undefined) => (v ? asArray(v[key]) : (fallback ?? []));
  const bool = (key: string, fallback: boolean | undefined) => (v ? v[key] === "on" : Boolean(fallback));
  const name = (x: { fi?: string | null; sv?: string | null }) => localizedString(x, lang);
  const state = artist?.state ?? "none";
  const canSubmit = state === "none" || state === "draft" || state === "returned";
  const labels: Record<string, string> = {
    name: t("field.name"),
    kind: t("field.kind"),
    artForms: t("artForms"),
    languages: t("languages"),
    municipalities: t("field.area"),
    bioFi: t("field.bioFi"),
    bioSv: t("field.bioSv"),
    website: t("website"),
    businessId: t("field.businessId"),
    contactEmail: t("field.contactEmail"),
    contactPhone: t("field.contactPhone"),
  };
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
      <Form method="post" noValidate className="stacked-form">
        <ErrorSummary errors={errors} labels={labels} />
        {artist ? <input type="hidden" name="version" value={artist.version} /> : null}
        <Field
          name="name"
          label={labels.name}
          required
          defaultValue={str("name", artist?.name)}
          error={errors?.name}
          autoComplete="name"
        />
        <ChoiceGroup
          name="kind"
          type="radio"
          legend={labels.kind}
          required
          options={ARTIST_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          selected={[str("kind", artist?.kind ?? "person")]}
          error={errors?.kind}
        />
        <ChoiceGroup
          name="artForms"
          legend={labels.artForms}
          required
          columns
          options={options.artForms.map((o) => ({ value: o.code, label: name(o.name) }))}
          selected={arr("artForms", artist?.artForms)}
          error={errors?.artForms}
        />
        <ChoiceGroup
          name="languages"
          legend={labels.languages}
          required
          options={WORKING_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          selected={arr("languages", artist?.languages)}
          error={errors?.languages}
        />
        <fieldset
          className={`field ${errors?.municipalities ? "field-error" : ""}`}
          id="f-municipalities"
          tabIndex={-1}
        >
          <legend>
            {labels.municipalities} <span className="required">({t("common:form.required")})</span>
          </legend>
          <p className="hint">{t("field.areaHint")}</p>
          {errors?.municipalities ? <p className="error-text">{errorText(t, errors.municipalities)}</p> : null}
          <ChoiceGroup
            name="regions"
            legend={t("filters.regions")}
            columns
            options={options.regions.map((r) => ({ value: r.code, label: name(r.name) }))}
            selected={arr("regions", artist?.regions)}
          />
          {PROGRAMME_REGIONS.map((region) => (
            <ChoiceGroup
              key={region}
              id={`f-municipalities-${region}`}
              name="municipalities"
              legend={t("field.municipalitiesIn", {
                region: name(options.regions.find((r) => r.code === region)?.name ?? {}),
              })}
              columns
              options={options.municipalities
                .filter((m) => m.region === region)
                .map((m) => ({ value: m.code, label: name(m.name) }))}
              selected={arr("municipalities", artist?.municipalities)}
            />
          ))}
        </fieldset>
        <div className="side-by-side">
          <div>
            <Field
              name="bioFi"
              label={labels.bioFi}
              multiline
              rows={6}
              lang="fi"
              defaultValue={str("bioFi", artist?.bio.fi)}
              error={errors?.bioFi}
            />
            {!str("bioFi", artist?.bio.fi) ? <p className="missing-mark">{t("me.missing.fi")}</p> : null}
          </div>
          <div>
            <Field
              name="bioSv"
              label={labels.bioSv}
              multiline
              rows={6}
              lang="sv"
              defaultValue={str("bioSv", artist?.bio.sv)}
              error={errors?.bioSv}
            />
            {!str("bioSv", artist?.bio.sv) ? <p className="missing-mark">{t("me.missing.sv")}</p> : null}
          </div>
        </div>
        <Field
          name="website"
          type="url"
          label={labels.website}
          hint={t("field.websiteHint")}
          defaultValue={str("website", artist?.website)}
          error={errors?.website}
          autoComplete="url"
        />
        <Field
          name="businessId"
          label={labels.businessId}
          hint={t("field.businessIdHint")}
          defaultValue={str("businessId", artist?.businessId)}
          error={errors?.businessId}
        />
        <fieldset className="field">
          <legend>{t("contact")}</legend>
          <p className="hint">{t("field.contactHint")}</p>
          <Field
            name="contactEmail"
            type="email"
            label={labels.contactEmail}
            defaultValue={str("contactEmail", artist?.contactEmail)}
            error={errors?.contactEmail}
            autoComplete="email"
          />
          <Field
            name="contactPhone"
            type="tel"
            label={labels.contactPhone}
            defaultValue={str("contactPhone", artist?.contactPhone)}
            error={errors?.contactPhone}
            autoComplete="tel"
          />
          <Checkbox
            name="contactConsent"
            label={t("field.contactConsent")}
            hint={t("field.contactConsentHint")}
            checked={bool("contactConsent", artist?.contactConsent)}
          />
        </fieldset>
        <Checkbox
          name="showDaysConsent"
          label={t("field.showDaysConsent")}
          hint={t("field.showDaysConsentHint")}
          checked={bool("showDaysConsent", artist?.showDaysConsent)}
        />
        <div className="button-row">
          <button
            type="submit"
            name="intent"
            value="save"
            className={canSubmit ? "button button-secondary" : "button"}
            disabled={navigation.state === "submitting"}
          >
            {state === "approved" ? t("me.saveLive") : state === "submitted" ? t("me.saveChanges") : t("me.save")}
          </button>
          {canSubmit ? (
            <button
              type="submit"
              name="intent"
              value="submit"
              className="button"
              disabled={navigation.state === "submitting"}
            >
              {t("me.saveAndSubmit")}
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
