import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { getPilot } from "~db/queries/pilots.server";
import { LocalizedText } from "~/components/localized-text";
import { getI18n, isLang } from "~/i18n";
import { formatDate, formatMoney, formatNumber } from "~/utils/format";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { canEditPilot, notFound, pilotVisibility } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await getUser(request);
  const db = await getDb();
  const pilot = await getPilot(db, id, await pilotVisibility(user));
  if (!pilot) notFound();
  return { pilot, canEdit: await canEditPilot(user, id), title: localizedString(pilot.title, lang) };
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

export default function PilotPage() {
  const { pilot: p } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pilots");
  const lang = useLang();
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
          {p.startDate ? formatDate(lang, p.startDate) : t("notRecorded")} – {p.endDate ? formatDate(lang, p.endDate) : t("notRecorded")}
        </dd>
        <dt>{t("field.sectors")}</dt>
        <dd>{p.sectors.length ? p.sectors.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}</dd>
        <dt>{t("field.targetGroups")}</dt>
        <dd>{p.targetGroups.length ? p.targetGroups.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}</dd>
        <dt>{t("field.artForms")}</dt>
        <dd>{p.artForms.length ? p.artForms.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}</dd>
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
                  <time dateTime={c.checkedOn}>{formatDate(lang, c.checkedOn)}</time>: <strong>{localizedString(c.status, lang)}</strong>
                </p>
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
      </Section>

      <Section id="funding" title={t("section.funding")}>
        {p.funding.length === 0 ? (
          <p className="empty">{t("notRecorded")}</p>
        ) : (
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
        )}
      </Section>

      <Section id="artists" title={t("section.artists")}>
        {p.employments.length === 0 ? (
          <p className="empty">{t("notRecorded")}</p>
        ) : (
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
        )}
      </Section>

      <Section id="activity" title={t("section.activity")}>
        <dl className="facts">
          <dt>{t("field.sessionsHeld")}</dt>
          <dd>{p.sessionsHeld != null ? formatNumber(lang, p.sessionsHeld) : t("notRecorded")}</dd>
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
        </Section>
      ) : null}
    </article>
  );
}
