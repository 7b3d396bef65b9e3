/**
 * The dashboard's tables on the network, declared as data (dashboard-table-spec.ts): pilots per
 * year, municipalities, employment, funding, cooperation, reach and translation coverage.
 */
import { type DashboardFigures, share } from "./dashboard-figures.server";
import { col, type TableSpec } from "./dashboard-table-spec";

type Spec = TableSpec<DashboardFigures>;

/** A year, or "none" for a pilot without one. */
const yearOrNone = (f: DashboardFigures, year: string | number | null) => (year == null ? f.t("none") : Number(year));

export const NETWORK_TABLES: Spec[] = [
  {
    id: "pilots-per-year",
    title: "table.pilotsPerYear",
    definition: ["def.pilotsPerYear"],
    columns: [col("year", "year"), col("phase", "text"), col("pilots", "int")],
    rows: (f) =>
      f.perYear.map((r) => ({ year: yearOrNone(f, r.year), phase: f.label("phase", r.phase), pilots: r.pilots })),
  },
  {
    id: "municipalities-per-region",
    title: "table.municipalitiesPerRegion",
    definition: ["def.municipalitiesPerRegion"],
    columns: [col("region", "text"), col("involved", "int"), col("total", "int"), col("share", "pct")],
    rows: (f) =>
      f.perRegion.map((r) => ({
        region: f.label("region", r.region),
        involved: r.involved,
        total: r.total,
        share: share(r.involved, r.total),
      })),
  },
  {
    id: "municipalities",
    title: "table.municipalities",
    definition: ["def.municipalities"],
    columns: [
      col("municipality", "text"),
      col("pilots", "int"),
      col("eligible", "int"),
      col("continuing", "int"),
      col("artists", "int"),
    ],
    rows: (f) =>
      f.cuts.municipalities.map((r) => ({
        municipality: f.label("municipality", r.municipality),
        pilots: r.pilots,
        eligible: r.eligible,
        continuing: r.continuing,
        artists: r.artists,
      })),
  },
  {
    id: "employment-totals",
    title: "table.employmentTotals",
    definition: ["def.employmentTotals"],
    columns: [
      col("artists", "int"),
      col("days", "dec"),
      col("fees", "eur"),
      col("professionalShare", "pct"),
      col("professionalNotStated", "pct"),
    ],
    rows: ({ employment: { totals: et } }) => [
      {
        artists: et.artists,
        days: Number(et.days ?? 0),
        fees: Number(et.fees ?? 0),
        // Of the pilots whose form says; "not stated" is its own share of all pilots.
        professionalShare: share(et.with_professional, et.pilots - et.not_stated),
        professionalNotStated: share(et.not_stated, et.pilots),
      },
    ],
  },
  {
    id: "employment",
    title: "table.employment",
    definition: ["def.employment"],
    columns: [
      col("artForm", "text"),
      col("year", "year"),
      col("artists", "int"),
      col("days", "dec"),
      col("fees", "eur"),
    ],
    rows: (f) =>
      f.employment.byForm.map((r) => ({
        artForm: f.label("artForm", r.art_form),
        year: yearOrNone(f, r.year),
        artists: r.artists,
        days: Number(r.days ?? 0),
        fees: Number(r.fees ?? 0),
      })),
  },
  {
    id: "funding-totals",
    title: "table.fundingTotals",
    definition: ["def.fundingTotals"],
    columns: [col("total", "eur", "col.amount"), col("perPilot", "eur"), col("ownShare", "pct")],
    rows: ({ funding: { totals: ft } }) => {
      const total = Number(ft.total ?? 0);
      return [
        {
          total,
          perPilot: ft.pilots ? Math.round(total / ft.pilots) : null,
          ownShare: share(Number(ft.own ?? 0), total),
        },
      ];
    },
  },
  {
    id: "funding",
    title: "table.funding",
    definition: ["def.funding"],
    columns: [col("funder", "text"), col("year", "year"), col("amount", "eur")],
    rows: (f) =>
      f.funding.byFunder.map((r) => ({
        funder: f.label("organisation", r.funder),
        year: yearOrNone(f, r.year),
        amount: Number(r.amount),
      })),
  },
  {
    id: "cooperation",
    title: "table.cooperation",
    definition: ["def.cooperation"],
    columns: [col("combination", "text"), col("pilots", "int"), col("share", "pct")],
    rows: ({ cooperation: { sectors: s }, t }) =>
      (["culture_social", "culture_health", "culture_education", "culture_any"] as const).map((k) => ({
        combination: t(`combination.${k}`),
        pilots: s[k],
        share: share(s[k], s.pilots),
      })),
  },
  {
    id: "partners",
    title: "table.partners",
    definition: ["def.partners"],
    columns: [col("organisation", "text"), col("pilots", "int")],
    rows: (f) =>
      f.cooperation.partners.map((r) => ({ organisation: f.label("organisation", r.organisation), pilots: r.pilots })),
  },
  {
    id: "reach",
    title: "table.reach",
    definition: ["def.reach"],
    columns: [col("targetGroup", "text"), col("participants", "int"), col("pilots", "int")],
    rows: (f) =>
      f.reach.map((r) => ({
        targetGroup: f.label("targetGroup", r.target_group),
        participants: r.participants,
        pilots: r.pilots,
      })),
  },
  // One row per translatable field: items with text, in both languages, the share, one language only.
  {
    id: "parity",
    title: "table.parity",
    definition: ["def.parity"],
    columns: [
      col("what", "text"),
      col("total", "int", "col.withText"),
      col("both", "int"),
      col("share", "pct"),
      col("lacksSv", "int"),
      col("lacksFi", "int"),
    ],
    rows: ({ parity, t }) =>
      parity.map((r) => ({
        what: t("parity.row", { kind: t(`parity.kind.${r.kind}`), field: t(`parity.field.${r.field}`) }),
        total: r.total,
        both: r.both,
        share: r.total ? r.both / r.total : null,
        lacksSv: r.lacksSv,
        lacksFi: r.lacksFi,
      })),
  },
];
