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
  /** `off`: no data cache (docs/decisions/043); read by db/data-cache.server.ts. */
  DATA_CACHE: z.enum(["on", "off"]).optional(),
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
