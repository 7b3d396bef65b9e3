import { boolean, jsonb, timestamp } from "drizzle-orm/pg-core";

/** Translatable content: one jsonb column per field, `{ fi, sv }` (docs/decisions/003). */
export type Localized = { fi?: string | null; sv?: string | null };

export const localized = () => jsonb().$type<Localized>().notNull().default({});

/** Every invented record carries this flag so demo data can be told apart and removed. */
export const isExample = () => boolean().notNull().default(false);

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
