import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  ARTIST_KINDS,
  MODERATION_STATES,
  SERVICE_FORMATS,
  WORKING_LANGUAGES,
  type ModerationState,
} from "../../shared/codes";
import { codeList, createdAt, isExample, localized, updatedAt } from "./common";
import { artForms, municipalities, regions, targetGroups } from "./reference";
import { users } from "./users";

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

const artistSearch = sql`
  setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
  to_tsvector('finnish', coalesce(bio->>'fi', '')) ||
  to_tsvector('swedish', coalesce(bio->>'sv', ''))`;

/**
 * Which translatable texts have text in each language (migration 0029, docs/decisions/159): field i of
 * the kind's fields in PARITY_FIELDS order (db/queries/parity.server.ts), bit 2i Finnish, bit 2i + 1
 * Swedish, set when the text is not blank.
 */
const textBits = (columns: string[]) =>
  sql.raw(
    columns
      .flatMap((c, i) =>
        (["fi", "sv"] as const).map(
          (lang, j) => `CASE WHEN btrim(coalesce("${c}"->>'${lang}', '')) <> '' THEN ${1 << (2 * i + j)} ELSE 0 END`,
        ),
      )
      .join(" + "),
  );

/** Artist: a person, group, association or company. */
export const artists = pgTable(
  "artists",
  {
    id: serial().primaryKey(),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    kind: text().notNull().default("person"),
    name: text().notNull(),
    bio: localized(),
    website: text(),
    businessId: text(),
    contactEmail: text(),
    contactPhone: text(),
    /** Contact details are public only while this is true; withdrawable at any time. */
    contactConsent: boolean().notNull().default(false),
    /** Whether the days worked in pilots may be shown on the public profile. */
    showDaysConsent: boolean().notNull().default(false),
    state: text().$type<ModerationState>().notNull().default("draft"),
    returnReason: text(),
    approvedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    isExample: isExample(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector().generatedAlwaysAs(artistSearch),
    texts: integer()
      .notNull()
      .generatedAlwaysAs(textBits(["bio"])),
  },
  (t) => [
    index("artists_state").on(t.state),
    /** One profile per user (NULLs, profiles without a user, may repeat). */
    uniqueIndex("artists_user").on(t.userId),
    index("artists_search").using("gin", t.search),
    index("artists_name_trgm").using("gin", sql`(lower(${t.name})) gin_trgm_ops`),
    // Translation coverage read without the rows (docs/decisions/159).
    index("artists_texts").on(t.id, t.createdAt, t.texts).where(sql`${t.state} = 'approved'`),
    check("artists_kind", sql`${t.kind} in (${codeList(ARTIST_KINDS)})`),
    check("artists_state", sql`${t.state} in (${codeList(MODERATION_STATES)})`),
  ],
);

export const artistArtForms = pgTable(
  "artist_art_forms",
  {
    artistId: integer()
      .notNull()
      .references(() => artists.id, { onDelete: "cascade" }),
    artFormCode: text()
      .notNull()
      .references(() => artForms.code),
  },
  (t) => [
    primaryKey({ columns: [t.artistId, t.artFormCode] }),
    index("artist_art_forms_form").on(t.artFormCode, t.artistId),
  ],
);

export const artistLanguages = pgTable(
  "artist_languages",
  {
    artistId: integer()
      .notNull()
      .references(() => artists.id, { onDelete: "cascade" }),
    language: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.artistId, t.language] }),
    index("artist_languages_language").on(t.language, t.artistId),
    check("artist_languages_language", sql`${t.language} in (${codeList(WORKING_LANGUAGES)})`),
  ],
);

export const artistRegions = pgTable(
  "artist_regions",
  {
    artistId: integer()
      .notNull()
      .references(() => artists.id, { onDelete: "cascade" }),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    primaryKey({ columns: [t.artistId, t.regionCode] }),
    index("artist_regions_region").on(t.regionCode, t.artistId),
  ],
);

export const artistMunicipalities = pgTable(
  "artist_municipalities",
  {
    artistId: integer()
      .notNull()
      .references(() => artists.id, { onDelete: "cascade" }),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [
    primaryKey({ columns: [t.artistId, t.municipalityCode] }),
    index("artist_municipalities_municipality").on(t.municipalityCode, t.artistId),
  ],
);

const serviceSearch = sql`
  to_tsvector('finnish', coalesce(title->>'fi', '') || ' ' || coalesce(description->>'fi', '')) ||
  to_tsvector('swedish', coalesce(title->>'sv', '') || ' ' || coalesce(description->>'sv', ''))`;

/** A service an artist offers: workshops, performances, courses. */
export const services = pgTable(
  "services",
  {
    id: serial().primaryKey(),
    artistId: integer()
      .notNull()
      .references(() => artists.id, { onDelete: "cascade" }),
    title: localized(),
    description: localized(),
    artFormCode: text().references(() => artForms.code),
    format: text().notNull(),
    durationMinutes: integer(),
    groupSizeMin: integer(),
    groupSizeMax: integer(),
    priceFromCents: bigint({ mode: "number" }),
    priceToCents: bigint({ mode: "number" }),
    priceOnRequest: boolean().notNull().default(false),
    accessibility: localized(),
    season: localized(),
    hidden: boolean().notNull().default(false),
    state: text().$type<ModerationState>().notNull().default("draft"),
    returnReason: text(),
    version: integer().notNull().default(1),
    isExample: isExample(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector().generatedAlwaysAs(serviceSearch),
    texts: integer()
      .notNull()
      .generatedAlwaysAs(textBits(["title", "description", "accessibility", "season"])),
  },
  (t) => [
    index("services_artist").on(t.artistId),
    index("services_public").on(t.id, t.artistId).where(sql`${t.state} = 'approved' and not ${t.hidden}`),
    // Translation coverage read without the rows (docs/decisions/159).
    index("services_texts")
      .on(t.artistId, t.createdAt, t.texts, t.artFormCode, t.id)
      .where(sql`${t.state} = 'approved' and not ${t.hidden}`),
    index("services_state").on(t.state, t.hidden),
    index("services_format").on(t.format, t.artistId),
    index("services_price").on(t.priceFromCents),
    index("services_search").using("gin", t.search),
    index("services_title_trgm").using(
      "gin",
      sql`(lower(coalesce(${t.title}->>'fi', '') || ' ' || coalesce(${t.title}->>'sv', ''))) gin_trgm_ops`,
    ),
    check("services_format", sql`${t.format} in (${codeList(SERVICE_FORMATS)})`),
    check("services_state", sql`${t.state} in (${codeList(MODERATION_STATES)})`),
    check(
      "services_price",
      sql`${t.priceToCents} is null or ${t.priceFromCents} is null or ${t.priceToCents} >= ${t.priceFromCents}`,
    ),
    check(
      "services_group",
      sql`${t.groupSizeMax} is null or ${t.groupSizeMin} is null or ${t.groupSizeMax} >= ${t.groupSizeMin}`,
    ),
  ],
);

export const serviceTargetGroups = pgTable(
  "service_target_groups",
  {
    serviceId: integer()
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    targetGroupCode: text()
      .notNull()
      .references(() => targetGroups.code),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.targetGroupCode] }),
    index("service_target_groups_group").on(t.targetGroupCode, t.serviceId),
  ],
);

export const serviceLanguages = pgTable(
  "service_languages",
  {
    serviceId: integer()
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    language: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.language] }),
    index("service_languages_language").on(t.language, t.serviceId),
    check("service_languages_language", sql`${t.language} in (${codeList(WORKING_LANGUAGES)})`),
  ],
);
