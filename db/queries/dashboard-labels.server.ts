/**
 * The names of every code the dashboard shows or filters by, in both languages: programmes, phases
 * (kind "phase"; kind "phaseYears" adds the phase's years, for naming a filter), regions, municipalities, target groups, art forms, organisations.
 * The dashboard's tables name their rows with them, its filters are checked against them, and its
 * exports name each applied filter by them.
 */
import { sql } from "drizzle-orm";
import type { Localized } from "~shared/codes";
import { queryRows, type Db } from "../connect";
import { cached } from "../data-cache.server";

export type CodeLabels = Record<string, Record<string, Localized>>;

/** The phase's years after its name: "Vaihe II (2017)", "Fas 4 (2019–2021)". */
function withYears(name: Localized, start: number | null, end: number | null): Localized {
  if (start == null && end == null) return name;
  const years = start != null && end != null && start !== end ? `${start}–${end}` : String(start ?? end);
  const out: Localized = {};
  for (const [k, v] of Object.entries(name) as [keyof Localized, string | undefined][])
    if (v) out[k] = `${v} (${years})`;
  return out;
}

export function codeLabels(db: Db): Promise<CodeLabels> {
  return cached(db, "dashboard-code-labels", async () => {
    const rows = await queryRows<{
      kind: string;
      key: string;
      name: Localized;
      start_year: number | null;
      end_year: number | null;
    }>(
      db,
      sql`select 'programme' as kind, code as key, name, null::int as start_year, null::int as end_year from programmes
        union all select 'phase', id::text, name, extract(year from start_date)::int, extract(year from end_date)::int from programme_phases
        union all select 'region', code, name, null, null from regions
        union all select 'municipality', code, name, null, null from municipalities
        union all select 'targetGroup', code, name, null, null from target_groups
        union all select 'artForm', code, name, null, null from art_forms
        union all select 'organisation', id::text, name, null, null from organisations`,
    );
    const out: CodeLabels = {};
    for (const r of rows) {
      out[r.kind] ??= {};
      out[r.kind][r.key] = r.name;
      if (r.kind === "phase") {
        out.phaseYears ??= {};
        out.phaseYears[r.key] = withYears(r.name, r.start_year, r.end_year);
      }
    }
    return out;
  });
}
