/** The pilot form's later sections: funding, artists, activity, good practice, sources and contact. */
import { FUNDING_KINDS } from "~shared/codes";
import { Checkbox } from "~/components/choice-group";
import { Field, SelectField } from "~/components/field";
import { ArtistPicker } from "./artist-picker";
import { type Kit, Section } from "./pilot-form-kit";
import { Bilingual } from "./pilot-form-sections";

export function FundingSection({ kit }: { kit: Kit }) {
  const { t, v, e, orgOptions } = kit;
  return (
    <Section id="funding" title={t("form.section.funding")}>
      <p className="hint">{t("form.rowsHint")}</p>
      {kit.rows("funding", 2).map((i) => (
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
  );
}

export function ArtistsSection({ kit }: { kit: Kit }) {
  const { t, v, e } = kit;
  return (
    <Section id="artists" title={t("form.section.artists")}>
      <p className="hint">{t("form.rowsHint")}</p>
      {kit.rows("employments", 2).map((i) => (
        <div className="row-group" key={i}>
          <ArtistPicker kit={kit} row={i} />
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
  );
}

export function ActivitySection({ kit }: { kit: Kit }) {
  const { t, v, e, L, options } = kit;
  return (
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
  );
}

export function GoodPracticeSection({ kit }: { kit: Kit }) {
  const { t, v, e } = kit;
  return (
    <Section id="goodPractice" title={t("form.section.goodPractice")}>
      <Bilingual kit={kit} field="gpProblem" label={t("gp.problem")} multiline rows={3} />
      <Bilingual kit={kit} field="gpSolution" label={t("gp.solution")} multiline rows={3} />
      <Bilingual kit={kit} field="gpResultsClient" label={t("gp.resultsClient")} multiline rows={3} />
      <Bilingual kit={kit} field="gpResultsService" label={t("gp.resultsService")} multiline rows={3} />
      <Bilingual kit={kit} field="gpResultsSociety" label={t("gp.resultsSociety")} multiline rows={3} />
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
  );
}

export function SourcesSection({ kit }: { kit: Kit }) {
  const { t, v, e } = kit;
  return (
    <Section id="sources" title={t("form.section.sources")}>
      <p className="hint">{t("form.rowsHint")}</p>
      {kit.rows("sources", 2).map((i) => (
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
  );
}

export function ContactSection({ kit }: { kit: Kit }) {
  const { t, v, e } = kit;
  return (
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
      <Checkbox
        name="contactPublic"
        label={t("form.contactPublic")}
        hint={t("form.contactPublicHint")}
        checked={v("contactPublic") === "on"}
      />
    </Section>
  );
}
