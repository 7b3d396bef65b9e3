/**
 * The artist directory's forms: one zod schema per form, used by the actions (and unit-tested).
 * Messages are locale keys: "validation.*" from common, "artists:validation.*" from artists.
 */
import { z } from "zod";
import { ARTIST_KINDS, SERVICE_FORMATS, WORKING_LANGUAGES, type ArtistFilterParam } from "~shared/codes";
import { isValidBusinessId } from "./business-id";
import type { FieldErrors } from "./forms";
import { parseMoneyToCents } from "./format";

const code = z.string().regex(/^[\w-]{1,40}$/, "validation.invalid");
/** A checkbox group: absent, one value or many. */
const many = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(400, "validation.invalid"),
  );
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());
const text = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(max, "validation.tooLong"));
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : undefined),
    z
      .number("artists:validation.number")
      .int("artists:validation.number")
      .min(min, "artists:validation.number")
      .max(max, "artists:validation.number")
      .optional(),
  );
const version = z.coerce.number().int().min(1).max(2_000_000_000).optional();

export const ProfileSchema = z
  .object({
    intent: z.enum(["save", "submit"]).default("save"),
    version,
    name: text(200).pipe(z.string().min(1, "validation.required")),
    kind: z.enum(ARTIST_KINDS, "validation.required"),
    artForms: many(code).pipe(z.array(code).min(1, "artists:validation.chooseOne")),
    languages: many(z.enum(WORKING_LANGUAGES)).pipe(
      z.array(z.enum(WORKING_LANGUAGES)).min(1, "artists:validation.chooseOne"),
    ),
    regions: many(code),
    municipalities: many(code),
    bioFi: text(4000),
    bioSv: text(4000),
    website: text(300).refine((s) => s === "" || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(s), "artists:validation.url"),
    businessId: text(20).refine((s) => s === "" || isValidBusinessId(s), "artists:validation.businessId"),
    contactEmail: text(200).refine((s) => s === "" || z.email().safeParse(s).success, "validation.email"),
    contactPhone: text(40).refine((s) => s === "" || /^\+?[\d\s()-]{5,40}$/.test(s), "artists:validation.phone"),
    contactConsent: checkbox,
    showDaysConsent: checkbox,
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
export type ProfileInput = z.infer<typeof ProfileSchema>;

const money = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? (parseMoneyToCents(v) ?? Number.NaN) : undefined),
  z
    .number("artists:validation.price")
    .int("artists:validation.price")
    .min(0, "artists:validation.price")
    .max(100_000_000, "artists:validation.price")
    .optional(),
);

export const ServiceSchema = z
  .object({
    version,
    titleFi: text(200),
    titleSv: text(200),
    descriptionFi: text(4000),
    descriptionSv: text(4000),
    artForm: z.preprocess((v) => (v === "" ? undefined : v), code.optional()),
    format: z.enum(SERVICE_FORMATS, "validation.required"),
    targetGroups: many(code).pipe(z.array(code).min(1, "artists:validation.chooseOne")),
    languages: many(z.enum(WORKING_LANGUAGES)).pipe(
      z.array(z.enum(WORKING_LANGUAGES)).min(1, "artists:validation.chooseOne"),
    ),
    durationMinutes: optionalInt(1, 100_000),
    groupSizeMin: optionalInt(1, 10_000),
    groupSizeMax: optionalInt(1, 10_000),
    priceFrom: money,
    priceTo: money,
    priceOnRequest: checkbox,
    accessibilityFi: text(1000),
    accessibilitySv: text(1000),
    seasonFi: text(300),
    seasonSv: text(300),
  })
  .superRefine((v, ctx) => {
    if (!v.titleFi && !v.titleSv)
      ctx.addIssue({ code: "custom", path: ["titleFi"], message: "artists:validation.titleOne" });
    if (v.groupSizeMin != null && v.groupSizeMax != null && v.groupSizeMax < v.groupSizeMin) {
      ctx.addIssue({ code: "custom", path: ["groupSizeMax"], message: "artists:validation.groupOrder" });
    }
    if (!v.priceOnRequest && v.priceFrom == null)
      ctx.addIssue({ code: "custom", path: ["priceFrom"], message: "artists:validation.priceOrOnRequest" });
    if (v.priceFrom != null && v.priceTo != null && v.priceTo < v.priceFrom) {
      ctx.addIssue({ code: "custom", path: ["priceTo"], message: "artists:validation.priceOrder" });
    }
  });
export type ServiceInput = z.infer<typeof ServiceSchema>;

export const ModerationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("approve"),
    entity: z.enum(["artist", "service"]),
    id: z.coerce.number().int().min(1),
    version: z.coerce.number().int().min(1),
  }),
  z.object({
    intent: z.literal("review"),
    entity: z.enum(["artist", "service"]),
    id: z.coerce.number().int().min(1),
    version: z.coerce.number().int().min(1),
  }),
  z.object({
    intent: z.literal("return"),
    entity: z.enum(["artist", "service"]),
    id: z.coerce.number().int().min(1),
    version: z.coerce.number().int().min(1),
    reason: text(1000).pipe(z.string().min(1, "artists:validation.reason")),
  }),
]);

export const ContactSchema = z.object({
  message: text(4000).pipe(z.string().min(10, "artists:validation.messageLength")),
});

/** Like parseForm, but keeps the artists namespace's own messages. */
export function parseArtistForm<S extends z.ZodTypeAny>(schema: S, input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true as const, data: result.data as z.infer<S> };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_form";
    const ok = issue.message.startsWith("validation.") || issue.message.startsWith("artists:validation.");
    if (!errors[key]) errors[key] = ok ? issue.message : "validation.invalid";
  }
  return { ok: false as const, errors };
}

/** Directory filters from the URL; a value that does not parse is dropped, never an error. */
const FilterSchema = z.object({
  q: z.string().trim().min(1).max(200),
  artForm: code,
  targetGroup: code,
  language: z.enum(WORKING_LANGUAGES),
  area: z.string().regex(/^[mr]:\d{2,3}$/),
  format: z.enum(SERVICE_FORMATS),
  priceMin: z.coerce.number().int().min(0).max(1_000_000),
  priceMax: z.coerce.number().int().min(0).max(1_000_000),
} satisfies Record<ArtistFilterParam, z.ZodType>);
export type ArtistFilters = Partial<z.infer<typeof FilterSchema>>;

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
