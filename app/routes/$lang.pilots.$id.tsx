import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteLoaderData,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { getPilot } from "~db/queries/pilots.server";
import { VersionConflict } from "~db/queries/conflict";
import { addContinuationCheck, continuationStatusCodes, transitionPilot } from "~db/queries/pilot-write.server";
import { ErrorSummary, Field, SelectField } from "~/components/field";
import { LocalizedText } from "~/components/localized-text";
import { PilotReview, UnpublishForm } from "~/components/pilot-review";
import { getI18n, isLang } from "~/i18n";
import { checkSchema } from "~/utils/check-form";
import { todayIso } from "~shared/dates";
import { formatDate, formatHours, formatMoney, formatNumber } from "~/utils/format";
import type { RootData } from "~/root";
import { formValues, parseSubmission } from "~/utils/forms";
import { errorText, int, M, optionalText, requiredChoice } from "~/utils/validators";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import {
  can,
  forbidden,
  notFound,
  personalAccess,
  pilotVisibility,
  requirePilotEditor,
} from "~/utils/permissions.server";
import { V } from "~/utils/pilot-form";
import { handleReviewIntent, isReviewIntent, loadReview } from "~/utils/pilot-review.server";
import { assertSameOrigin } from "~/utils/security.server";
import { getUser } from "~/utils/session.server";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await getUser(request);
  const db = await getDb();
  const pilot = await getPilot(db, id, await pilotVisibility(user), await personalAccess(user));
  if (!pilot) notFound();
  const canEdit = await can.editPilot(user, id);
  return {
    // The council's return comment is for the pilot's editors, not every viewer of the draft.
    pilot: canEdit ? pilot : { ...pilot, returnComment: null },
    canEdit,
    council: can.publish(user),
    statuses: canEdit ? await continuationStatusCodes(db) : [],
    // A published pilot's pending edit: for its editors and the council only (the public sees the approved version).
    review: canEdit ? await loadReview(db, id, lang) : null,
    title: localizedString(pilot.title, lang),
  };
}

const WorkflowSchema = z.object({
  intent: requiredChoice(["publish", "return", "addCheck"]),
  version: int({ min: 0, message: M.invalid }),
  comment: optionalText(2000, { multiline: true }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await requirePilotEditor(request, lang, id);
  const formData = await request.formData();
  if (isReviewIntent(formData.get("intent")))
    return handleReviewIntent(request, await getDb(), lang, user, id, formData);
  const parsed = parseSubmission(formData, WorkflowSchema);
  const db = await getDb();
  if (!parsed.ok) {
    // The workflow buttons post nothing a person typed but the comment: a bad one is shown beside it.
    if (parsed.errors.comment && formData.get("intent") === "return")
      return data(
        { intent: "return" as const, errors: parsed.errors, values: parsed.values, reply: parsed.reply },
        { status: 400 },
      );
    throw data({ status: 400 }, { status: 400 });
  }
  const form = formValues(formData);
  const { intent, version, comment } = parsed.data;
  if (intent === "addCheck") {
    const statuses = (await continuationStatusCodes(db)).map((s) => s.code);
    const check = parseSubmission(formData, checkSchema(statuses, todayIso()));
    if (!check.ok)
      return data({ intent, errors: check.errors, values: check.values, reply: check.reply }, { status: 400 });
    await addContinuationCheck(db, id, check.data.check, user);
    return redirect(`/${lang}/pilots/${id}?done=checkAdded#continuation`);
  }
  // Publishing and returning are the council's.
  if (!can.publish(user)) forbidden();
  if (version == null) throw data({ status: 400 }, { status: 400 });
  if (intent === "return" && !comment) {
    return data(
      { intent, errors: { comment: V.commentRequired } as Record<string, string>, values: form, reply: undefined },
      { status: 400 },
    );
  }
  try {
    await transitionPilot(
      db,
      id,
      version,
      intent === "publish"
        ? { state: "published", from: ["submitted"] }
        : { state: "draft", from: ["submitted"], comment },
      user.id,
    );
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    return data(
      { intent, errors: { _form: "pilots:actions.stale" } as Record<string, string>, values: form, reply: undefined },
      { status: 409 },
    );
  }
  return redirect(`/${lang}/pilots/${id}?done=${intent === "publish" ? "published" : "returnedDone"}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  const t = getI18n(isLang(params.lang) ? params.lang : "fi").t;
  return [{ title: `${data?.title || t("pilots:untitled")} – ${t("serviceName")}` }];
};

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="detail-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

const DONE = {
  saved: "actions.saved",
  submitted: "actions.submitted",
  published: "actions.published",
  returnedDone: "actions.returnedDone",
  checkAdded: "checkForm.added",
  revisionSaved: "revision.saved",
  revisionApproved: "revision.approved",
  revisionReturned: "revision.returnedDone",
  unpublished: "revision.unpublished",
} as const;

export default function PilotPage() {
  const { pilot: p, canEdit, council, statuses, review } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const done = search.get("done") as keyof typeof DONE | null;
  const errors = (actionData?.errors ?? {}) as Record<string, string>;
  const posted = (actionData?.values ?? {}) as Record<string, string>;
  const checkErrors = actionData?.intent === "addCheck" ? errors : {};
  const busy = navigation.state === "submitting";
  const root = useRouteLoaderData("root") as RootData | undefined;
  const totalFunding = p.funding.reduce((sum, f) => sum + f.amountCents, 0);
  const gp = [
    ["problem", p.gpProblem],
    ["solution", p.gpSolution],
    ["resultsClient", p.gpResultsClient],
    ["resultsService", p.gpResultsService],
    ["resultsSociety", p.gpResultsSociety],
  ] as const;
  const hasGp = gp.some(([, v]) => v.fi || v.sv) || p.costPerSessionCents != null || p.maxGroupSize != null;
  return (
    <article className="pilot">
      <p className="breadcrumbs">
        <Link to={`/${lang}/pilots`}>{t("list.title")}</Link>
      </p>
      <LocalizedText value={p.title} as="h1" emptyText={t("untitled")} />
      <p className="card-meta">
        {p.state !== "published" ? <span className={`badge badge-${p.state}`}>{t(`state.${p.state}`)}</span> : null}
        {p.isExample ? <span className="badge badge-example">{t("example")}</span> : null}
      </p>
      {done && DONE[done] ? (
        <p className="notice notice-success" role="status">
          {t(DONE[done])}
        </p>
      ) : null}
      {errors._form ? (
        <p className="notice notice-warning" role="alert">
          {errorText(t, errors._form)}
        </p>
      ) : null}
      {p.state === "draft" && p.returnComment ? (
        <p className="notice notice-warning">{t("actions.returnedComment", { comment: p.returnComment })}</p>
      ) : null}
      <div className="toolbar no-print">
        {canEdit ? (
          <Link className="button" to={`/${lang}/pilots/${p.id}/edit`}>
            {t("actions.edit")}
          </Link>
        ) : null}
        <PrintButton label={t("actions.print")} />
        {canEdit && p.state === "draft" ? (
          <Link className="button button-secondary" to={`/${lang}/pilots/${p.id}/delete`}>
            {t("actions.delete")}
          </Link>
        ) : null}
      </div>
      {council && p.state === "submitted" ? (
        <section aria-labelledby="workflow" className="workflow no-print">
          <h2 id="workflow">{t("actions.workflowTitle")}</h2>
          <Form method="post" className="inline-form">
            <input type="hidden" name="version" value={p.version} />
            <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
              {t("actions.publish")}
            </button>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="version" value={p.version} />
            <Field
              name="comment"
              label={t("actions.returnComment")}
              multiline
              rows={3}
              defaultValue={posted.comment}
              error={actionData?.intent === "return" ? errors.comment : undefined}
            />
            <button type="submit" name="intent" value="return" className="button button-secondary" disabled={busy}>
              {t("actions.return")}
            </button>
          </Form>
        </section>
      ) : null}
      {review ? (
        <PilotReview review={review} version={p.version} council={council} busy={busy} posted={actionData} />
      ) : null}
      {council && p.state === "published" ? (
        <UnpublishForm version={p.version} busy={busy} posted={actionData} />
      ) : null}
      <LocalizedText value={p.summary} as="p" className="lead" />

      <dl className="facts">
        <dt>{t("field.programme")}</dt>
        <dd>
          {p.programmes.length === 0
            ? t("notRecorded")
            : p.programmes.map((pr) => (
                <div key={pr.programmeId}>
                  <LocalizedText value={pr.programme} />
                  {pr.phase ? (
                    <>
                      {" – "}
                      <LocalizedText value={pr.phase} />
                    </>
                  ) : null}
                </div>
              ))}
        </dd>
        <dt>{t("field.municipalities")}</dt>
        <dd>
          {p.municipalities.map((m, i) => (
            <span key={m.code}>
              {i > 0 ? ", " : ""}
              <LocalizedText value={m.name} />
              {m.isLead ? ` (${t("lead")})` : ""}
            </span>
          ))}
        </dd>
        <dt>{t("field.implementer")}</dt>
        <dd>{p.implementer ? <LocalizedText value={p.implementer} /> : t("notRecorded")}</dd>
        {p.partners.length ? (
          <>
            <dt>{t("field.partners")}</dt>
            <dd>
              {p.partners.map((o) => (
                <div key={`${o.id}-${o.role}`}>
                  <LocalizedText value={o.name} /> ({t(`partnerRole.${o.role}`)})
                </div>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t("field.period")}</dt>
        <dd>
          {/* A pilot taken from sources may not tell when it started: "not known", not "not recorded". */}
          {p.startDate ? formatDate(lang, p.startDate) : p.sources.length ? t("startUnknown") : t("notRecorded")} –{" "}
          {p.endDate ? formatDate(lang, p.endDate) : t("notRecorded")}
        </dd>
        <dt>{t("field.sectors")}</dt>
        <dd>{p.sectors.length ? p.sectors.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}</dd>
        <dt>{t("field.targetGroups")}</dt>
        <dd>
          {p.targetGroups.length
            ? p.targetGroups.map((s) => localizedString(s.name, lang)).join(", ")
            : t("notRecorded")}
        </dd>
        <dt>{t("field.artForms")}</dt>
        <dd>
          {p.artForms.length ? p.artForms.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}
        </dd>
      </dl>

      <Section id="description" title={t("section.description")}>
        <LocalizedText value={p.description} as="div" className="text" emptyText={t("missingText")} />
      </Section>

      <Section id="continuation" title={t("section.continuation")}>
        {p.checks.length === 0 ? (
          <p className="empty">{t("noChecks")}</p>
        ) : (
          <ol className="timeline">
            {p.checks.map((c) => (
              <li key={c.id} className={`timeline-item status-${c.countsAs}`}>
                <p className="timeline-head">
                  <time dateTime={c.checkedOn}>{formatDate(lang, c.checkedOn)}</time>:{" "}
                  <strong>{localizedString(c.status, lang)}</strong>
                </p>
                {c.endedOn ? (
                  <p>
                    {t("check.endedOn")}: <time dateTime={c.endedOn}>{formatDate(lang, c.endedOn)}</time>
                  </p>
                ) : null}
                {c.fundingAfter ? (
                  <p>
                    {t("check.fundingAfter")}: {c.fundingAfter}
                  </p>
                ) : null}
                {c.evidenceRef || c.evidenceUrl ? (
                  <p>
                    {t("check.evidence")}: {c.evidenceRef}{" "}
                    {c.evidenceUrl ? (
                      <a href={c.evidenceUrl} rel="noopener noreferrer">
                        {c.evidenceUrl}
                      </a>
                    ) : null}
                  </p>
                ) : null}
                {c.notes ? <p>{c.notes}</p> : null}
                {c.checkedByName ? <p className="muted">{t("check.by", { name: c.checkedByName })}</p> : null}
              </li>
            ))}
          </ol>
        )}
        {canEdit ? (
          <Form method="post" noValidate className="check-form no-print" aria-labelledby="check-form-title">
            <h3 id="check-form-title">{t("checkForm.title")}</h3>
            <ErrorSummary
              errors={checkErrors}
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
              <Field
                name="check.checkedOn"
                label={t("checkForm.checkedOn")}
                hint={t("form.dateHint")}
                required
                defaultValue={posted["check.checkedOn"]}
                error={checkErrors["check.checkedOn"]}
                inputMode="numeric"
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
                error={checkErrors["check.statusCode"]}
              />
            </div>
            <Field
              name="check.endedOn"
              label={t("checkForm.endedOn")}
              hint={t("checkForm.endedOnHint")}
              defaultValue={posted["check.endedOn"]}
              error={checkErrors["check.endedOn"]}
              inputMode="numeric"
            />
            <Field
              name="check.fundingAfter"
              label={t("checkForm.fundingAfter")}
              defaultValue={posted["check.fundingAfter"]}
              maxLength={500}
              error={checkErrors["check.fundingAfter"]}
            />
            <div className="side-by-side">
              <Field
                name="check.evidenceRef"
                label={t("checkForm.evidenceRef")}
                defaultValue={posted["check.evidenceRef"]}
                error={checkErrors["check.evidenceRef"]}
              />
              <Field
                name="check.evidenceUrl"
                type="url"
                label={t("checkForm.evidenceUrl")}
                defaultValue={posted["check.evidenceUrl"]}
                error={checkErrors["check.evidenceUrl"]}
              />
            </div>
            <Field
              name="check.notes"
              label={t("checkForm.notes")}
              multiline
              rows={3}
              defaultValue={posted["check.notes"]}
              maxLength={5000}
              error={checkErrors["check.notes"]}
            />
            <button type="submit" className="button" disabled={busy}>
              {t("checkForm.submit")}
            </button>
          </Form>
        ) : null}
      </Section>

      <Section id="funding" title={t("section.funding")}>
        {p.funding.length === 0 ? (
          <p className="empty">{t("notRecorded")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="funding" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("section.funding")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("funding.funder")}</th>
                  <th scope="col">{t("funding.kind")}</th>
                  <th scope="col" className="num">
                    {t("funding.amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.funding.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <LocalizedText value={f.funder} />
                    </td>
                    <td>{t(`fundingKind.${f.kind}`)}</td>
                    <td className="num">{formatMoney(lang, f.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t("funding.total")}
                  </th>
                  <td className="num">{formatMoney(lang, totalFunding)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Section>

      <Section id="artists" title={t("section.artists")}>
        {p.employments.length === 0 ? (
          <p className="empty">{t("notRecorded")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="artists" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("section.artists")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("employment.artist")}</th>
                  <th scope="col">{t("employment.role")}</th>
                  <th scope="col" className="num">
                    {t("employment.days")}
                  </th>
                  <th scope="col" className="num">
                    {t("employment.fee")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.employments.map((e) => (
                  <tr key={e.id}>
                    <td>
                      {e.artistId && e.listed ? (
                        <Link to={`/${lang}/artists/${e.artistId}`}>{e.artistName}</Link>
                      ) : (
                        e.unlistedName || t("employment.anonymous")
                      )}
                    </td>
                    <td>{e.role}</td>
                    <td className="num">{e.days != null ? formatNumber(lang, Number(e.days), 1) : ""}</td>
                    <td className="num">{formatMoney(lang, e.feeCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="activity" title={t("section.activity")}>
        <dl className="facts">
          <dt>{t("field.sessionsHeld")}</dt>
          <dd>{p.sessionsHeld != null ? formatNumber(lang, p.sessionsHeld) : t("notRecorded")}</dd>
          <dt>{t("field.sessionHours")}</dt>
          <dd>{p.sessionHours != null ? formatHours(lang, Number(p.sessionHours)) : t("notRecorded")}</dd>
          {p.figures.map((f) => (
            <div key={f.code} className="facts-row">
              <dt>{t("field.participants", { group: localizedString(f.name, lang) })}</dt>
              <dd>{formatNumber(lang, f.participants)}</dd>
            </div>
          ))}
        </dl>
      </Section>

      {hasGp ? (
        <Section id="good-practice" title={t("section.goodPractice")}>
          <dl className="facts">
            {gp.map(([key, value]) =>
              value.fi || value.sv ? (
                <div key={key} className="facts-row">
                  <dt>{t(`gp.${key}`)}</dt>
                  <dd>
                    <LocalizedText value={value} />
                  </dd>
                </div>
              ) : null,
            )}
            {p.costPerSessionCents != null ? (
              <div className="facts-row">
                <dt>{t("gp.costPerSession")}</dt>
                <dd>{formatMoney(lang, p.costPerSessionCents)}</dd>
              </div>
            ) : null}
            {p.maxGroupSize != null ? (
              <div className="facts-row">
                <dt>{t("gp.maxGroupSize")}</dt>
                <dd>{formatNumber(lang, p.maxGroupSize)}</dd>
              </div>
            ) : null}
          </dl>
        </Section>
      ) : null}

      <Section id="sources" title={t("section.sources")}>
        {p.sources.length === 0 ? (
          <p className="empty">{t("notRecorded")}</p>
        ) : (
          <ul>
            {p.sources.map((s) => (
              <li key={s.id}>
                {s.url ? (
                  <a href={s.url} rel="noopener noreferrer">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}
                {s.document && s.document !== s.title ? ` – ${s.document}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {p.contactEmail || p.contactName ? (
        <Section id="contact" title={t("section.contact")}>
          <p>
            {p.contactName} {p.contactEmail ? <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a> : null}
          </p>
          {canEdit && !p.contactPublic ? <p className="hint">{t("contactNotPublic")}</p> : null}
        </Section>
      ) : null}
      <p className="print-only muted">
        {t("actions.printedFrom", {
          date: formatDate(lang, todayIso()),
          url: `${root?.origin ?? ""}/${lang}/pilots/${p.id}`,
        })}
      </p>
    </article>
  );
}

/** Opens the browser's print dialog; without JavaScript the browser's own print command uses the same print styles. */
function PrintButton({ label }: { label: string }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" className="button button-secondary js-only" onClick={() => window.print()}>
      {label}
    </button>
  );
}
