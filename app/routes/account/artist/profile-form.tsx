import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ARTIST_KINDS, PROGRAMME_REGIONS, WORKING_LANGUAGES, type Localized } from "~shared/codes";
import { asArray, Checkbox, ChoiceGroup } from "~/components/choice-group";
import { ErrorSummary, Field } from "~/components/field";
import { ProfileSchema } from "~/utils/artist-schemas";
import { sortedByName } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";
import { type FormResult, useValidatedForm } from "~/utils/use-validated-form";
import { errorText } from "~/utils/messages";

type Option = { code: string; name: Localized };

/** The profile as its owner last saved it (null before the first save). */
type OwnProfile = {
  version: number;
  state: string;
  name: string;
  kind: string;
  artForms: string[];
  languages: string[];
  regions: string[];
  municipalities: string[];
  bio: { fi?: string | null; sv?: string | null };
  website: string | null;
  businessId: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
  showDaysConsent: boolean;
};

/**
 * The artist's own profile form: checked in the browser with the action's schema, and without
 * JavaScript by the action, whose answer fills it again with what was typed.
 */
export function ProfileForm({
  artist,
  options,
  actionData,
}: {
  artist: OwnProfile | null;
  options: { artForms: Option[]; regions: Option[]; municipalities: (Option & { region: string | null })[] };
  actionData: (FormResult & { values?: unknown }) | undefined;
}) {
  const navigation = useNavigation();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const { formProps, errors } = useValidatedForm(ProfileSchema, actionData);
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
  return (
    <Form method="post" className="stacked-form" {...formProps}>
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
      <fieldset className={`field ${errors?.municipalities ? "field-error" : ""}`} id="f-municipalities" tabIndex={-1}>
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
            options={sortedByName(
              lang,
              options.municipalities.filter((m) => m.region === region),
              (m) => name(m.name),
            ).map((m) => ({ value: m.code, label: name(m.name) }))}
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
  );
}
