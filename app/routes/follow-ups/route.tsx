import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { parseSubmission } from "~/utils/forms";
import { id } from "~/utils/validators";
import { eq, sql } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { listFollowUps } from "~db/queries/follow-ups.server";
import { pilots, users } from "~db/schema";
import { LocalizedText } from "~/components/localized-text";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { getI18n, isLang, type Lang } from "~/i18n";
import { audit } from "~db/audit.server";
import { todayIso } from "~shared/dates";
import { deliverEmail, publicUrl, queueEmail, type Email } from "~/utils/email.server";
import { formatDate, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { can, isCouncil, pilotInScope, requireUserWho, staffScope } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.createPilot);
  const db = await getDb();
  const council = isCouncil(user);
  const scope = council ? sql`true` : pilotInScope(await staffScope(user.id));
  const result = await listFollowUps(db, { scope, today: todayIso(), page: pageFromUrl(new URL(request.url)) });
  return { ...result, council };
}

const RemindSchema = z.object({
  intent: z.literal("remind"),
  pilotId: id(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  // Reminders are the regional council's job.
  const user = await requireUserWho(request, lang, can.remindFollowUps);
  const parsed = parseSubmission(await request.formData(), RemindSchema);
  if (!parsed.ok) throw data({ status: 400 }, { status: 400 });
  const db = await getDb();
  const [p] = await db
    .select({ id: pilots.id, title: pilots.title, endDate: pilots.endDate, contactEmail: pilots.contactEmail })
    .from(pilots)
    .where(eq(pilots.id, parsed.data.pilotId));
  if (!p) throw data({ status: 404 }, { status: 404 });
  if (!p.contactEmail) return data({ error: "followUps.noContactError", reminded: null }, { status: 400 });
  // The recipient's language when they have an account, else the sender's page language.
  const [recipient] = await db.select({ language: users.language }).from(users).where(eq(users.email, p.contactEmail));
  const language: Lang = recipient && isLang(recipient.language) ? recipient.language : lang;
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
  const outboxId = await db.transaction(async (tx) => {
    const id = await queueEmail(tx, email);
    await audit(tx, {
      userId: user.id,
      action: "pilot.remind",
      entityType: "pilot",
      entityId: p.id,
      after: { to: p.contactEmail, outboxId: id },
    });
    return id;
  });
  await deliverEmail(db, outboxId, email);
  return data({ error: null, reminded: p.contactEmail });
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:followUps.title") },
];

export default function FollowUps() {
  const { rows, total, page, pageSize, council } = useLoaderData<typeof loader>();
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
      {actionData?.error ? (
        <p className="notice notice-warning" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
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
