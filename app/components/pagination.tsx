import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Previous / next links that keep every other search parameter. A list whose count stopped at its cap
 * (`capped`, db/queries/paging.ts) does not know its last page: it says only the page it is on, and
 * `hasMore` decides the next link.
 */
export function Pagination({
  page,
  pageSize,
  total,
  capped = false,
  hasMore,
}: {
  page: number;
  pageSize: number;
  total: number;
  capped?: boolean;
  hasMore?: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const next = capped ? Boolean(hasMore) : page < pages;
  if (!capped && pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("page");
    else params.set("page", String(p));
    const qs = params.toString();
    return `${location.pathname}${qs ? `?${qs}` : ""}`;
  };
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span aria-current="page">
        {capped ? t("pagination.statusOpen", { page }) : t("pagination.status", { page, pages })}
      </span>
      {next ? (
        <Link to={href(page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}

/** The page number from ?page=, 1 when missing or invalid. */
export function pageFromUrl(url: URL) {
  const n = Number(url.searchParams.get("page"));
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}
