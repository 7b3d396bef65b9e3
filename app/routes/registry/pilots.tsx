import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { listPilots, pilotFilterOptions, pilotOrderSql, PILOT_SORTS, type PilotSort } from "~db/queries/pilots.server";
import { parsePilotFilters, pilotFilterSql } from "~db/queries/pilot-filters.server";
import { todayIso } from "~shared/dates";
import { dataGeneration } from "~db/data-cache.server";
import { SelectField } from "~/components/field";
import { LocalizedText } from "~/components/localized-text";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { getI18n, isLang } from "~/i18n";
import { formatDate, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { can, pilotVisibility } from "~/utils/permissions.server";
import type { RenderMemoHandle } from "~/utils/render-memo.server";
import { getUser } from "~/utils/session.server";
import { useLang } from "~/utils/use-lang";

/**
 * An anonymous visitor's list is rendered once for the same URL and data (docs/decisions/157): what it
 * shows comes from its loader data, the URL and today's date only.
 */
export const handle: RenderMemoHandle = { renderMemo: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await getUser(request);
  const db = await getDb();
  const url = new URL(request.url);
  const filters = parsePilotFilters(url.searchParams);
  const rawSort = url.searchParams.get("sort");
  const sort: PilotSort = (PILOT_SORTS as readonly string[]).includes(rawSort ?? "")
    ? (rawSort as PilotSort)
    : filters.q
      ? "relevance"
      : "end";
  const [generation, visibility] = await Promise.all([dataGeneration(db), pilotVisibility(user)]);
  const orderBy = pilotOrderSql(sort, { q: filters.q, lang });
  const [result, options] = await Promise.all([
    listPilots(db, {
      generation,
      visibility,
      page: pageFromUrl(url),
      // A ranked search matches the search itself (docs/decisions/154).
      where: pilotFilterSql(filters, todayIso(), { search: !orderBy.ranking }),
      orderBy,
    }),
    pilotFilterOptions(db, visibility, generation),
  ]);
  const filtered = Object.keys(filters).length > 0;
  return {
    ...result,
    filtered,
    filters,
    sort,
    options,
    internal: can.createPilot(user),
    canCreate: can.createPilot(user),
  };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:list.title") },
];

export default function PilotList() {
  const { rows, total, capped, hasMore, page, pageSize, filtered, filters, sort, options, internal, canCreate } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const [search] = useSearchParams();
  const opt = (kind: string) =>
    options
      .filter((o) => o.kind === kind)
      .map((o) => ({ key: o.key, name: kind === "year" ? o.key : localizedString(o.name, lang), parent: o.parent }))
      .sort((a, b) => (kind === "year" ? Number(b.key) - Number(a.key) : a.name.localeCompare(b.name, lang)));
  const programmes = opt("programme");
  const select = (name: keyof typeof filters, items: { key: string; name: string }[], extra?: React.ReactNode) => (
    <SelectField
      name={name}
      label={t(`filters.${name}`)}
      value={filters[name]}
      none={t("filters.all")}
      options={items.map((o) => ({ value: o.key, label: o.name }))}
    >
      {extra}
    </SelectField>
  );
  // Parameters the form does not show (e.g. a dashboard figure's counts, reportDate, horizon) are kept.
  const shown = new Set([
    "q",
    "programme",
    "phase",
    "region",
    "municipality",
    "targetGroup",
    "artForm",
    "sector",
    "funder",
    "year",
    "state",
    "status",
    "sort",
    "page",
  ]);
  const hidden = [...search.entries()].filter(([k]) => !shown.has(k));
  // Words repeated on every card, translated once per page rather than once per card.
  const statuses = opt("status").map((o) => ({ key: o.key, name: t(`status.${o.key}`, { defaultValue: o.name }) }));
  const card = {
    untitled: t("untitled"),
    state: Object.fromEntries(
      (["draft", "submitted", "published"] as const).map((s) => [s, t(`state.${s}`)]),
    ) as Record<string, string>,
    status: Object.fromEntries(statuses.map((s) => [s.key, s.name])),
  };
  return (
    <div>
      <h1>{t("list.title")}</h1>
      {canCreate ? (
        <p className="no-print">
          <Link className="button" to={`/${lang}/pilots/new`}>
            {t("actions.newPilot")}
          </Link>
        </p>
      ) : null}
      {search.get("deleted") ? (
        <p className="notice notice-success" role="status">
          {t("actions.deleted")}
        </p>
      ) : null}
      <Form method="get" className="filters no-print" role="search" aria-labelledby="filters-title">
        <h2 id="filters-title" className="filters-title">
          {t("filters.title")}
        </h2>
        {hidden.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div className="field">
          <label htmlFor="f-q">{t("filters.q")}</label>
          <p className="hint" id="f-q-hint">
            {t("filters.qHint")}
          </p>
          <input id="f-q" type="search" name="q" defaultValue={filters.q ?? ""} aria-describedby="f-q-hint" />
        </div>
        <div className="filter-grid">
          {select("programme", programmes)}
          {select(
            "phase",
            opt("phase").map((o) => ({
              key: o.key,
              name: `${programmes.find((p) => p.key === o.parent)?.name ?? ""} – ${o.name}`,
            })),
          )}
          {select("region", opt("region"))}
          {select("municipality", opt("municipality"))}
          {select("targetGroup", opt("targetGroup"))}
          {select("artForm", opt("artForm"))}
          {select("sector", opt("sector"))}
          {select("funder", opt("funder"))}
          {select("year", opt("year"))}
          {internal
            ? select(
                "state",
                Object.entries(card.state).map(([key, name]) => ({ key, name })),
              )
            : null}
          {select("status", statuses, <option value="none">{t("filters.statusNone")}</option>)}
          <div className="field">
            <label htmlFor="f-sort">{t("filters.sort")}</label>
            <select id="f-sort" name="sort" defaultValue={sort}>
              <option value="relevance">{t("filters.sortRelevance")}</option>
              <option value="end">{t("filters.sortEnd")}</option>
              <option value="start">{t("filters.sortStart")}</option>
              <option value="title">{t("filters.sortTitle")}</option>
            </select>
          </div>
        </div>
        <div className="toolbar">
          <button type="submit" className="button">
            {t("filters.apply")}
          </button>
          <Link to={`/${lang}/pilots`}>{t("filters.reset")}</Link>
        </div>
      </Form>
      <p role="status" data-testid="result-count">
        {t(capped ? "list.countCapped" : "list.count", { count: total, formatted: formatNumber(lang, total) })}
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
                  <LocalizedText value={p.title} emptyText={card.untitled} />
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
                {p.state !== "published" ? (
                  <span className={`badge badge-${p.state}`}>{card.state[p.state]}</span>
                ) : null}
                {p.latestStatus ? (
                  <span className="badge">{card.status[p.latestStatus] ?? t(`status.${p.latestStatus}`)}</span>
                ) : null}
              </p>
              <LocalizedText value={p.summary} as="p" />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} capped={capped} hasMore={hasMore} />
    </div>
  );
}
