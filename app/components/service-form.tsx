import { Form, useNavigation } from "@remix-run/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ServiceRow } from "~db/queries/artist-directory.server";
import { SERVICE_FORMATS, WORKING_LANGUAGES } from "~shared/codes";
import type { Localized } from "~shared/codes";
import { asArray, Checkbox, ChoiceGroup } from "~/components/choice-group";
import { ErrorSummary, Field, SelectField } from "~/components/field";
import { centsToInput } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";
import { type FormResult, useValidatedForm } from "~/utils/use-validated-form";

type Option = { code: string; name: Localized };

/** The schema's limits (artist-schemas.ts), said in the hints. */
const LIMITS = { title: 200, description: 4000, accessibility: 1000, season: 300 } as const;

/**
 * The service form (add and edit): both languages side by side, missing ones marked; checked in the
 * browser with the action's schema, and by the action without JavaScript (`result`: its answer).
 */
export function ServiceForm({
  service,
  options,
  result,
  values,
}: {
  service: ServiceRow | null;
  options: { artForms: Option[]; targetGroups: Option[] };
  result: FormResult;
  values?: Record<string, string | string[]>;
}) {
  const { t } = useTranslation("artists");
  const lang = useLang();
  const loadSchema = useCallback(() => import("~/utils/artist-schemas").then((m) => m.serviceSchema(lang)), [lang]);
  const { formProps, errors } = useValidatedForm(loadSchema, result);
  const navigation = useNavigation();
  const s = service;
  const str = (key: string, fallback: string | number | null | undefined) =>
    values ? String(values[key] ?? "") : fallback == null ? "" : String(fallback);
  const arr = (key: string, fallback: string[] | undefined) => (values ? asArray(values[key]) : (fallback ?? []));
  const labels: Record<string, string> = {
    titleFi: t("service.titleFi"),
    titleSv: t("service.titleSv"),
    descriptionFi: t("service.descriptionFi"),
    descriptionSv: t("service.descriptionSv"),
    artForm: t("service.artForm"),
    format: t("filters.format"),
    targetGroups: t("filters.targetGroup"),
    languages: t("service.languages"),
    durationMinutes: t("service.duration"),
    groupSizeMin: t("service.groupSizeMin"),
    groupSizeMax: t("service.groupSizeMax"),
    priceFrom: t("service.priceFrom"),
    priceTo: t("service.priceTo"),
    accessibilityFi: t("service.accessibilityFi"),
    accessibilitySv: t("service.accessibilitySv"),
    seasonFi: t("service.seasonFi"),
    seasonSv: t("service.seasonSv"),
  };
  const pair = (
    base: "title" | "description" | "accessibility" | "season",
    fallback: Localized | undefined,
    multiline: boolean,
    hint?: string,
  ) => (
    <div className="side-by-side">
      {(["fi", "sv"] as const).map((l) => {
        const key = `${base}${l === "fi" ? "Fi" : "Sv"}`;
        const value = str(key, fallback?.[l]);
        const other = l === "fi" ? "sv" : "fi";
        const otherValue = str(`${base}${other === "fi" ? "Fi" : "Sv"}`, fallback?.[other]);
        return (
          <div key={l}>
            <Field
              name={key}
              label={labels[key]}
              hint={hint}
              lang={l}
              multiline={multiline}
              rows={multiline ? 4 : undefined}
              defaultValue={value}
              error={errors?.[key]}
              maxLength={LIMITS[base]}
            />
            {/* A translation is missing only where the other language has the text. */}
            {!value && otherValue ? <p className="missing-mark">{t(`me.missing.${l}`)}</p> : null}
          </div>
        );
      })}
    </div>
  );
  const name = (o: Option) => localizedString(o.name, lang);
  return (
    // Values sent back by a refused save are not saved: the language switch asks before leaving them.
    <Form method="post" className="stacked-form" {...formProps} data-unsaved={values ? "true" : undefined}>
      <ErrorSummary errors={errors} labels={labels} />
      {s ? <input type="hidden" name="version" value={s.version} /> : null}
      <input type="hidden" name="intent" value="save" />
      {pair("title", s?.title, false, t("service.titleHint"))}
      {pair("description", s?.description, true)}
      <SelectField
        name="artForm"
        label={labels.artForm}
        value={str("artForm", s?.artFormCode)}
        none={t("service.artFormNone")}
        options={options.artForms.map((o) => ({ value: o.code, label: name(o) }))}
        error={errors?.artForm}
      />
      <ChoiceGroup
        name="format"
        type="radio"
        required
        legend={labels.format}
        options={SERVICE_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
        selected={[str("format", s?.format)]}
        error={errors?.format}
      />
      <ChoiceGroup
        name="targetGroups"
        required
        columns
        legend={labels.targetGroups}
        options={options.targetGroups.map((o) => ({ value: o.code, label: name(o) }))}
        selected={arr(
          "targetGroups",
          s?.targetGroups.map((g) => g.code),
        )}
        error={errors?.targetGroups}
      />
      <ChoiceGroup
        name="languages"
        required
        legend={labels.languages}
        options={WORKING_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        selected={arr("languages", s?.languages)}
        error={errors?.languages}
      />
      <div className="field-row">
        <Field
          name="durationMinutes"
          label={labels.durationMinutes}
          inputMode="numeric"
          defaultValue={str("durationMinutes", s?.durationMinutes)}
          error={errors?.durationMinutes}
        />
        <Field
          name="groupSizeMin"
          label={labels.groupSizeMin}
          inputMode="numeric"
          defaultValue={str("groupSizeMin", s?.groupSizeMin)}
          error={errors?.groupSizeMin}
        />
        <Field
          name="groupSizeMax"
          label={labels.groupSizeMax}
          inputMode="numeric"
          defaultValue={str("groupSizeMax", s?.groupSizeMax)}
          error={errors?.groupSizeMax}
        />
      </div>
      <fieldset className="field">
        <legend>{t("service.price")}</legend>
        <p className="hint">{t("service.priceHint")}</p>
        <div className="field-row">
          <Field
            name="priceFrom"
            label={labels.priceFrom}
            inputMode="decimal"
            defaultValue={str("priceFrom", s?.priceFromCents != null ? centsToInput(s.priceFromCents, lang) : "")}
            error={errors?.priceFrom}
          />
          <Field
            name="priceTo"
            label={labels.priceTo}
            inputMode="decimal"
            defaultValue={str("priceTo", s?.priceToCents != null ? centsToInput(s.priceToCents, lang) : "")}
            error={errors?.priceTo}
          />
        </div>
        <Checkbox
          name="priceOnRequest"
          label={t("priceOnRequest")}
          checked={values ? values.priceOnRequest === "on" : Boolean(s?.priceOnRequest)}
        />
      </fieldset>
      {pair("accessibility", s?.accessibility, true, t("service.accessibilityHint"))}
      {pair("season", s?.season, false, t("service.seasonHint"))}
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {s?.state === "approved" ? t("me.saveLive") : t("service.saveAndSubmit")}
      </button>
    </Form>
  );
}
