import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { FUNDING_KINDS, PARTNER_ROLES, type Localized, type PilotState } from "~shared/codes";
import { ChoiceGroup } from "~/components/choice-group";
import { ErrorSummary, Field, SelectField } from "~/components/field";
import { localizedString } from "~/utils/localized";
import { LOCALIZED_FIELDS, municipalityLabel, rowCount, TEXT_LIMITS, type FormValues } from "~/utils/pilot-form";
import { formatDateTime } from "~/utils/format";
import { useLang } from "~/utils/use-lang";

type Named = { name: Localized };
export type PilotFormOptions = {
  programmes: ({ id: number } & Named)[];
  phases: ({ id: number; programmeId: number } & Named)[];
  municipalities: ({ code: string } & Named)[];
  organisations: ({ id: number } & Named)[];
  sectors: ({ code: string } & Named)[];
  targetGroups: ({ code: string } & Named)[];
  artForms: ({ code: string } & Named)[];
  artists: { id: number; name: string }[];
};

export type Conflict = { changes: { at: string; by: string; fields: string[] }[]; differing: string[] };

const SECTIONS = [
  "texts",
  "programme",
  "municipalities",
  "organisations",
  "period",
  "groups",
  "funding",
  "artists",
  "activity",
  "goodPractice",
  "sources",
  "contact",
] as const;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`s-${id}`} className="form-section" id={`section-${id}`}>
      <h2 id={`s-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

export function PilotForm({
  values,
  errors,
  options,
  version,
  state,
  returnComment,
  conflict,
  cancelTo,
}: {
  values: FormValues;
  errors?: Record<string, string>;
  options: PilotFormOptions;
  version?: number;
  state: "new" | PilotState;
  returnComment?: string | null;
  conflict?: Conflict | null;
  cancelTo: string;
}) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save (with JavaScript), move focus to the summary of errors or the conflict message.
  useEffect(() => {
    if ((errors && Object.keys(errors).length) || conflict)
      formRef.current?.querySelector<HTMLElement>(".conflict, .error-summary")?.focus();
  }, [errors, conflict]);
  const v = (name: string) => {
    const x = values[name];
    return Array.isArray(x) ? (x[0] ?? "") : (x ?? "");
  };
  const list = (name: string) => {
    const x = values[name];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  const e = (name: string) => errors?.[name];
  // biome-ignore lint/correctness/noComponentHookFactories: L is a string helper, not a component
  const L = (x: Localized) => localizedString(x, lang);
  const sortBy = <T,>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b), lang));
  const orgOptions = sortBy(options.organisations, (o) => L(o.name)).map((o) => ({
    value: String(o.id),
    label: L(o.name),
  }));
  const programmeOptions = options.programmes.flatMap((p) => [
    { value: String(p.id), label: L(p.name) },
    ...options.phases
      .filter((ph) => ph.programmeId === p.id)
      .map((ph) => ({ value: `${p.id}:${ph.id}`, label: `${L(p.name)} – ${L(ph.name)}` })),
  ]);
  const municipalityOptions = sortBy(
    options.municipalities.map((m) => municipalityLabel(m.name, lang)),
    (x) => x,
  );
  const n = (group: string, spare: number) => Array.from({ length: rowCount(values, group, spare) }, (_, i) => i);
  const groups = (items: ({ code: string } & Named)[]) => items.map((i) => ({ value: i.code, label: L(i.name) }));

  // Labels for the error summary, by field name.
  const labels: Record<string, string> = {};
  for (const f of LOCALIZED_FIELDS) {
    const base = f.startsWith("gp") ? t(`gp.${f.slice(2, 3).toLowerCase()}${f.slice(3)}`) : t(`form.${f}`);
    labels[`${f}.fi`] = `${base} ${t("form.inLang.fi")}`;
    labels[`${f}.sv`] = `${base} ${t("form.inLang.sv")}`;
  }
  Object.assign(labels, {
    leadMunicipality: t("form.leadMunicipality"),
    implementer: t("form.implementer"),
    startDate: t("form.startDate"),
    endDate: t("form.endDate"),
    sectors: t("field.sectors"),
    targetGroups: t("field.targetGroups"),
    artForms: t("field.artForms"),
    sessionsHeld: t("form.sessionsHeld"),
    costPerSession: t("form.costPerSession"),
    maxGroupSize: t("form.maxGroupSize"),
    sessionHours: t("form.sessionHours"),
    contactName: t("form.contactName"),
    contactEmail: t("form.contactEmail"),
  });
  for (const key of Object.keys(errors ?? {})) {
    if (labels[key]) continue;
    const m = key.match(/^(\w+)\.(\d+)(?:\.(\w+))?$/);
    if (m) {
      const [, group, idx, field] = m;
      const k: Record<string, string> = {
        "programmes.": "form.programmeRow",
        "municipalities.": "form.otherMunicipality",
        "partners.organisation": "form.partner",
        "partners.role": "form.partnerRole",
        "funding.funder": "form.funder",
        "funding.amount": "form.amount",
        "funding.kind": "form.kind",
        "employments.artist": "form.artist",
        "employments.name": "form.artistName",
        "employments.role": "form.role",
        "employments.days": "form.days",
        "employments.fee": "form.fee",
        "employments.professional": "form.professional",
        "sources.title": "form.sourceTitle",
        "sources.url": "form.sourceUrl",
        "sources.document": "form.sourceDocument",
      };
      const labelKey = k[`${group}.${field ?? ""}`];
      if (labelKey) labels[key] = t(labelKey, { n: Number(idx) + 1 });
    }
    const p = key.match(/^participants\.([\w-]+)$/);
    if (p) {
      const g = options.targetGroups.find((x) => x.code === p[1]);
      labels[key] = t("form.participants", { group: g ? L(g.name) : p[1] });
    }
  }

  const bilingual = (f: (typeof LOCALIZED_FIELDS)[number], label: string, multiline: boolean, rows?: number) => (
    <div className="side-by-side">
      {(["fi", "sv"] as const).map((l) => (
        <Field
          key={l}
          name={`${f}.${l}`}
          label={`${label} ${t(`form.inLang.${l}`)}`}
          defaultValue={v(`${f}.${l}`)}
          hint={!v(`${f}.${l}`) && v(`${f}.${l === "fi" ? "sv" : "fi"}`) ? t("form.missingTranslation") : undefined}
          error={e(`${f}.${l}`)}
          multiline={multiline}
          rows={rows}
          lang={l}
          maxLength={TEXT_LIMITS[f]}
        />
      ))}
    </div>
  );

  return (
    <Form method="post" noValidate className="pilot-form" ref={formRef}>
      {conflict ? (
        <div className="notice notice-warning conflict" role="alert" tabIndex={-1}>
          <p>
            <strong>{t("form.conflict")}</strong>
          </p>
          {conflict.changes.length ? (
            <>
              <p>{t("form.conflictChanges")}</p>
              <ul>
                {conflict.changes.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of past changes, never reordered
                  <li key={i}>
                    {t("form.conflictBy", {
                      date: formatDateTime(lang, c.at),
                      name: c.by,
                      fields: c.fields.map((f) => t(`form.fieldName.${f}`, { defaultValue: f })).join(", "),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {conflict.differing.length ? (
            <p>
              {t("form.conflictFields", {
                fields: conflict.differing.map((f) => t(`form.fieldName.${f}`, { defaultValue: f })).join(", "),
              })}
            </p>
          ) : null}
          <p>{t("form.conflictKeep")}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      {returnComment && state === "draft" ? (
        <p className="notice notice-warning">{t("form.returned", { comment: returnComment })}</p>
      ) : null}
      {state === "published" ? <p className="notice">{t("form.publishedNote")}</p> : null}
      {state === "submitted" ? <p className="notice">{t("form.submittedNote")}</p> : null}
      <p>{t("form.intro")}</p>
      <nav aria-labelledby="form-contents" className="form-contents no-print">
        <h2 id="form-contents" className="visually-hidden">
          {t("form.contents")}
        </h2>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#section-${s}`}>{t(`form.section.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {version != null ? <input type="hidden" name="version" value={version} /> : null}

      <Section id="texts" title={t("form.section.texts")}>
        {bilingual("title", t("form.title"), false)}
        {bilingual("summary", t("form.summary"), true, 3)}
        {bilingual("description", t("form.description"), true, 8)}
      </Section>

      <Section id="programme" title={t("form.section.programme")}>
        {n("programmes", 1).map((i) => (
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

      <Section id="municipalities" title={t("form.section.municipalities")}>
        <datalist id="municipality-options">
          {municipalityOptions.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <p className="hint" id="municipality-hint">
          {t("form.municipalityHint")}
        </p>
        <MunicipalityInput
          name="leadMunicipality"
          label={t("form.leadMunicipality")}
          value={v("leadMunicipality")}
          error={e("leadMunicipality")}
        />
        {n("municipalities", 2).map((i) => (
          <MunicipalityInput
            key={i}
            name={`municipalities.${i}`}
            label={t("form.otherMunicipality", { n: i + 1 })}
            value={v(`municipalities.${i}`)}
            error={e(`municipalities.${i}`)}
          />
        ))}
      </Section>

      <Section id="organisations" title={t("form.section.organisations")}>
        <SelectField
          name="implementer"
          label={t("form.implementer")}
          value={v("implementer")}
          error={e("implementer")}
          options={orgOptions}
          none={t("form.none")}
        />
        {n("partners", 2).map((i) => (
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

      <Section id="period" title={t("form.section.period")}>
        <div className="side-by-side">
          <Field
            name="startDate"
            label={t("form.startDate")}
            hint={t("form.dateHint")}
            defaultValue={v("startDate")}
            error={e("startDate")}
            inputMode="numeric"
          />
          <Field
            name="endDate"
            label={t("form.endDate")}
            hint={t("form.dateHint")}
            defaultValue={v("endDate")}
            error={e("endDate")}
            inputMode="numeric"
          />
        </div>
      </Section>

      <Section id="groups" title={t("form.section.groups")}>
        <ChoiceGroup
          name="sectors"
          legend={t("field.sectors")}
          options={groups(options.sectors)}
          selected={list("sectors")}
          error={e("sectors")}
          columns
        />
        <ChoiceGroup
          name="targetGroups"
          legend={t("field.targetGroups")}
          options={groups(options.targetGroups)}
          selected={list("targetGroups")}
          error={e("targetGroups")}
          columns
        />
        <ChoiceGroup
          name="artForms"
          legend={t("field.artForms")}
          options={groups(options.artForms)}
          selected={list("artForms")}
          error={e("artForms")}
          columns
        />
      </Section>

      <Section id="funding" title={t("form.section.funding")}>
        <p className="hint">{t("form.rowsHint")}</p>
        {n("funding", 2).map((i) => (
          <div className="row-group" key={i}>
            <SelectField
              name={`funding.${i}.funder`}
              label={t("form.funder", { n: i + 1 })}
              value={v(`funding.${i}.funder`)}
              error={e(`funding.${i}.funder`)}
              options={orgOptions}
              none={t("form.none")}
            />
            <Field
              name={`funding.${i}.amount`}
              label={t("form.amount", { n: i + 1 })}
              hint={t("form.amountHint")}
              defaultValue={v(`funding.${i}.amount`)}
              error={e(`funding.${i}.amount`)}
              inputMode="decimal"
            />
            <SelectField
              name={`funding.${i}.kind`}
              label={t("form.kind", { n: i + 1 })}
              value={v(`funding.${i}.kind`)}
              error={e(`funding.${i}.kind`)}
              options={FUNDING_KINDS.map((k) => ({ value: k, label: t(`fundingKind.${k}`) }))}
              none={t("form.none")}
            />
          </div>
        ))}
      </Section>

      <Section id="artists" title={t("form.section.artists")}>
        <p className="hint">{t("form.rowsHint")}</p>
        {n("employments", 2).map((i) => (
          <div className="row-group" key={i}>
            <SelectField
              name={`employments.${i}.artist`}
              label={t("form.artist", { n: i + 1 })}
              value={v(`employments.${i}.artist`)}
              error={e(`employments.${i}.artist`)}
              options={options.artists.map((a) => ({ value: String(a.id), label: a.name }))}
              none={t("form.none")}
            />
            <Field
              name={`employments.${i}.name`}
              label={t("form.artistName", { n: i + 1 })}
              defaultValue={v(`employments.${i}.name`)}
              error={e(`employments.${i}.name`)}
            />
            <Field
              name={`employments.${i}.role`}
              label={t("form.role", { n: i + 1 })}
              defaultValue={v(`employments.${i}.role`)}
              error={e(`employments.${i}.role`)}
            />
            <Field
              name={`employments.${i}.days`}
              label={t("form.days", { n: i + 1 })}
              defaultValue={v(`employments.${i}.days`)}
              error={e(`employments.${i}.days`)}
              inputMode="decimal"
            />
            <Field
              name={`employments.${i}.fee`}
              label={t("form.fee", { n: i + 1 })}
              hint={t("form.amountHint")}
              defaultValue={v(`employments.${i}.fee`)}
              error={e(`employments.${i}.fee`)}
              inputMode="decimal"
            />
            <SelectField
              name={`employments.${i}.professional`}
              label={t("form.professional", { n: i + 1 })}
              value={v(`employments.${i}.professional`)}
              error={e(`employments.${i}.professional`)}
              options={[
                { value: "yes", label: t("form.professionalYes") },
                { value: "no", label: t("form.professionalNo") },
              ]}
              none={t("form.professionalNotStated")}
            />
          </div>
        ))}
      </Section>

      <Section id="activity" title={t("form.section.activity")}>
        <Field
          name="sessionsHeld"
          label={t("form.sessionsHeld")}
          defaultValue={v("sessionsHeld")}
          error={e("sessionsHeld")}
          inputMode="numeric"
        />
        <p className="hint">{t("form.participantsHint")}</p>
        {options.targetGroups.map((g) => (
          <Field
            key={g.code}
            name={`participants.${g.code}`}
            label={t("form.participants", { group: L(g.name) })}
            defaultValue={v(`participants.${g.code}`)}
            error={e(`participants.${g.code}`)}
            inputMode="numeric"
          />
        ))}
      </Section>

      <Section id="goodPractice" title={t("form.section.goodPractice")}>
        {bilingual("gpProblem", t("gp.problem"), true, 3)}
        {bilingual("gpSolution", t("gp.solution"), true, 3)}
        {bilingual("gpResultsClient", t("gp.resultsClient"), true, 3)}
        {bilingual("gpResultsService", t("gp.resultsService"), true, 3)}
        {bilingual("gpResultsSociety", t("gp.resultsSociety"), true, 3)}
        <div className="side-by-side">
          <Field
            name="costPerSession"
            label={t("form.costPerSession")}
            hint={t("form.amountHint")}
            defaultValue={v("costPerSession")}
            error={e("costPerSession")}
            inputMode="decimal"
          />
          <Field
            name="maxGroupSize"
            label={t("form.maxGroupSize")}
            defaultValue={v("maxGroupSize")}
            error={e("maxGroupSize")}
            inputMode="numeric"
          />
          <Field
            name="sessionHours"
            label={t("form.sessionHours")}
            defaultValue={v("sessionHours")}
            error={e("sessionHours")}
            inputMode="decimal"
          />
        </div>
      </Section>

      <Section id="sources" title={t("form.section.sources")}>
        <p className="hint">{t("form.rowsHint")}</p>
        {n("sources", 2).map((i) => (
          <div className="row-group" key={i}>
            <Field
              name={`sources.${i}.title`}
              label={t("form.sourceTitle", { n: i + 1 })}
              defaultValue={v(`sources.${i}.title`)}
              error={e(`sources.${i}.title`)}
            />
            <Field
              name={`sources.${i}.url`}
              label={t("form.sourceUrl", { n: i + 1 })}
              type="url"
              defaultValue={v(`sources.${i}.url`)}
              error={e(`sources.${i}.url`)}
            />
            <Field
              name={`sources.${i}.document`}
              label={t("form.sourceDocument", { n: i + 1 })}
              defaultValue={v(`sources.${i}.document`)}
              error={e(`sources.${i}.document`)}
            />
          </div>
        ))}
      </Section>

      <Section id="contact" title={t("form.section.contact")}>
        <Field
          name="contactName"
          label={t("form.contactName")}
          defaultValue={v("contactName")}
          error={e("contactName")}
          autoComplete="off"
        />
        <Field
          name="contactEmail"
          label={t("form.contactEmail")}
          hint={t("form.contactHint")}
          type="email"
          defaultValue={v("contactEmail")}
          error={e("contactEmail")}
          autoComplete="off"
        />
        {/* Consent of the contact person to be shown publicly (docs/decisions/065). */}
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="contactPublic"
              aria-describedby="contactPublic-hint"
              defaultChecked={v("contactPublic") === "on"}
            />{" "}
            {t("form.contactPublic")}
          </label>
          <p className="hint" id="contactPublic-hint">
            {t("form.contactPublicHint")}
          </p>
        </div>
      </Section>

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {state === "new" || state === "draft" ? t("form.saveDraft") : t("form.save")}
        </button>{" "}
        {state === "new" || state === "draft" ? (
          <button type="submit" name="intent" value="submit" className="button button-secondary" disabled={busy}>
            {t("form.submit")}
          </button>
        ) : null}{" "}
        <Link to={cancelTo}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}

function MunicipalityInput({
  name,
  label,
  value,
  error,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
}) {
  return (
    <Field
      name={name}
      label={label}
      defaultValue={value}
      error={error}
      list="municipality-options"
      autoComplete="off"
      describedBy="municipality-hint"
    />
  );
}
