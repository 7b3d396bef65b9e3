/**
 * The one-click answer to a follow-up request (docs/decisions/087), no sign-in: the link in the email
 * opens this page with the chosen status preselected. Opening it (GET) records nothing — mail
 * scanners open links; the POST uses the link, records a check dated today on the request's pilot,
 * attributed to the recipient, and closes the request, all in one transaction.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { clock, helsinkiDay } from "~db/clock";
import type { Db } from "~db/connect";
import { answerRequest, requestState } from "~db/queries/follow-up-answers.server";
import { continuationStatusCodes } from "~db/queries/continuation-checks.server";
import { ChoiceGroup } from "~/components/choice-group";
import { ErrorSummary, Field } from "~/components/field";
import { LocalizedText } from "~/components/localized-text";
import { getI18n, isLang, type Lang } from "~/i18n";
import { AnswerSchema, isAnswerStatus } from "~/utils/follow-up-answer";
import { formatDate } from "~/utils/format";
import { type FieldErrors, formValues, parseSubmission } from "~/utils/forms";
import { useValidatedForm } from "~/utils/use-validated-form";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { assertSameOrigin } from "~/utils/security.server";
import { consumeToken, inspectToken } from "~db/queries/tokens.server";
import { unusableToken } from "~/utils/token-links.server";
import { useLang } from "~/utils/use-lang";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadAnswerSchema = () => import("~/utils/follow-up-answer").then((m) => m.AnswerSchema);

type LinkState = "valid" | "unknown" | "used" | "expired" | "answered" | "superseded";

/** What the link leads to, without using it. */
async function linkView(db: Db, token: string | undefined) {
  const { status, token: row } = await inspectToken(db, "followup", token);
  if (!row || status === "unknown") return { state: "unknown" as LinkState, request: null };
  const request = await requestState(db, Number(row.payload.requestId));
  if (!request || request.pilotId !== Number(row.payload.pilotId))
    return { state: "unknown" as LinkState, request: null };
  if (!request.open) return { state: (request.outcome ?? "answered") as LinkState, request };
  if (status === "used" || status === "expired") return { state: status as LinkState, request };
  return { state: "valid" as LinkState, request };
}

async function statusOptions(db: Db, lang: Lang) {
  const rows = await continuationStatusCodes(db);
  return rows
    .filter((r) => isAnswerStatus(r.code))
    .map((r) => ({ value: r.code, label: localizedString(r.name, lang) }));
}

const EMPTY = { pilotId: "", status: "" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = await getDb();
  const view = await linkView(db, params.token);
  if (view.state !== "valid" || !view.request) return unusableToken<typeof EMPTY, LinkState>(view.state, EMPTY);
  const asked = new URL(request.url).searchParams.get("status");
  return {
    state: "valid" as const,
    pilotId: String(view.request.pilotId),
    title: view.request.title,
    status: isAnswerStatus(asked) ? asked : "",
    statuses: await statusOptions(db, lang),
    today: helsinkiDay(clock.now()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  requireLang(params);
  const formData = await request.formData();
  const parsed = parseSubmission(formData, AnswerSchema);
  if (!parsed.ok)
    return data(
      { state: "invalid" as const, reply: parsed.reply, errors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  const db = await getDb();
  const view = await linkView(db, params.token);
  if (view.state !== "valid" || !view.request) return unusableToken<typeof EMPTY, LinkState>(view.state, EMPTY);
  const answer = parsed.data;
  // The link decides the pilot; a form posted for another pilot is refused, never recorded there.
  if (answer.pilotId !== view.request.pilotId)
    return data(
      {
        state: "invalid" as const,
        reply: parsed.reply(),
        errors: { _form: "followups:answer.mismatch" } as FieldErrors,
        values: formValues(formData),
      },
      { status: 400 },
    );
  const now = clock.now();
  const recorded = await db.transaction(async (tx) => {
    const token = await consumeToken(tx, "followup", params.token);
    if (!token) return null;
    return answerRequest(tx, {
      requestId: Number(token.payload.requestId),
      recipient: { email: token.email, userId: token.userId },
      check: {
        statusCode: answer.statusCode,
        evidenceRef: answer.evidenceRef || null,
        fundingAfter: answer.fundingAfter || null,
        evidenceUrl: answer.evidenceUrl || null,
        notes: answer.notes || null,
      },
      today: helsinkiDay(now),
      now,
    });
  });
  if (!recorded) {
    const after = await linkView(db, params.token);
    return unusableToken<typeof EMPTY, LinkState>(after.state === "valid" ? "used" : after.state, EMPTY);
  }
  return { state: "done" as const, statusCode: answer.statusCode, title: view.request.title };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("followups:answer.title") },
];

export default function FollowUpAnswer() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("followups");
  const lang = useLang();
  const refused = result?.state === "invalid" ? result : undefined;
  const { formProps, errors = {} } = useValidatedForm(loadAnswerSchema, refused);
  if (result?.state === "done")
    return (
      <div className="narrow">
        <h1>{t("answer.doneTitle")}</h1>
        <p className="notice notice-success" role="status">
          {t("answer.doneLead", {
            status: t(`pilots:status.${result.statusCode}`),
            title: localizedString(result.title, lang) || t("email.untitled"),
          })}
        </p>
      </div>
    );
  const state = result && "state" in result && result.state !== "invalid" ? result.state : loaded.state;
  if (state !== "valid" || !("title" in loaded))
    return (
      <div className="narrow">
        <h1>{t(`answer.${state}Title`)}</h1>
        <p className="notice notice-warning" role="alert">
          {t(`answer.${state}Text`)}
        </p>
        <ul className="link-list">
          <li>
            <Link to={`/${lang}/login`}>{t("common:signIn")}</Link>
          </li>
        </ul>
      </div>
    );
  const posted = (refused?.values ?? {}) as Record<string, string | undefined>;
  const err = (name: string) => errors[name];
  const labels = {
    statusCode: t("answer.status"),
    evidenceRef: t("answer.evidenceRef"),
    fundingAfter: t("answer.fundingAfter"),
    evidenceUrl: t("answer.evidenceUrl"),
    notes: t("answer.notes"),
  };
  return (
    <div className="narrow">
      <h1>{t("answer.title")}</h1>
      <p>{t("answer.lead", { date: formatDate(lang, loaded.today) })}</p>
      <p>
        <strong>{t("answer.pilot")}:</strong> <LocalizedText value={loaded.title} emptyText={t("email.untitled")} />
      </p>
      <Form method="post" {...formProps}>
        <ErrorSummary errors={errors} labels={labels} />
        <input type="hidden" name="pilotId" value={loaded.pilotId} />
        <ChoiceGroup
          type="radio"
          name="statusCode"
          legend={t("answer.status")}
          options={loaded.statuses}
          selected={[posted.statusCode ?? loaded.status]}
          error={err("statusCode")}
          required
        />
        <fieldset className="field">
          <legend>{t("answer.evidence")}</legend>
          <Field
            name="evidenceRef"
            label={t("answer.evidenceRef")}
            defaultValue={posted.evidenceRef}
            error={err("evidenceRef")}
          />
          <Field
            name="fundingAfter"
            label={t("answer.fundingAfter")}
            defaultValue={posted.fundingAfter}
            error={err("fundingAfter")}
          />
          <Field
            name="evidenceUrl"
            type="url"
            inputMode="url"
            label={t("answer.evidenceUrl")}
            defaultValue={posted.evidenceUrl}
            error={err("evidenceUrl")}
          />
        </fieldset>
        <Field
          name="notes"
          label={t("answer.notes")}
          multiline
          rows={3}
          defaultValue={posted.notes}
          error={err("notes")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("answer.submit")}
        </button>
      </Form>
    </div>
  );
}
