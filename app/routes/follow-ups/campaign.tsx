/** The follow-up page's campaign figures and the open requests (the council resends one from here). */
import { Form, Link, type useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";
import type { loader } from "./route";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function roundLabel(
  t: (k: string, o?: Record<string, unknown>) => string,
  reason: string | null,
  months: number | null,
) {
  if (reason === "milestone") return t("campaign.roundMilestone", { months });
  return t(`campaign.round${(reason ?? "none")[0].toUpperCase()}${(reason ?? "none").slice(1)}`);
}

/** The council's campaign figures: totals, the response rate, per round and per lead municipality. */
export function Campaign({
  figures,
  settings,
}: {
  figures: NonNullable<LoaderData["campaign"]>;
  settings: LoaderData["settings"];
}) {
  const { t } = useTranslation("followups");
  const lang = useLang();
  const n = (x: number) => formatNumber(lang, x);
  const table = (
    caption: string,
    head: string,
    groups: typeof figures.byRound,
    label: (g: (typeof groups)[number]) => string,
  ) => (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              {t("campaign.sent")}
            </th>
            <th scope="col" className="num">
              {t("campaign.answered")}
            </th>
            <th scope="col" className="num">
              {t("campaign.overdue")}
            </th>
            <th scope="col" className="num">
              {t("campaign.nobody")}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{label(g)}</th>
              <td className="num">{n(g.sent)}</td>
              <td className="num">{n(g.answered)}</td>
              <td className="num">{n(g.overdue)}</td>
              <td className="num">{n(g.nobody)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="campaign-title">
      <h2 id="campaign-title">{t("campaign.title")}</h2>
      <p>{t("campaign.lead", { remind: settings.remindDays, overdue: settings.overdueDays })}</p>
      {figures.requests === 0 ? (
        <p className="empty">{t("campaign.empty")}</p>
      ) : (
        <>
          <dl className="figures" data-testid="campaign-figures">
            <div>
              <dt>{t("campaign.responseRate")}</dt>
              <dd data-testid="response-rate">
                {figures.responseRate == null
                  ? t("campaign.responseRateNone")
                  : t("campaign.responseRateText", {
                      rate: formatPercent(lang, figures.responseRate),
                      answered: n(figures.answered),
                      sent: n(figures.sent),
                    })}
              </dd>
            </div>
            <div>
              <dt>{t("campaign.medianDays")}</dt>
              <dd>
                {figures.medianDays == null
                  ? t("campaign.medianNone")
                  : t("campaign.medianDaysText", { days: formatNumber(lang, figures.medianDays, 1) })}
              </dd>
            </div>
            <div>
              <dt>{t("campaign.overdue")}</dt>
              <dd>{n(figures.overdue)}</dd>
            </div>
            <div>
              <dt>{t("campaign.nobody")}</dt>
              <dd>{n(figures.nobody)}</dd>
            </div>
          </dl>
          {table(t("campaign.byRound"), t("campaign.round"), figures.byRound, (g) => roundLabel(t, g.reason, g.months))}
          {table(t("campaign.byMunicipality"), t("campaign.municipality"), figures.byMunicipality, (g) =>
            g.municipality ? localizedString(g.municipality, lang) : t("campaign.noMunicipality"),
          )}
        </>
      )}
    </section>
  );
}

/** Open requests: the council's queue with one action to resend, or the staff member's own. */
export function OpenRequests({ rows, council }: { rows: LoaderData["open"]; council: boolean }) {
  const { t } = useTranslation("followups");
  const lang = useLang();
  const navigation = useNavigation();
  return (
    <section aria-labelledby="open-requests">
      <h2 id="open-requests">{council ? t("campaign.open") : t("campaign.mine")}</h2>
      {council ? null : <p>{t("campaign.mineLead")}</p>}
      <p data-testid="open-count">
        {t("campaign.openCount", { count: rows.length, formatted: formatNumber(lang, rows.length) })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{t("campaign.openEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{council ? t("campaign.open") : t("campaign.mine")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("campaign.pilot")}</th>
                <th scope="col">{t("campaign.round")}</th>
                <th scope="col">{t("campaign.sentOn")}</th>
                {council ? <th scope="col">{t("campaign.recipients")}</th> : null}
                <th scope="col">{t("campaign.state")}</th>
                <th scope="col">{t("pilots:followUps.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/${lang}/pilots/${r.pilotId}`}>
                      <LocalizedText value={r.title} emptyText={t("email.untitled")} />
                    </Link>
                  </td>
                  <td>{roundLabel(t, r.reason, r.months)}</td>
                  <td>
                    {r.sentAt
                      ? `${formatDate(lang, r.sentAt)} (${t("campaign.sends", { count: r.sends, formatted: formatNumber(lang, r.sends) })})`
                      : t("campaign.notSent")}
                  </td>
                  {council ? <td style={{ overflowWrap: "anywhere" }}>{r.recipients.join(", ")}</td> : null}
                  <td>
                    {r.recipients.length === 0
                      ? t("campaign.stateNobody")
                      : r.overdue
                        ? t("campaign.stateOverdue")
                        : t("campaign.stateWaiting")}
                  </td>
                  <td>
                    {council ? (
                      <>
                        {r.recipients.length === 0 ? (
                          <p>
                            <Link to={`/${lang}/pilots/${r.pilotId}/edit`}>{t("campaign.nameContact")}</Link>
                          </p>
                        ) : null}
                        <Form method="post">
                          <input type="hidden" name="requestId" value={r.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="resend"
                            className="button-link"
                            disabled={navigation.state === "submitting"}
                          >
                            {t("campaign.resend")}
                          </button>
                        </Form>
                      </>
                    ) : (
                      <Link to={`/${lang}/pilots/${r.pilotId}#check-form-title`}>{t("campaign.answer")}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
