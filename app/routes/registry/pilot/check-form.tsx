import { Form } from "@remix-run/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { todayIso } from "~shared/dates";
import { DateField, ErrorSummary, Field, SelectField } from "~/components/field";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";
import { type FormResult, useValidatedForm } from "~/utils/use-validated-form";
import type { PilotPageData } from "./types";

/**
 * The continuation check form for the pilot's editors: on the pilot page it posts `intent=addCheck`
 * to the page's action and starts empty (the page remounts it after a save); on a check's own page it
 * corrects that check, starting from its values, with the reason field from `children` (given the errors found). Checked in the
 * browser with the action's schema (the correction's with its version and reason), and by the action
 * without JavaScript (`result`: its answer; a form-level error is the host page's to show).
 */
export function CheckForm({
  statuses,
  posted,
  result,
  busy,
  intent = "addCheck",
  title,
  submitLabel,
  hidden = {},
  children,
}: {
  statuses: PilotPageData["statuses"];
  /** The values to show: the posted ones after a refused save, or the check being corrected. */
  posted: Record<string, string>;
  result: FormResult;
  busy: boolean;
  intent?: string;
  title?: string;
  submitLabel?: string;
  hidden?: Record<string, string | number>;
  children?: (errors: Record<string, string>) => React.ReactNode;
}) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  // The schema is imported when the form is used (docs/decisions/146): the public pilot page has no form.
  const loadSchema = useCallback(async () => {
    const { checkCorrectionSchema, checkSchema } = await import("~/utils/check-form");
    const codes = statuses.map((s) => s.code);
    return intent === "correct" ? checkCorrectionSchema(codes, todayIso()) : checkSchema(codes, todayIso());
  }, [statuses, intent]);
  const { formProps, errors: found } = useValidatedForm(loadSchema, result);
  const { _form, ...errors } = found ?? {};
  return (
    <Form method="post" className="check-form no-print" aria-labelledby="check-form-title" {...formProps}>
      <h3 id="check-form-title">{title ?? t("checkForm.title")}</h3>
      <ErrorSummary
        errors={errors}
        labels={{
          "check.checkedOn": t("checkForm.checkedOn"),
          "check.statusCode": t("checkForm.status"),
          "check.fundingAfter": t("checkForm.fundingAfter"),
          "check.evidenceRef": t("checkForm.evidenceRef"),
          "check.evidenceUrl": t("checkForm.evidenceUrl"),
          "check.notes": t("checkForm.notes"),
          "check.endedOn": t("checkForm.endedOn"),
          reason: t("checkEdit.reason"),
        }}
      />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
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
      {children?.(errors)}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel ?? t("checkForm.submit")}
      </button>
    </Form>
  );
}
