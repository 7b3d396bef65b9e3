import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";

/** The council's buttons for a submitted pilot: publish it, or return it to its editors with a comment. */
export function WorkflowActions({
  version,
  busy,
  comment,
  error,
}: {
  version: number;
  busy: boolean;
  /** The comment as posted, kept when the return was refused. */
  comment?: string;
  error?: string;
}) {
  const { t } = useTranslation("pilots");
  return (
    <section aria-labelledby="workflow" className="workflow no-print">
      <h2 id="workflow">{t("actions.workflowTitle")}</h2>
      <Form method="post" className="inline-form">
        <input type="hidden" name="version" value={version} />
        <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
          {t("actions.publish")}
        </button>
      </Form>
      <Form method="post" noValidate>
        <input type="hidden" name="version" value={version} />
        <Field
          name="comment"
          label={t("actions.returnComment")}
          multiline
          rows={3}
          defaultValue={comment}
          error={error}
        />
        <button type="submit" name="intent" value="return" className="button button-secondary" disabled={busy}>
          {t("actions.return")}
        </button>
      </Form>
    </section>
  );
}
