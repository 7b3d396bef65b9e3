/**
 * Rows from db/queries as the API's shapes (schemas.server.ts): both languages as { fi, sv } with an
 * empty or missing translation absent, codes with their names, links to the API and the public pages.
 */
import type { ArtistSummaryOut, ArtistOut, PilotOut, PilotSummaryOut } from "./record-schemas.server";
import type { OpenArtistRow, OpenPilotRow } from "~db/queries/open-data.server";
import type { PilotDetailRow } from "~db/queries/pilots.server";
import type { ServiceRow } from "~db/queries/artist-directory.server";

type Loc = { fi?: string | null; sv?: string | null } | null | undefined;
type LocOut = { fi?: string; sv?: string };
type Names = Record<string, Record<string, Loc>>;

/** A translatable value: only the languages it was written in (an empty text is not a translation). */
export function loc(v: Loc): LocOut {
  const out: LocOut = {};
  if (v?.fi?.trim()) out.fi = v.fi;
  if (v?.sv?.trim()) out.sv = v.sv;
  return out;
}

const orNull = (s: string | null | undefined) => (s?.trim() ? s : null);
const num = (v: unknown) => (v == null ? null : Number(v));

function links(base: string, kind: "pilots" | "artists", id: number) {
  return { self: `${base}/api/v1/${kind}/${id}`, fi: `${base}/fi/${kind}/${id}`, sv: `${base}/sv/${kind}/${id}` };
}

export function pilotSummaryOut(r: OpenPilotRow, base: string): PilotSummaryOut {
  return {
    id: r.id,
    title: loc(r.title),
    summary: loc(r.summary),
    startDate: r.startDate,
    endDate: r.endDate,
    updatedAt: r.updatedAt,
    isExample: r.isExample,
    municipalities: r.municipalities.map((m) => ({ code: m.code, lead: m.isLead })),
    programmes: r.programmes,
    latestStatus: r.latestStatus,
    links: links(base, "pilots", r.id),
  };
}

const coded = (code: string, name: Loc) => ({ code, name: loc(name) });

export function pilotOut(p: PilotDetailRow, base: string): PilotOut {
  return {
    id: p.id,
    title: loc(p.title),
    summary: loc(p.summary),
    easyRead: loc(p.easyRead),
    description: loc(p.description),
    startDate: p.startDate,
    endDate: p.endDate,
    updatedAt: p.updatedAt,
    isExample: p.isExample,
    implementer: p.implementerId != null ? { id: p.implementerId, name: loc(p.implementer) } : null,
    contact: p.contactName || p.contactEmail ? { name: orNull(p.contactName), email: orNull(p.contactEmail) } : null,
    programmes: p.programmes.map((x) => ({
      code: x.programmeCode,
      name: loc(x.programme),
      phase: x.phaseId != null ? { id: x.phaseId, name: loc(x.phase) } : null,
    })),
    municipalities: p.municipalities.map((m) => ({ code: m.code, name: loc(m.name), lead: m.isLead })),
    partners: p.partners.map((x) => ({ id: x.id, name: loc(x.name), role: x.role })),
    sectors: p.sectors.map((x) => coded(x.code, x.name)),
    targetGroups: p.targetGroups.map((x) => coded(x.code, x.name)),
    artForms: p.artForms.map((x) => coded(x.code, x.name)),
    funding: p.funding.map((f) => ({
      funder: { id: f.funderId, name: loc(f.funder) },
      kind: f.kind,
      amountCents: Number(f.amountCents),
    })),
    activity: {
      sessionsHeld: num(p.sessionsHeld),
      maxGroupSize: num(p.maxGroupSize),
      sessionHours: num(p.sessionHours),
      costPerSessionCents: num(p.costPerSessionCents),
      participants: p.figures.map((f) => ({ targetGroup: coded(f.code, f.name), participants: f.participants })),
    },
    employments: p.employments.map((e) => ({
      // An artist's name and profile only when the profile is approved (as the public page links it).
      artist: e.listed && e.artistId != null && e.artistName ? { id: e.artistId, name: e.artistName } : null,
      name: e.listed ? null : orNull(e.unlistedName),
      role: orNull(e.role),
      artForm: e.artFormCode ? coded(e.artFormCode, e.artForm) : null,
      professional: e.professional,
      days: num(e.days),
      feeCents: num(e.feeCents),
    })),
    goodPractice: {
      problem: loc(p.gpProblem),
      solution: loc(p.gpSolution),
      resultsClient: loc(p.gpResultsClient),
      resultsService: loc(p.gpResultsService),
      resultsSociety: loc(p.gpResultsSociety),
    },
    sources: p.sources.map((s) => ({ title: s.title, url: orNull(s.url), document: orNull(s.document) })),
    continuationChecks: p.checks.map((c) => ({
      checkedOn: c.checkedOn,
      status: coded(c.statusCode, c.status),
      countsAs: c.countsAs as PilotOut["continuationChecks"][number]["countsAs"],
      endedOn: c.endedOn,
      fundingAfter: orNull(c.fundingAfter),
      evidence: { ref: orNull(c.evidenceRef), url: orNull(c.evidenceUrl) },
      notes: orNull(c.notes),
      checkedBy: orNull(c.checkedByName),
    })),
    links: links(base, "pilots", p.id),
  };
}

export function artistSummaryOut(a: OpenArtistRow, base: string): ArtistSummaryOut {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    bio: loc(a.bio),
    updatedAt: a.updatedAt,
    isExample: a.isExample,
    artForms: a.artForms,
    languages: a.languages,
    regions: a.regions,
    municipalities: a.municipalities,
    services: a.services,
    links: links(base, "artists", a.id),
  };
}

export function serviceOut(s: ServiceRow) {
  return {
    id: s.id,
    title: loc(s.title),
    description: loc(s.description),
    artForm: s.artFormCode ? coded(s.artFormCode, s.artForm) : null,
    format: s.format,
    durationMinutes: s.durationMinutes,
    groupSizeMin: s.groupSizeMin,
    groupSizeMax: s.groupSizeMax,
    priceFromCents: s.priceFromCents,
    priceToCents: s.priceToCents,
    priceOnRequest: s.priceOnRequest,
    accessibility: loc(s.accessibility),
    season: loc(s.season),
    targetGroups: s.targetGroups.map((g) => coded(g.code, g.name)),
    languages: s.languages,
  };
}

/**
 * An approved artist's public profile (getPublicArtist decides consent: contact details and working
 * days) with the codes of their art forms and areas.
 */
export function artistOut(
  a: {
    id: number;
    name: string;
    kind: string;
    bio: Loc;
    website: string | null;
    businessId: string | null;
    contact: { email: string | null; phone: string | null } | null;
    languages: string[];
    services: ServiceRow[];
    pilots: { id: number; title: Loc; days: number | null }[];
    totalDays: number | null;
  },
  codes: { artForms: string[]; regions: string[]; municipalities: string[]; updatedAt: string; isExample: boolean },
  names: Names,
  base: string,
): ArtistOut {
  const named = (kind: string, code: string) => ({ code, name: loc(names[kind]?.[code]) });
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    bio: loc(a.bio),
    website: orNull(a.website),
    businessId: orNull(a.businessId),
    updatedAt: codes.updatedAt,
    isExample: codes.isExample,
    artForms: codes.artForms.map((c) => named("artForm", c)),
    languages: a.languages,
    regions: codes.regions.map((c) => named("region", c)),
    municipalities: codes.municipalities.map((c) => named("municipality", c)),
    contact: a.contact ? { email: orNull(a.contact.email), phone: orNull(a.contact.phone) } : null,
    services: a.services.map(serviceOut),
    pilots: a.pilots.map((p) => ({ id: p.id, title: loc(p.title), days: p.days })),
    totalDays: a.totalDays,
    links: links(base, "artists", a.id),
  };
}
