import { sql as dsql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "../../db/schema";
import { queryRows } from "../../db/connect";
import { continuationCounts } from "../../db/queries/continuation.server";
import type { BenchScenario } from "./types";

/** The home page: headline figures over the whole data set (cached under the data generation). */
export const scenarios: BenchScenario[] = [
  {
    name: "home /fi (cached figures)",
    path: "/fi",
    sql: async (sql) => {
      const db = drizzle({ client: sql, schema, casing: "snake_case" });
      const published = dsql`p.state = 'published'`;
      await continuationCounts(db, { reportDate: "2026-11-23", where: published });
      await queryRows(
        db,
        dsql`select (select count(*)::int from pilots p where ${published}) as pilots,
          (select count(distinct pm.municipality_code)::int from pilot_municipalities pm join pilots p on p.id = pm.pilot_id where ${published}) as municipalities,
          (select count(*)::int from artists where state = 'approved') as artists`,
      );
    },
    targets: {},
  },
];
