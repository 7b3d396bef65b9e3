import { sql } from "drizzle-orm";
import { homeFigures } from "../../db/queries/dashboard.server";
import type { BenchScenario } from "./types";

/** The home page: headline figures over the whole data set (cached under the data generation). */
export const scenarios: BenchScenario[] = [
  {
    name: "home /fi (cached figures)",
    path: "/fi",
    sql: (db) => homeFigures(db, "2026-11-23", sql`p.state = 'published'`),
    targets: {},
  },
];
