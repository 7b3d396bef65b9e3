/**
 * vitest's global setup: names this run's template databases (tests/helpers/db.ts makes them as the
 * files ask) and removes them when the run ends: the PGlite dumps' folder, and on the PostgreSQL server
 * of DATABASE_URL the template databases.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

export type DbTemplates = { run: string; dir: string };

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplates: DbTemplates;
  }
}

/** A template database's name on the PostgreSQL server: the run's, one per seed level. */
export function templateName(run: string, seed: string) {
  return `rajaton_template_${run}_${seed}`;
}

export default function setup(project: TestProject) {
  const run = `${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  const dir = path.resolve(".tmp", `db-templates-${run}`);
  fs.mkdirSync(dir, { recursive: true });
  project.provide("dbTemplates", { run, dir });
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const url = process.env.DATABASE_URL;
    if (!url) return;
    const adminUrl = new URL(url);
    adminUrl.pathname = "/postgres";
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    try {
      const rows = await admin`select datname from pg_database where datname like ${`${templateName(run, "")}%`}`;
      for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
  };
}
