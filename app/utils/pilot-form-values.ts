/** A stored pilot as the form shows it, and how many rows each repeating group shows. */
import { centsToInput, isoToInput } from "./format";
import { LOCALIZED_FIELDS, type FormValues } from "./pilot-fields";
import type { PilotInput } from "./pilot-form";

/** A stored pilot as the form shows it: amounts and dates the way people type them. */
export function inputToValues(
  input: PilotInput,
  lang: "fi" | "sv",
  municipalityName: (code: string) => string,
): FormValues {
  const v: FormValues = {};
  const put = (k: string, x: string | number | null | undefined) => {
    if (x != null && x !== "") v[k] = String(x);
  };
  for (const f of LOCALIZED_FIELDS) {
    // A revision saved before a field existed lacks it.
    put(`${f}.fi`, input[f]?.fi);
    put(`${f}.sv`, input[f]?.sv);
  }
  input.programmes.forEach((p, i) => {
    put(`programmes.${i}`, p.phaseId ? `${p.programmeId}:${p.phaseId}` : String(p.programmeId));
  });
  if (input.leadMunicipality) put("leadMunicipality", municipalityName(input.leadMunicipality));
  input.municipalities.forEach((c, i) => {
    put(`municipalities.${i}`, municipalityName(c));
  });
  put("implementer", input.implementer);
  input.partners.forEach((p, i) => {
    put(`partners.${i}.organisation`, p.organisationId);
    put(`partners.${i}.role`, p.role);
  });
  v.sectors = input.sectors;
  v.targetGroups = input.targetGroups;
  v.artForms = input.artForms;
  put("startDate", isoToInput(input.startDate));
  put("endDate", isoToInput(input.endDate));
  input.funding.forEach((f, i) => {
    put(`funding.${i}.funder`, f.funderId);
    put(`funding.${i}.amount`, centsToInput(f.amountCents, lang));
    put(`funding.${i}.kind`, f.kind);
  });
  input.employments.forEach((e, i) => {
    put(`employments.${i}.artist`, e.artistId);
    put(`employments.${i}.name`, e.artistName);
    put(`employments.${i}.role`, e.role);
    put(`employments.${i}.days`, e.days == null ? null : String(e.days).replace(".", ","));
    put(`employments.${i}.fee`, centsToInput(e.feeCents, lang));
    put(`employments.${i}.professional`, e.professional == null ? null : e.professional ? "yes" : "no");
  });
  put("sessionsHeld", input.sessionsHeld);
  for (const [code, n] of Object.entries(input.participants)) put(`participants.${code}`, n);
  put("costPerSession", centsToInput(input.costPerSession, lang));
  put("maxGroupSize", input.maxGroupSize);
  put("sessionHours", input.sessionHours == null ? null : String(input.sessionHours).replace(".", ","));
  input.sources.forEach((s, i) => {
    put(`sources.${i}.title`, s.title);
    put(`sources.${i}.url`, s.url);
    put(`sources.${i}.document`, s.document);
  });
  put("contactName", input.contactName);
  put("contactEmail", input.contactEmail);
  if (input.contactPublic) put("contactPublic", "on");
  return v;
}

/** How many rows a repeating group shows: the rows in use plus `spare` empty ones. */
export function rowCount(values: FormValues, group: string, spare: number) {
  let max = -1;
  const re = new RegExp(`^${group}\\.(\\d+)(\\.|$)`);
  for (const k of Object.keys(values)) {
    const m = k.match(re);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1 + spare;
}
