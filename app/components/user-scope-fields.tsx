import { useTranslation } from "react-i18next";
import { PROGRAMME_REGIONS, type Localized } from "~shared/codes";
import { SelectField } from "./field";
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
  return (
    <>
      <SelectField
        name="role"
        label={t("scope.role")}
        required
        none={null}
        value={selected.role ?? "staff"}
        options={roles.map((r) => ({ value: r, label: t(`account:roles.${r}`) }))}
        error={errors?.role}
      />
      <fieldset className="field">
        <legend>{t("scope.legend")}</legend>
        <p className="hint">{t("scope.hint")}</p>
        <SelectField
          name="municipalities"
          label={t("scope.municipalities")}
          hint={t("scope.multiHint")}
          multiple
          size={10}
          none={null}
          options={[]}
          value={selected.municipalities}
          error={errors?.municipalities}
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
        </SelectField>
        <SelectField
          name="organisations"
          label={t("scope.organisations")}
          hint={t("scope.multiHint")}
          multiple
          size={6}
          none={null}
          options={orgs.map((o) => ({ value: String(o.id), label: localizedString(o.name, lang) }))}
          value={selected.organisations.map(String)}
          error={errors?.organisations}
        />
      </fieldset>
    </>
  );
}
