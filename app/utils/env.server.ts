import { z } from "zod";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().min(1).default("./data"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Address used in links in emails, e.g. https://rajaton.example.fi */
    PUBLIC_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Rajaton <no-reply@rajaton.invalid>"),
    /** Read by scripts/server.mjs, which checks it the same way before starting any process. */
    WEB_CONCURRENCY: z.coerce
      .number()
      .int("WEB_CONCURRENCY must be a whole number of processes")
      .min(1)
      .max(64)
      .optional(),
    /** `off`: no data cache (docs/decisions/043); read by app/utils/data-cache.server.ts. */
    DATA_CACHE: z.enum(["on", "off"]).optional(),
    /** `off`: this process runs no jobs (docs/decisions/085); emails are then only tried right after their write. */
    JOBS: z.enum(["on", "off"]).default("on"),
    /** How often each server process's job runner looks for due jobs. */
    JOB_INTERVAL_SECONDS: z.coerce
      .number()
      .int("JOB_INTERVAL_SECONDS must be a whole number of seconds")
      .min(1)
      .max(3600)
      .default(30),
    /** Days after a follow-up request's first mailing before it is sent once more (docs/decisions/086). */
    FOLLOW_UP_REMIND_DAYS: z.coerce
      .number()
      .int("FOLLOW_UP_REMIND_DAYS must be a whole number of days")
      .min(1)
      .max(365)
      .default(14),
    /** Days after a follow-up request's first mailing before it is overdue in the council's queue. */
    FOLLOW_UP_OVERDUE_DAYS: z.coerce
      .number()
      .int("FOLLOW_UP_OVERDUE_DAYS must be a whole number of days")
      .min(1)
      .max(365)
      .default(28),
  })
  .refine((e) => e.FOLLOW_UP_OVERDUE_DAYS > e.FOLLOW_UP_REMIND_DAYS, {
    message: "FOLLOW_UP_OVERDUE_DAYS must be more than FOLLOW_UP_REMIND_DAYS",
    path: ["FOLLOW_UP_OVERDUE_DAYS"],
  });

export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment; throws with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    // Start-up message for the operator, not the end user.
    console.error(`Invalid environment configuration:\n${lines.join("\n")}`);
    throw new Error("Invalid environment configuration; see the messages above.");
  }
  return result.data;
}

export const env = parseEnv(process.env);
