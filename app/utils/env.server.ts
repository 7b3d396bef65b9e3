import { z } from "zod";

const EnvSchema = z.object({
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
  /**
   * The address users reach the service at, e.g. https://rajaton.example.fi: links in emails are
   * built from it (never from the request's Host), and scripts/server.mjs answers only to its host.
   * Required in production; elsewhere http://localhost:$PORT.
   */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+\/?$/, "PUBLIC_URL must be an origin such as https://rajaton.example.fi (no path)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().default("Rajaton <no-reply@rajaton.invalid>"),
  /** Read by scripts/server.mjs, which checks it the same way before starting any process. */
  WEB_CONCURRENCY: z.coerce
    .number()
    .int("WEB_CONCURRENCY must be a whole number of processes")
    .min(1)
    .max(64)
    .optional(),
  /** `off`: no data cache (docs/decisions/043); read by db/data-cache.server.ts. */
  DATA_CACHE: z.enum(["on", "off"]).optional(),

  /**
   * Requests a minute one client address may make to the open-data API (/api/v1), per server
   * process (docs/decisions/100); 0 turns the limit off.
   */
  API_RATE_LIMIT: z.coerce
    .number()
    .int("API_RATE_LIMIT must be a whole number of requests a minute")
    .min(0)
    .max(1_000_000)
    .default(600),

  // Session limits (docs/decisions/067), read by app/utils/session.server.ts.
  /** Hours without a request after which a staff, council or admin session ends. */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .int("SESSION_IDLE_HOURS must be a whole number of hours")
    .min(1, "SESSION_IDLE_HOURS must be at least 1")
    .max(24 * 90)
    .default(8),
  /** Hours without a request after which an artist's session ends. */
  SESSION_IDLE_HOURS_ARTIST: z.coerce
    .number()
    .int("SESSION_IDLE_HOURS_ARTIST must be a whole number of hours")
    .min(1, "SESSION_IDLE_HOURS_ARTIST must be at least 1")
    .max(24 * 90)
    .default(24 * 14),
  /** Days after sign-in after which any session ends, however active. */
  SESSION_MAX_DAYS: z.coerce
    .number()
    .int("SESSION_MAX_DAYS must be a whole number of days")
    .min(1, "SESSION_MAX_DAYS must be at least 1")
    .max(90)
    .default(14),

  // Background jobs and follow-up requests (docs/decisions/085, 086), read by app/utils/jobs.server.ts.
  /** `off`: this process runs no jobs; emails are then only tried right after their write. */
  JOBS: z.enum(["on", "off"]).default("on"),
  /** How often each server process's job runner looks for due jobs. */
  JOB_INTERVAL_SECONDS: z.coerce
    .number()
    .int("JOB_INTERVAL_SECONDS must be a whole number of seconds")
    .min(1)
    .max(3600)
    .default(30),
  /** Days after a follow-up request's first mailing before it is sent once more. */
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
});

const CheckedEnvSchema = EnvSchema.superRefine((e, ctx) => {
  if (e.NODE_ENV === "production" && !e.PUBLIC_URL)
    ctx.addIssue({
      code: "custom",
      path: ["PUBLIC_URL"],
      message:
        "required when NODE_ENV=production: the address users reach the service at, e.g. https://rajaton.example.fi (links in emails are built from it)",
    });
  if (e.FOLLOW_UP_OVERDUE_DAYS <= e.FOLLOW_UP_REMIND_DAYS)
    ctx.addIssue({
      code: "custom",
      path: ["FOLLOW_UP_OVERDUE_DAYS"],
      message: "must be more than FOLLOW_UP_REMIND_DAYS",
    });
}).transform((e) => ({ ...e, PUBLIC_URL: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "") }));

export type Env = z.infer<typeof CheckedEnvSchema>;

/** Parses an environment; throws with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = CheckedEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    // Start-up message for the operator, not the end user.
    console.error(`Invalid environment configuration:\n${lines.join("\n")}`);
    throw new Error("Invalid environment configuration; see the messages above.");
  }
  return result.data;
}

export const env = parseEnv(process.env);
