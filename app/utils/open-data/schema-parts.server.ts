/**
 * The pieces every shape of the open-data API is built from (docs/decisions/100): the registry the
 * OpenAPI document is generated from (openapi.server.ts), `component` that registers a shape under its
 * component name, the field primitives and the two shared components (Localized, Coded). The shapes
 * themselves live in record-schemas.server.ts (pilots, artists) and schemas.server.ts (figures,
 * reference lists, errors).
 */
import { z } from "zod";

export const apiRegistry = z.registry<{ id: string }>();
export const component = <T extends z.ZodType>(id: string, schema: T): T => {
  apiRegistry.add(schema, { id });
  return schema;
};

export const text = z.string().min(1);
export const date = z.iso.date();
export const int = z.number().int();
export const count = z.number().int().min(0);
export const share = z.number().min(0).max(1);

export const Localized = component(
  "Localized",
  z
    .strictObject({ fi: text.optional(), sv: text.optional() })
    .describe(
      "A text in Finnish and Swedish. A language the text has not been written in is absent (never copied from the other).",
    ),
);

export const Coded = component(
  "Coded",
  z.strictObject({ code: text, name: Localized }).describe("A code from a reference list with its names."),
);
