/**
 * The shapes the write queries take, declared by the database layer so that it imports nothing from
 * app/. The app's zod schemas (app/utils/pilot-form.ts, app/utils/artist-schemas.ts) produce values of
 * these shapes; TypeScript checks that at every call of a write query, so a schema and its query
 * cannot drift apart unnoticed.
 */
import type {
  ArtistKind,
  FundingKind,
  Localized,
  PartnerRole,
  ServiceFormat,
  WorkingLanguage,
} from "../../shared/codes";

/** A pilot as its form edits it (the columns of `pilots` and its child rows). */
export type PilotInput = {
  title: Localized;
  summary: Localized;
  description: Localized;
  programmes: { programmeId: number; phaseId: number | null }[];
  leadMunicipality: string | null;
  municipalities: string[];
  implementer: number | null;
  partners: { organisationId: number; role: PartnerRole }[];
  sectors: string[];
  targetGroups: string[];
  artForms: string[];
  startDate: string | null;
  endDate: string | null;
  funding: { funderId: number; amountCents: number; kind: FundingKind }[];
  employments: {
    artistId: number | null;
    artistName: string | null;
    role: string | null;
    days: number | null;
    feeCents: number | null;
    /** Was the artist a professional? null: not stated. */
    professional: boolean | null;
  }[];
  sessionsHeld: number | null;
  /** Participants per target group code. */
  participants: { [targetGroup: string]: number | null };
  gpProblem: Localized;
  gpSolution: Localized;
  gpResultsClient: Localized;
  gpResultsService: Localized;
  gpResultsSociety: Localized;
  costPerSession: number | null;
  maxGroupSize: number | null;
  sessionHours: number | null;
  sources: { title: string; url: string | null; document: string | null }[];
  contactName: string | null;
  contactEmail: string | null;
  contactPublic: boolean;
};

/** An artist's own profile as saved from its form. */
export type ProfileInput = {
  /** "submit" sends the profile for review; anything else saves it. */
  intent: string;
  /** Absent (or null) for a profile not yet created. */
  version?: number | null;
  name: string;
  kind: ArtistKind;
  artForms: string[];
  languages: WorkingLanguage[];
  regions: string[];
  municipalities: string[];
  bioFi: string;
  bioSv: string;
  website: string;
  businessId: string;
  contactEmail: string;
  contactPhone: string;
  contactConsent: boolean;
  showDaysConsent: boolean;
};

/** One of an artist's services as saved from its form. */
export type ServiceInput = {
  version?: number | null;
  titleFi: string;
  titleSv: string;
  descriptionFi: string;
  descriptionSv: string;
  artForm?: string;
  format: ServiceFormat;
  targetGroups: string[];
  languages: WorkingLanguage[];
  durationMinutes?: number | null;
  groupSizeMin?: number | null;
  groupSizeMax?: number | null;
  priceFrom?: number | null;
  priceTo?: number | null;
  priceOnRequest: boolean;
  accessibilityFi: string;
  accessibilitySv: string;
  seasonFi: string;
  seasonSv: string;
};

/** The artist directory's filters (parameter names: ARTIST_FILTER_PARAMS in shared/codes.ts). */
export type ArtistFilters = {
  q?: string;
  artForm?: string;
  targetGroup?: string;
  language?: WorkingLanguage;
  area?: string;
  format?: ServiceFormat;
  priceMin?: number;
  priceMax?: number;
};
