import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateField, ErrorSummary, Field, SelectField } from "~/components/field";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";
import type { PilotPageData } from "./types";

/** The continuation check form for the pilot's editors; posts `intent=addCheck` to the pilot page's action. */
export function CheckForm({
  statuses,
  posted,
  errors,
  busy,
}: {
  statuses: PilotPageData["statuses"];
  posted: Record<string, string>;
  errors: Record<string, string>;
  busy: boolean;
}) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
    <Form method="post" noValidate className="check-form no-print" aria-labelledby="check-form-title">
      <h3 id="check-form-title">{t("checkForm.title")}</h3>
      <ErrorSummary
        errors={errors}
        labels={{
          "check.checkedOn": t("checkForm.checkedOn"),
          "check.statusCode": t("checkForm.status"),
          "check.fundingAfter": t("checkForm.fundingAfter"),
          "check.evidenceRef": t("checkForm.evidenceRef"),
          "check.evidenceUrl": t("checkForm.evidenceUrl"),
          "check.notes": t("checkForm.notes"),
        }}
      />
      <input type="hidden" name="intent" value="addCheck" />
      <div className="side-by-side">
        <DateField
          name="check.checkedOn"
          label={t("checkForm.checkedOn")}
          required
          defaultValue={posted["check.checkedOn"]}
          error={errors["check.checkedOn"]}
        />
        <SelectField
          name="check.statusCode"
          label={t("checkForm.status")}
          required
          value={posted["check.statusCode"]}
          none={t("form.none")}
          options={statuses.map((s) => ({
            value: s.code,
            label: t(`status.${s.code}`, { defaultValue: localizedString(s.name, lang) }),
          }))}
          error={errors["check.statusCode"]}
        />
      </div>
      <Field
        name="check.endedOn"
        label={t("checkForm.endedOn")}
        hint={t("checkForm.endedOnHint")}
        defaultValue={posted["check.endedOn"]}
        error={errors["check.endedOn"]}
        inputMode="numeric"
      />
      <Field
        name="check.fundingAfter"
        label={t("checkForm.fundingAfter")}
        defaultValue={posted["check.fundingAfter"]}
        maxLength={500}
        error={errors["check.fundingAfter"]}
      />
      <div className="side-by-side">
        <Field
          name="check.evidenceRef"
          label={t("checkForm.evidenceRef")}
          defaultValue={posted["check.evidenceRef"]}
          error={errors["check.evidenceRef"]}
        />
        <Field
          name="check.evidenceUrl"
          type="url"
          label={t("checkForm.evidenceUrl")}
          defaultValue={posted["check.evidenceUrl"]}
          error={errors["check.evidenceUrl"]}
        />
      </div>
      <Field
        name="check.notes"
        label={t("checkForm.notes")}
        multiline
        rows={3}
        defaultValue={posted["check.notes"]}
        maxLength={5000}
        error={errors["check.notes"]}
      />
      <button type="submit" className="button" disabled={busy}>
        {t("checkForm.submit")}
      </button>
    </Form>
  );
}
