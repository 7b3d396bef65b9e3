/**
 * A readable, field-by-field difference between two versions of a pilot in the form's shape
 * (the approved version and a pending revision, docs/decisions/070): every changed field with its
 * label and its values as lines of text in the page's language — names instead of codes and ids,
 * dates, amounts and numbers formatted for the locale.
 */
import type { Localized } from "~shared/codes";
import { getI18n, type Lang } from "~/i18n";
import { formatDate, formatMoney, formatNumber } from "./format";
import { localizedString } from "./localized";
import type { PilotInput } from "./pilot-form";

export type DiffRow = { field: string; label: string; before: string[]; after: string[] };

/** The names the diff shows for codes and ids (a subset of the pilot form's options). */
export type DiffNames = {
  programmes: { id: number; name: Localized }[];
  phases: { id: number; name: Localized }[];
  municipalities: { code: string; name: Localized }[];
  organisations: { id: number; name: Localized }[];
  sectors: { code: string; name: Localized }[];
  targetGroups: { code: string; name: Localized }[];
  artForms: { code: string; name: Localized }[];
  artists: { id: number; name: string }[];
};

const LOCALIZED = new Set([
  "title",
  "summary",
  "description",
  "gpProblem",
  "gpSolution",
  "gpResultsClient",
  "gpResultsService",
  "gpResultsSociety",
]);

/**
 * The same, for a stored audit event's `changes` (`{ field: { before, after } }`): used by the audit
 * log for pilots, artists, services and continuation checks, whose fields share the names above.
 */
export function auditDiff(
  changes: Record<string, { before: unknown; after: unknown }>,
  names: DiffNames,
  lang: Lang,
): DiffRow[] {
  const side = (k: "before" | "after") =>
    Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c[k]])) as unknown as PilotInput;
  return pilotDiff(side("before"), side("after"), names, lang);
}

export function pilotDiff(before: PilotInput, after: PilotInput, names: DiffNames, lang: Lang): DiffRow[] {
  const t = getI18n(lang).t;
  const byCode = (list: { code: string; name: Localized }[], code: string) =>
    localizedString(list.find((x) => x.code === code)?.name, lang) || code;
  const byId = (list: { id: number; name: Localized }[], id: number | null | undefined) =>
    id == null ? "" : localizedString(list.find((x) => x.id === id)?.name, lang) || String(id);
  const join = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(", ");

  function lines(field: string, value: unknown): string[] {
    if (value == null || value === "") return [];
    if (LOCALIZED.has(field)) {
      const v = value as Localized;
      return (["fi", "sv"] as const)
        .filter((l) => v[l]?.trim())
        .map((l) => `${t(`pilots:form.inLang.${l}`)}: ${v[l]?.trim()}`);
    }
    switch (field) {
      case "programmes":
        return (value as PilotInput["programmes"]).map((p) =>
          [byId(names.programmes, p.programmeId), byId(names.phases, p.phaseId)].filter(Boolean).join(" – "),
        );
      case "leadMunicipality":
        return [byCode(names.municipalities, value as string)];
      case "municipalities":
        return (value as string[]).map((c) => byCode(names.municipalities, c));
      case "sectors":
        return (value as string[]).map((c) => byCode(names.sectors, c));
      case "targetGroups":
        return (value as string[]).map((c) => byCode(names.targetGroups, c));
      case "artForms":
        return (value as string[]).map((c) => byCode(names.artForms, c));
      case "implementer":
        return [byId(names.organisations, value as number)];
      case "partners":
        return (value as PilotInput["partners"]).map(
          (p) => `${byId(names.organisations, p.organisationId)} (${t(`pilots:partnerRole.${p.role}`)})`,
        );
      case "startDate":
      case "endDate":
        return [formatDate(lang, value as string)];
      case "funding":
        return (value as PilotInput["funding"]).map((f) =>
          join([
            byId(names.organisations, f.funderId) || t("pilots:notRecorded"),
            formatMoney(lang, f.amountCents),
            t(`pilots:fundingKind.${f.kind}`),
          ]),
        );
      case "employments":
        return (value as PilotInput["employments"]).map((e) =>
          join([
            (e.artistId != null ? names.artists.find((a) => a.id === e.artistId)?.name : null) ??
              e.artistName ??
              t("pilots:employment.anonymous"),
            e.role,
            e.days == null ? null : `${t("pilots:employment.days")} ${formatNumber(lang, e.days, 1)}`,
            e.feeCents == null ? null : formatMoney(lang, e.feeCents),
            e.professional == null ? null : t(`pilots:employment.professional.${e.professional ? "yes" : "no"}`),
          ]),
        );
      case "participants":
        return Object.entries(value as Record<string, number | null>)
          .filter(([, n]) => n != null)
          .map(([code, n]) => `${byCode(names.targetGroups, code)}: ${formatNumber(lang, n)}`);
      case "costPerSession":
        return [formatMoney(lang, value as number)];
      case "sessionsHeld":
      case "maxGroupSize":
        return [formatNumber(lang, value as number)];
      case "sessionHours":
        return [formatNumber(lang, value as number, 2)];
      case "sources":
        return (value as PilotInput["sources"]).map((s) => join([s.title, s.url, s.document]));
      case "state":
        return [
          t(`pilots:state.${value}`, { defaultValue: t(`artists:state.${value}`, { defaultValue: String(value) }) }),
        ];
      case "status":
        return [t(`pilots:status.${value}`, { defaultValue: String(value) })];
      case "pilotId":
      case "version":
        return [formatNumber(lang, value as number)];
      case "checkedOn":
      case "endedOn":
        return [formatDate(lang, value as string)];
      default:
        if (typeof value === "boolean") return [t(value ? "pilots:revision.yes" : "pilots:revision.no")];
        if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)));
        return [typeof value === "object" ? JSON.stringify(value) : String(value)];
    }
  }

  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof PilotInput)[];
  return keys
    .map((field) => ({ field, before: lines(field, before[field]), after: lines(field, after[field]) }))
    .filter((row) => JSON.stringify(row.before) !== JSON.stringify(row.after))
    .map((row) => {
      const name = t(`pilots:form.fieldName.${row.field}`, { defaultValue: row.field });
      return { ...row, label: name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) };
    });
}
