/** The pilot form's first sections: texts, programmes, municipalities, organisations, period and groups. */
import { PARTNER_ROLES, type Localized } from "~shared/codes";
import { ChoiceGroup } from "~/components/choice-group";
import { DateField, Field, SelectField } from "~/components/field";
import { type LOCALIZED_FIELDS, TEXT_LIMITS } from "~/utils/pilot-fields";
import { municipalityLabel } from "~/utils/pilot-municipalities";
import { type Kit, Section } from "./pilot-form-kit";

/** A translatable text: the Finnish and Swedish fields side by side, a missing translation pointed out. */
export function Bilingual({
  kit,
  field,
  label,
  multiline,
  rows,
  hint,
}: {
  kit: Kit;
  field: (typeof LOCALIZED_FIELDS)[number];
  label: string;
  multiline: boolean;
  rows?: number;
  hint?: string;
}) {
  const { t, v, e } = kit;
  return (
    <div className="side-by-side">
      {(["fi", "sv"] as const).map((l) => (
        <Field
          key={l}
          name={`${field}.${l}`}
          label={`${label} ${t(`form.inLang.${l}`)}`}
          defaultValue={v(`${field}.${l}`)}
          hint={
            [
              hint,
              !v(`${field}.${l}`) && v(`${field}.${l === "fi" ? "sv" : "fi"}`) ? t("form.missingTranslation") : null,
            ]
              .filter(Boolean)
              .join(" ") || undefined
          }
          error={e(`${field}.${l}`)}
          multiline={multiline}
          rows={rows}
          lang={l}
          maxLength={TEXT_LIMITS[field]}
        />
      ))}
    </div>
  );
}

export function TextsSection({ kit }: { kit: Kit }) {
  const { t } = kit;
  return (
    <Section id="texts" title={t("form.section.texts")}>
      <Bilingual kit={kit} field="title" label={t("form.title")} multiline={false} />
      <Bilingual kit={kit} field="summary" label={t("form.summary")} multiline rows={3} />
      <Bilingual
        kit={kit}
        field="easyRead"
        label={t("form.easyRead")}
        multiline
        rows={4}
        hint={t("form.easyReadHint")}
      />
      <Bilingual kit={kit} field="description" label={t("form.description")} multiline rows={8} />
    </Section>
  );
}

export function ProgrammeSection({ kit }: { kit: Kit }) {
  const { t, v, e, L, options } = kit;
  const programmeOptions = options.programmes.flatMap((p) => [
    { value: String(p.id), label: L(p.name) },
    ...options.phases
      .filter((ph) => ph.programmeId === p.id)
      .map((ph) => ({ value: `${p.id}:${ph.id}`, label: `${L(p.name)} – ${L(ph.name)}` })),
  ]);
  return (
    <Section id="programme" title={t("form.section.programme")}>
      {kit.rows("programmes", 1).map((i) => (
        <SelectField
          key={i}
          name={`programmes.${i}`}
          label={t("form.programmeRow", { n: i + 1 })}
          value={v(`programmes.${i}`)}
          error={e(`programmes.${i}`)}
          options={programmeOptions}
          none={t("form.none")}
        />
      ))}
    </Section>
  );
}

function MunicipalityInput({ kit, name, label }: { kit: Kit; name: string; label: string }) {
  return (
    <Field
      name={name}
      label={label}
      defaultValue={kit.v(name)}
      error={kit.e(name)}
      list="municipality-options"
      autoComplete="off"
      describedBy="municipality-hint"
    />
  );
}

export function MunicipalitiesSection({ kit }: { kit: Kit }) {
  const { t, lang, options } = kit;
  const names = options.municipalities
    .map((m) => municipalityLabel(m.name, lang))
    .sort((a, b) => a.localeCompare(b, lang));
  return (
    <Section id="municipalities" title={t("form.section.municipalities")}>
      <datalist id="municipality-options">
        {names.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <p className="hint" id="municipality-hint">
        {t("form.municipalityHint")}
      </p>
      <MunicipalityInput kit={kit} name="leadMunicipality" label={t("form.leadMunicipality")} />
      {kit.rows("municipalities", 2).map((i) => (
        <MunicipalityInput
          key={i}
          kit={kit}
          name={`municipalities.${i}`}
          label={t("form.otherMunicipality", { n: i + 1 })}
        />
      ))}
    </Section>
  );
}

export function OrganisationsSection({ kit }: { kit: Kit }) {
  const { t, v, e, orgOptions } = kit;
  return (
    <Section id="organisations" title={t("form.section.organisations")}>
      <SelectField
        name="implementer"
        label={t("form.implementer")}
        value={v("implementer")}
        error={e("implementer")}
        options={orgOptions}
        none={t("form.none")}
      />
      {kit.rows("partners", 2).map((i) => (
        <div className="row-group" key={i}>
          <SelectField
            name={`partners.${i}.organisation`}
            label={t("form.partner", { n: i + 1 })}
            value={v(`partners.${i}.organisation`)}
            error={e(`partners.${i}.organisation`)}
            options={orgOptions}
            none={t("form.none")}
          />
          <SelectField
            name={`partners.${i}.role`}
            label={t("form.partnerRole", { n: i + 1 })}
            value={v(`partners.${i}.role`)}
            error={e(`partners.${i}.role`)}
            options={PARTNER_ROLES.map((r) => ({ value: r, label: t(`partnerRole.${r}`) }))}
            none={t("form.none")}
          />
        </div>
      ))}
    </Section>
  );
}

export function PeriodSection({ kit }: { kit: Kit }) {
  const { t, v, e } = kit;
  return (
    <Section id="period" title={t("form.section.period")}>
      <div className="side-by-side">
        <DateField name="startDate" label={t("form.startDate")} defaultValue={v("startDate")} error={e("startDate")} />
        <DateField name="endDate" label={t("form.endDate")} defaultValue={v("endDate")} error={e("endDate")} />
      </div>
    </Section>
  );
}

export function GroupsSection({ kit }: { kit: Kit }) {
  const { t, e, list, L, options } = kit;
  const groups = (items: ({ code: string } & { name: Localized })[]) =>
    items.map((i) => ({ value: i.code, label: L(i.name) }));
  return (
    <Section id="groups" title={t("form.section.groups")}>
      {(["sectors", "targetGroups", "artForms"] as const).map((name) => (
        <ChoiceGroup
          key={name}
          name={name}
          legend={t(`field.${name}`)}
          options={groups(options[name])}
          selected={list(name)}
          error={e(name)}
          columns
        />
      ))}
    </Section>
  );
}
