import { sql } from "drizzle-orm";
import { boolean, jsonb, timestamp } from "drizzle-orm/pg-core";
import type { Localized } from "../../shared/codes";

/** Translatable content: one jsonb column per field, `{ fi, sv }` (docs/decisions/003). */
export const localized = () => jsonb().$type<Localized>().notNull().default({});

/** Every invented record carries this flag so demo data can be told apart and removed. */
export const isExample = () => boolean().notNull().default(false);

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** A check constraint's list of allowed codes, `'a', 'b'`, from a constant in shared/codes.ts. */
export const codeList = (codes: readonly string[]) => sql.raw(codes.map((c) => `'${c}'`).join(", "));
