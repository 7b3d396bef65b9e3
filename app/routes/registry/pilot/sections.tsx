import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";
import { formatDate, formatHours, formatMoney, formatNumber } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";
import type { Pilot } from "./types";

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="detail-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The continuation checks in the order the query gives them. */
export function ContinuationTimeline({ pilot: p, editable = false }: { pilot: Pilot; editable?: boolean }) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return p.checks.length === 0 ? (
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
          {c.checkedByName ? (
            <p className="muted">{t("check.by", { name: c.checkedByName })}</p>
          ) : c.fromSources ? (
            <p className="muted">{t("check.fromSources")}</p>
          ) : null}
          {editable ? (
            <p className="no-print">
              <Link
                to={`/${lang}/pilots/${p.id}/checks/${c.id}`}
                aria-label={t("checkEdit.linkFor", { date: formatDate(lang, c.checkedOn) })}
              >
                {t("checkEdit.link")}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The funding table with its total. */
export function FundingSection({ pilot: p }: { pilot: Pilot }) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const totalFunding = p.funding.reduce((sum, f) => sum + f.amountCents, 0);
  return (
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
  );
}

/** The artists employed: a listed artist links to their directory page. */
export function ArtistsSection({ pilot: p }: { pilot: Pilot }) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
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
                <th scope="col">{t("employment.professionalTitle")}</th>
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
                  <td>
                    {t(
                      e.professional == null
                        ? "form.professionalNotStated"
                        : e.professional
                          ? "form.professionalYes"
                          : "form.professionalNo",
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** Sessions, hours and participants. */
export function ActivitySection({ pilot: p }: { pilot: Pilot }) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
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
  );
}

/** The good-practice description, shown when any part of it is recorded. */
export function GoodPracticeSection({ pilot: p }: { pilot: Pilot }) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const gp = [
    ["problem", p.gpProblem],
    ["solution", p.gpSolution],
    ["resultsClient", p.gpResultsClient],
    ["resultsService", p.gpResultsService],
    ["resultsSociety", p.gpResultsSociety],
  ] as const;
  const hasGp = gp.some(([, v]) => v.fi || v.sv) || p.costPerSessionCents != null || p.maxGroupSize != null;
  if (!hasGp) return null;
  return (
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
  );
}

/** Where the pilot's information comes from. */
export function SourcesSection({ pilot: p }: { pilot: Pilot }) {
  const { t } = useTranslation("pilots");
  return (
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
  );
}
