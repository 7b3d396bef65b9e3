import type { z } from "zod";
import { parseSubmission } from "~/utils/forms";

/** A form post as the browser sends it: arrays become repeated names. */
export function toFormData(values: Record<string, unknown>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v == null) continue;
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, String(x));
  }
  return fd;
}

/** Parses a plain object as the form pipeline parses a post. */
export const parseValues = <S extends z.ZodType>(schema: S, values: Record<string, unknown>) =>
  parseSubmission(toFormData(values), schema);
