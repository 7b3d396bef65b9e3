/**
 * What an export of the dashboard covers, in the file's language: its scope (public or internal
 * figures), each applied filter by its name ("Maakunta: Pohjanmaa", or "Rajaukset: ei rajauksia") and
 * the data's timestamp. The CSV files, the XLSX information sheet and the report (and its Word
 * document) state the same rows; the reporting date is written by each in its own form.
 */
import { getI18n, type Lang } from "~/i18n";
import type { DashboardModel } from "./dashboard-model.server";
import { formatDateTime } from "./format";

export function exportInfo(lang: Lang, model: Pick<DashboardModel, "internal" | "applied" | "dataTimestamp">) {
  const t = getI18n(lang).getFixedT(lang, "dashboard");
  const rows: [string, string][] = [[t("scopeLabel"), model.internal ? t("scopeInternal") : t("scopePublic")]];
  if (model.applied.length) for (const f of model.applied) rows.push([f.label, f.value]);
  else rows.push([t("filters.title"), t("filters.none")]);
  rows.push([
    t("exportInfo.dataTimestamp"),
    model.dataTimestamp ? formatDateTime(lang, model.dataTimestamp) : t("exportInfo.noTimestamp"),
  ]);
  return rows;
}
