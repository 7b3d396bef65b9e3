/**
 * The codes the server and the browser share: roles, kinds, states, formats, the programme area's
 * regions and the filter parameter names. This module imports nothing, so a component can use it
 * without pulling the database layer (drizzle, the table definitions) into the browser's bundle;
 * db/schema builds its columns and checks from the same constants (docs/decisions/055).
 */

/** Translatable content as stored: one jsonb value per field (docs/decisions/003). */
export type Localized = { fi?: string | null; sv?: string | null };

/** A user's role; what each may do is in app/utils/permissions.server.ts. */
export const ROLES = ["artist", "staff", "council", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  "council",
  "joint_authority",
  "municipality",
  "association",
  "ministry",
  "foundation",
  "company",
  "other",
] as const;

export const ARTIST_KINDS = ["person", "group", "association", "company"] as const;
export type ArtistKind = (typeof ARTIST_KINDS)[number];

/** Moderation state shared by artist profiles and services. */
export const MODERATION_STATES = ["draft", "submitted", "approved", "returned"] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export const SERVICE_FORMATS = [
  "workshop_series",
  "single_workshop",
  "performance",
  "course",
  "outreach",
  "other",
] as const;
export type ServiceFormat = (typeof SERVICE_FORMATS)[number];

export const WORKING_LANGUAGES = ["fi", "sv", "en"] as const;
export type WorkingLanguage = (typeof WORKING_LANGUAGES)[number];

/** A pilot's workflow: draft → submitted → published (docs/decisions/020). */
export const PILOT_STATES = ["draft", "submitted", "published"] as const;
export type PilotState = (typeof PILOT_STATES)[number];

export const PARTNER_ROLES = ["co_implementer", "partner", "service_producer", "funder", "other"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const FUNDING_KINDS = ["grant", "own_share", "in_kind"] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

/**
 * The programme area's regions (maakunta / landskap): Etelä-Pohjanmaa (14) and Pohjanmaa (15).
 * Artists choose areas among these, the registry's region filter lists them, the demo data lives in them.
 */
export const PROGRAMME_REGIONS = ["14", "15"] as const;
/** The same codes as an SQL list, for queries: `region_code in (${sql.raw(PROGRAMME_REGIONS_SQL)})`. */
export const PROGRAMME_REGIONS_SQL = PROGRAMME_REGIONS.map((r) => `'${r}'`).join(", ");

/**
 * The registry's filter parameters (/{lang}/pilots?…), shared by the pilot list and the dashboard's
 * "which pilots does this figure count" links: q, programme (code), phase (id), region (code),
 * municipality (code), targetGroup (code), artForm (code), sector (code), funder (organisation id),
 * year (start year), yearFrom and yearTo, state, status (latest continuation status code, or "none"),
 * and for dashboard figures counts with reportDate (YYYY-MM-DD) and horizon (6|12|24).
 */
export const PILOT_FILTER_PARAMS = [
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
  "yearFrom",
  "yearTo",
  "state",
  "status",
  "counts",
  "reportDate",
  "horizon",
] as const;
export type PilotFilterParam = (typeof PILOT_FILTER_PARAMS)[number];

/** The artist directory's filter parameters (/{lang}/artists?…). */
export const ARTIST_FILTER_PARAMS = [
  "q",
  "artForm",
  "targetGroup",
  "language",
  "area",
  "format",
  "priceMin",
  "priceMax",
] as const;
export type ArtistFilterParam = (typeof ARTIST_FILTER_PARAMS)[number];
