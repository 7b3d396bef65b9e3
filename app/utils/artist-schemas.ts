/**
 * The artist directory's forms: one zod schema per form, used by the actions (and unit-tested).
 * Messages are locale keys: "validation.*" from common, "artists:validation.*" from artists.
 */
import { z } from "zod";
import { ARTIST_KINDS, SERVICE_FORMATS, WORKING_LANGUAGES, type ArtistFilterParam } from "~shared/codes";
import { isValidBusinessId } from "./business-id";
import {
  CODE,
  checkbox,
  choice,
  cleanQuery,
  codes,
  email,
  id,
  int,
  M,
  manyOf,
  money,
  optionalId,
  requiredChoice,
  requiredText,
  text,
  url,
} from "./validators";

const code = z.string().regex(CODE, M.invalid);
const version = optionalId();

export const ProfileSchema = z
  .object({
    intent: choice(["save", "submit"]).transform((v) => v ?? "save"),
    version,
    name: requiredText(200),
    kind: requiredChoice(ARTIST_KINDS),
    artForms: codes({ min: 1, message: "artists:validation.chooseOne" }),
    languages: manyOf(WORKING_LANGUAGES, { min: 1, message: "artists:validation.chooseOne" }),
    regions: codes(),
    municipalities: codes(),
    bioFi: text(4000, { multiline: true }),
    bioSv: text(4000, { multiline: true }),
    website: url(300),
    businessId: text(20).refine((s) => s === "" || isValidBusinessId(s), "artists:validation.businessId"),
    contactEmail: email(),
    contactPhone: text(40).refine((s) => s === "" || /^\+?[\d\s()-]{5,40}$/.test(s), "artists:validation.phone"),
    contactConsent: checkbox(),
    showDaysConsent: checkbox(),
  })
  .superRefine((v, ctx) => {
    if (v.regions.length === 0 && v.municipalities.length === 0) {
      ctx.addIssue({ code: "custom", path: ["municipalities"], message: "artists:validation.area" });
    }
    if (v.intent === "submit" && !v.bioFi && !v.bioSv) {
      ctx.addIssue({ code: "custom", path: ["bioFi"], message: "artists:validation.bioForSubmit" });
    }
    if (v.contactConsent && !v.contactEmail && !v.contactPhone) {
      ctx.addIssue({ code: "custom", path: ["contactEmail"], message: "artists:validation.contactForConsent" });
    }
  });

const price = money({ max: 100_000_000, message: "artists:validation.price" });

/** The service form; a missing title is reported at the page language's field (either language is enough). */
export const serviceSchema = (lang: "fi" | "sv" = "fi") =>
  z
    .object({
      version,
      titleFi: text(200),
      titleSv: text(200),
      descriptionFi: text(4000, { multiline: true }),
      descriptionSv: text(4000, { multiline: true }),
      artForm: text(40)
        .refine((s) => s === "" || CODE.test(s), M.invalid)
        .transform((s) => s || undefined),
      format: requiredChoice(SERVICE_FORMATS),
      targetGroups: codes({ min: 1, message: "artists:validation.chooseOne" }),
      languages: manyOf(WORKING_LANGUAGES, { min: 1, message: "artists:validation.chooseOne" }),
      durationMinutes: int({ min: 1, max: 100_000 }),
      groupSizeMin: int({ min: 1, max: 10_000 }),
      groupSizeMax: int({ min: 1, max: 10_000 }),
      priceFrom: price,
      priceTo: price,
      priceOnRequest: checkbox(),
      accessibilityFi: text(1000, { multiline: true }),
      accessibilitySv: text(1000, { multiline: true }),
      seasonFi: text(300),
      seasonSv: text(300),
    })
    .superRefine((v, ctx) => {
      if (!v.titleFi && !v.titleSv)
        ctx.addIssue({
          code: "custom",
          path: [lang === "sv" ? "titleSv" : "titleFi"],
          message: "artists:validation.titleOne",
        });
      if (v.groupSizeMin != null && v.groupSizeMax != null && v.groupSizeMax < v.groupSizeMin) {
        ctx.addIssue({ code: "custom", path: ["groupSizeMax"], message: "artists:validation.groupOrder" });
      }
      if (!v.priceOnRequest && v.priceFrom == null)
        ctx.addIssue({ code: "custom", path: ["priceFrom"], message: "artists:validation.priceOrOnRequest" });
      if (v.priceFrom != null && v.priceTo != null && v.priceTo < v.priceFrom) {
        ctx.addIssue({ code: "custom", path: ["priceTo"], message: "artists:validation.priceOrder" });
      }
    });
export const ServiceSchema = serviceSchema("fi");

export const ModerationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("approve"),
    entity: z.enum(["artist", "service"]),
    id: id(),
    version: id(),
  }),
  z.object({
    intent: z.literal("review"),
    entity: z.enum(["artist", "service"]),
    id: id(),
    version: id(),
  }),
  z.object({
    intent: z.literal("return"),
    entity: z.enum(["artist", "service"]),
    id: id(),
    version: id(),
    reason: requiredText(1000, { multiline: true, message: "artists:validation.reason" }),
  }),
]);

/** Deleting one's own artist profile and account: the box must be ticked. */
export const DeleteProfileSchema = z.object({
  confirm: checkbox().refine((on) => on, "artists:validation.confirmDelete"),
});

export const ContactSchema = z.object({
  message: text(4000, { multiline: true }).refine((s) => s.length >= 10, "artists:validation.messageLength"),
});

/** Directory filters from the URL; a value that does not parse is dropped, never an error. */
const FilterSchema = z.object({
  q: z
    .string()
    .transform((s) => cleanQuery(s))
    .pipe(z.string().min(1)),
  artForm: code,
  targetGroup: code,
  language: z.enum(WORKING_LANGUAGES),
  area: z.string().regex(/^[mr]:\d{2,3}$/),
  format: z.enum(SERVICE_FORMATS),
  priceMin: z.coerce.number().int().min(0).max(1_000_000),
  priceMax: z.coerce.number().int().min(0).max(1_000_000),
} satisfies Record<ArtistFilterParam, z.ZodType>);
export type ArtistFilters = Partial<z.infer<typeof FilterSchema>>;

/** The directory filters read strictly (the open-data API): a present value that does not parse is listed in `invalid`. */
export function parseArtistFiltersStrict(params: URLSearchParams): { filters: ArtistFilters; invalid: string[] } {
  const out: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, schema] of Object.entries(FilterSchema.shape)) {
    const raw = params.get(key);
    if (raw == null || raw === "") continue;
    const r = (schema as z.ZodTypeAny).safeParse(raw);
    if (r.success) out[key] = r.data;
    else invalid.push(key);
  }
  return { filters: out as ArtistFilters, invalid };
}

export function parseArtistFilters(params: URLSearchParams): ArtistFilters {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(FilterSchema.shape)) {
    const raw = params.get(key);
    if (raw == null || raw === "") continue;
    const r = (schema as z.ZodTypeAny).safeParse(raw);
    if (r.success) out[key] = r.data;
  }
  // Links may say "municipality" and "region"; accept them as aliases of area.
  if (!out.area) {
    const m = params.get("municipality");
    const r = params.get("region");
    if (m && /^\d{3}$/.test(m)) out.area = `m:${m}`;
    else if (r && /^\d{2}$/.test(r)) out.area = `r:${r}`;
  }
  return out as ArtistFilters;
}
