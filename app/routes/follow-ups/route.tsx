import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { parseSubmission } from "~/utils/forms";
import { id } from "~/utils/validators";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { clock } from "~db/clock";
import { runJobNow } from "~db/jobs.server";
import { campaignFigures, listOpenRequests } from "~db/queries/follow-up-campaign.server";
import { resendRequest } from "~db/queries/follow-up-requests.server";
import { pilotsEdited } from "~db/queries/access.server";
import { listFollowUps, recordReminder, reminderTarget } from "~db/queries/follow-ups.server";
import { LocalizedText } from "~/components/localized-text";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { getI18n, isLang, type Lang } from "~/i18n";
import { audit } from "~db/audit.server";
import { todayIso } from "~shared/dates";
import { deliverEmail, publicUrl, queueEmail, type Email } from "~/utils/email.server";
import { formatDate, formatNumber } from "~/utils/format";
import { followUpSettings, jobHandlers } from "~/utils/jobs.server";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { can, isCouncil, requireUserWho, staffScope } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { Campaign, OpenRequests } from "./campaign";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.createPilot);
  const db = await getDb();
  const council = isCouncil(user);
  const scope = pilotsEdited(council ? "all" : await staffScope(user.id));
  const [result, campaign, open] = await Promise.all([
    listFollowUps(db, { scope, today: todayIso(), page: pageFromUrl(new URL(request.url)) }),
    council ? campaignFigures(db) : null,
    listOpenRequests(db, council ? {} : { forUser: { id: user.id, email: user.email } }),
  ]);
  return { ...result, council, campaign, open, settings: followUpSettings() };
}

const ResendSchema = z.object({
  intent: z.literal("resend"),
  requestId: z.coerce.number().int().min(1).max(2_000_000_000),
});

const RemindSchema = z.object({
  intent: z.literal("remind"),
  pilotId: id(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  // Reminders are the regional council's job.
  const user = await requireUserWho(request, lang, can.remindFollowUps);
  const form = await request.formData();
  if (form.get("intent") === "resend") return resend(form, user.id);
  const parsed = parseSubmission(form, RemindSchema);
  if (!parsed.ok) throw data({ status: 400 }, { status: 400 });
  const db = await getDb();
  const p = await reminderTarget(db, parsed.data.pilotId);
  if (!p) throw data({ status: 404 }, { status: 404 });
  if (!p.contactEmail)
    return data({ error: "followUps.noContactError", reminded: null, resent: false }, { status: 400 });
  // The recipient's language when they have an account, else the sender's page language.
  const language: Lang = isLang(p.contactLanguage) ? p.contactLanguage : lang;
  const t = getI18n(language).t;
  const title = localizedString(p.title, language) || t("pilots:untitled");
  const email: Email = {
    kind: "reminder",
    to: p.contactEmail,
    language,
    subject: t("pilots:followUps.emailSubject", { title }),
    body: t("pilots:followUps.emailBody", {
      title,
      ended: formatDate(language, p.endDate),
      url: `${publicUrl()}/${language}/pilots/${p.id}#continuation`,
      interpolation: { escapeValue: false },
    }),
  };
  const outboxId = await recordReminder(db, {
    userId: user.id,
    pilotId: p.id,
    to: p.contactEmail,
    queue: (tx) => queueEmail(tx, email),
  });
  await deliverEmail(db, outboxId, email);
  return data({ error: null, reminded: p.contactEmail, resent: false });
}

/** The council sends an open request again (to a contact named since, too); its emails go out as jobs. */
async function resend(form: FormData, userId: number) {
  const parsed = ResendSchema.safeParse({ intent: form.get("intent"), requestId: form.get("requestId") });
  if (!parsed.success) throw data({ status: 400 }, { status: 400 });
  const db = await getDb();
  const now = clock.now();
  const result = await resendRequest(db, parsed.data.requestId, now);
  if (!result) throw data({ status: 404 }, { status: 404 });
  if (result.recipients === 0)
    return data({ error: "followups:campaign.resendNobody", reminded: null, resent: false }, { status: 400 });
  await audit(db, {
    userId,
    action: "followup.resend",
    entityType: "follow_up_request",
    entityId: parsed.data.requestId,
    after: { recipients: result.recipients },
  });
  // The mailing now, so its emails are in the outbox at once; their delivery is left to the runner.
  await runJobNow(db, jobHandlers, result.jobKey, now);
  return data({ error: null, reminded: null, resent: true });
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:followUps.title") },
];

export default function FollowUps() {
  const { rows, total, page, pageSize, council, campaign, open, settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const reason = (r: (typeof rows)[number]) =>
    r.reason === "milestone"
      ? t("followUps.reasonMilestone", { months: r.months })
      : t(`followUps.reason${r.reason[0].toUpperCase()}${r.reason.slice(1)}`);
  return (
    <div>
      <h1>{t("followUps.title")}</h1>
      <p>{t("followUps.intro")}</p>
      <p>{council ? t("followUps.scopeCouncil") : t("followUps.scopeStaff")}</p>
      {actionData?.reminded ? (
        <p className="notice notice-success" role="status">
          {t("followUps.reminded", { email: actionData.reminded })}
        </p>
      ) : null}
      {actionData?.resent ? (
        <p className="notice notice-success" role="status">
          {t("followups:campaign.resent")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="notice notice-warning" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      {campaign ? <Campaign figures={campaign} settings={settings} /> : null}
      <OpenRequests rows={open} council={council} />
      <h2>{t("followups:campaign.dueTitle")}</h2>
      <p role="status" data-testid="follow-up-count">
        {t("followUps.count", { count: total, formatted: formatNumber(lang, total) })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{t("followUps.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("followUps.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("followUps.pilot")}</th>
                <th scope="col">{t("followUps.ended")}</th>
                <th scope="col">{t("followUps.latest")}</th>
                <th scope="col">{t("followUps.reason")}</th>
                <th scope="col" className="num">
                  {t("followUps.overdue")}
                </th>
                <th scope="col">{t("followUps.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/${lang}/pilots/${r.id}`}>
                      <LocalizedText value={r.title} emptyText={t("untitled")} />
                    </Link>
                    {r.state !== "published" ? (
                      <>
                        {" "}
                        <span className={`badge badge-${r.state}`}>{t(`state.${r.state}`)}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{formatDate(lang, r.endDate)}</td>
                  <td>
                    {r.lastCheck
                      ? `${formatDate(lang, r.lastCheck)} (${t(`status.${r.lastStatus}`)})`
                      : t("followUps.none")}
                  </td>
                  <td>{reason(r)}</td>
                  <td className="num">
                    {t("followUps.days", { count: r.overdueDays, formatted: formatNumber(lang, r.overdueDays) })}
                  </td>
                  <td>
                    <Link to={`/${lang}/pilots/${r.id}#check-form-title`}>{t("followUps.addCheck")}</Link>
                    {council ? (
                      r.contactEmail ? (
                        <Form method="post">
                          <input type="hidden" name="pilotId" value={r.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="remind"
                            className="button-link"
                            disabled={navigation.state === "submitting"}
                          >
                            {t("followUps.remind")}
                          </button>
                        </Form>
                      ) : (
                        <p className="muted">{t("followUps.noContact")}</p>
                      )
                    ) : null}
                    {r.lastReminder ? (
                      <p className="muted">{t("followUps.lastReminder", { date: formatDate(lang, r.lastReminder) })}</p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
