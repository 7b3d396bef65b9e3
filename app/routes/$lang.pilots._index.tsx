import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { listPilots } from "~db/queries/pilots.server";
import { parsePilotFilters, pilotFilterSql } from "~db/queries/pilot-filters.server";
import { todayIso } from "~/utils/dates";
import { LocalizedText } from "~/components/localized-text";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { getI18n, isLang } from "~/i18n";
import { formatDate, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { pilotVisibility } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await getUser(request);
  const db = await getDb();
  const url = new URL(request.url);
  const filters = parsePilotFilters(url.searchParams);
  const result = await listPilots(db, {
    visibility: await pilotVisibility(user),
    page: pageFromUrl(url),
    where: pilotFilterSql(filters, todayIso()),
  });
  return { ...result, filtered: Object.keys(filters).length > 0 };
}

export const meta: MetaFunction = ({ params }) => [{ title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:list.title") }];

export default function PilotList() {
  const { rows, total, page, pageSize, filtered } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
    <div>
      <h1>{t("list.title")}</h1>
      <p role="status">
        {t("list.count", { count: total, formatted: formatNumber(lang, total) })}
        {filtered ? (
          <>
            {" "}
            {t("list.filtered")} <Link to={`/${lang}/pilots`}>{t("list.removeFilters")}</Link>
          </>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{filtered ? t("list.emptyFiltered") : t("list.empty")}</p>
      ) : (
        <ul className="card-list">
          {rows.map((p) => (
            <li key={p.id} className="card">
              <h2 className="card-title">
                <Link to={`/${lang}/pilots/${p.id}`}>
                  <LocalizedText value={p.title} emptyText={t("untitled")} />
                </Link>
              </h2>
              <p className="card-meta">
                {p.leadMunicipality ? <LocalizedText value={p.leadMunicipality} /> : null}
                {p.startDate || p.endDate ? (
                  <span>
                    {" · "}
                    {formatDate(lang, p.startDate)}–{formatDate(lang, p.endDate)}
                  </span>
                ) : null}
                {p.state !== "published" ? <span className={`badge badge-${p.state}`}>{t(`state.${p.state}`)}</span> : null}
                {p.latestStatus ? <span className="badge">{t(`status.${p.latestStatus}`)}</span> : null}
              </p>
              <LocalizedText value={p.summary} as="p" />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
