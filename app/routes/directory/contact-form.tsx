/**
 * The contact form of an artist's page, for those who may contact artists: in a chunk of its own that
 * the page loads only for them (app/components/lazy-part.tsx, docs/decisions/151). Checked in the
 * browser with the action's schema, loaded when the form is used (docs/decisions/146).
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Field } from "~/components/field";
import { type FormResult, useValidatedForm } from "~/utils/use-validated-form";

const loadContactSchema = () => import("~/utils/artist-schemas").then((m) => m.ContactSchema);

export function ContactForm({
  result,
  message,
  busy,
}: {
  /** The action's answer to a refused message. */
  result: FormResult;
  /** The message as posted, kept when it was refused. */
  message?: string;
  busy: boolean;
}) {
  const { t } = useTranslation("artists");
  const contact = useValidatedForm(loadContactSchema, result);
  return (
    <Form method="post" className="stacked-form" {...contact.formProps}>
      <p className="hint">{t("contactForm.explain")}</p>
      <ErrorSummary errors={contact.errors} labels={{ message: t("contactForm.message") }} />
      <Field
        name="message"
        label={t("contactForm.message")}
        multiline
        rows={6}
        required
        defaultValue={message}
        error={contact.errors?.message}
      />
      <button type="submit" className="button" disabled={busy}>
        {t("contactForm.send")}
      </button>
    </Form>
  );
}
