import { useTranslation } from "react-i18next";
import { PROGRAMME_REGIONS, type Localized } from "~shared/codes";
import { errorText } from "~/utils/validators";
import { collator } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";

type Municipality = { code: string; name: Localized; region: string | null };
type Organisation = { id: number; name: Localized };

/**
 * Role and, for staff, the municipalities and organisations they work for. Plain multi-selects
 * (work without JavaScript); Etelä-Pohjanmaa and Pohjanmaa come first.
 */
export function UserScopeFields({
  municipalities,
  organisations,
  selected,
  errors,
  roles,
}: {
  municipalities: Municipality[];
  organisations: Organisation[];
  selected: { role?: string; municipalities: string[]; organisations: number[] };
  errors?: Record<string, string>;
  roles: readonly string[];
}) {
  const { t } = useTranslation("admin");
  const lang = useLang();
  const sort = collator(lang);
  const byName = <T extends { name: Localized }>(a: T, b: T) =>
    sort.compare(localizedString(a.name, lang), localizedString(b.name, lang));
  const home: readonly string[] = PROGRAMME_REGIONS;
  const groups = [
    ...PROGRAMME_REGIONS.map((region) => ({
      label: t(`scope.region${region}`),
      items: municipalities.filter((m) => m.region === region).sort(byName),
    })),
    {
      label: t("scope.otherMunicipalities"),
      items: municipalities.filter((m) => m.region == null || !home.includes(m.region)).sort(byName),
    },
  ];
  const orgs = [...organisations].sort(byName);
  const error = (name: string) =>
    errors?.[name] ? (
      <p className="error-text" id={`f-${name}-error`}>
        {errorText(t, errors[name])}
      </p>
    ) : null;
  const describedBy = (name: string) =>
    [`f-${name}-hint`, errors?.[name] ? `f-${name}-error` : null].filter(Boolean).join(" ");
  return (
    <>
      <div className={`field ${errors?.role ? "field-error" : ""}`}>
        <label htmlFor="f-role">
          {t("scope.role")}
          <span className="required"> ({t("common:form.required")})</span>
        </label>
        {error("role")}
        <select
          id="f-role"
          name="role"
          defaultValue={selected.role ?? "staff"}
          aria-invalid={errors?.role ? true : undefined}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`account:roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t("scope.legend")}</legend>
        <p className="hint">{t("scope.hint")}</p>
        <div className={`field ${errors?.municipalities ? "field-error" : ""}`}>
          <label htmlFor="f-municipalities">{t("scope.municipalities")}</label>
          <p className="hint" id="f-municipalities-hint">
            {t("scope.multiHint")}
          </p>
          {error("municipalities")}
          <select
            id="f-municipalities"
            name="municipalities"
            multiple
            size={10}
            defaultValue={selected.municipalities}
            aria-describedby={describedBy("municipalities")}
            aria-invalid={errors?.municipalities ? true : undefined}
          >
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.items.map((m) => (
                  <option key={m.code} value={m.code}>
                    {localizedString(m.name, lang)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-organisations">{t("scope.organisations")}</label>
          <p className="hint" id="f-organisations-hint">
            {t("scope.multiHint")}
          </p>
          <select
            id="f-organisations"
            name="organisations"
            multiple
            size={6}
            defaultValue={selected.organisations.map(String)}
            aria-describedby="f-organisations-hint"
          >
            {orgs.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {localizedString(o.name, lang)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </>
  );
}
